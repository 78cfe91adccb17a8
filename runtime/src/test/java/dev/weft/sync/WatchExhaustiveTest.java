package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.testkit.CountingWaker;
import dev.weft.testkit.Interleavings;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Small-scope exhaustive check of {@link Watch}, explored by {@link Interleavings} as {@link ChannelExhaustiveTest} is:
 * every interleaving of up to four sets (values 1, 2, ... over the initial 0: the value is its
 * version), one close, and receivers each running the documented loop
 * {@code while (await(rx.changed())) use(rx.get());}: one receiver (four sets, three
 * cancellations, the {@code get()} after a true a step of its own, so sets come in between), or
 * two, the second subscribing at any point (two sets, one cancellation each, the get right after
 * the true). Each {@code changed()} future is polled first at any point, re-polled only after its
 * waker was woken and may be cancelled at any point while pending (the loop then starts a new
 * {@code changed()}). The scopes are as large as a run of seconds allows: the search replays
 * every interleaving without merging equal states. Checked at every step: {@code changed()} is true only when a version
 * the receiver has not seen exists and false only once closed with nothing unseen, it never
 * waits while there is something unseen, each {@code get()} returns the current value and the
 * values a receiver gets strictly increase (no change reported twice), a waiting
 * {@code changed()} with something to report has been woken; at the end every
 * receiver finished, and its last value is the last one set (no change lost to a cancellation).
 */
class WatchExhaustiveTest {

    /** The scope of one run: set by each test before it explores. */
    private int sets;

    private int receiversN;
    private int maxCancels;

    /** Whether receiver 2 exists, subscribing at any point (else only receiver 1, from the start). */
    private boolean late;

    private static final int UNSUBSCRIBED = 0;
    private static final int NEW = 1;
    private static final int PENDING = 2;
    private static final int MUST_GET = 3;
    private static final int FINISHED = 4;

    // actions: 0 set, 1 close, 2 subscribe receiver 1, then per receiver i: 3 + 3i poll, 4 + 3i
    // cancel, 5 + 3i get
    private static final int SET = 0;
    private static final int CLOSE = 1;
    private static final int SUBSCRIBE = 2;

    private static final int MAX_STEPS = 60;

    /** One replay of an interleaving, checking the model after every step. */
    private final class World implements Interleavings.Model {
        final Watch<Integer> watch = new Watch<>(0);
        final List<Watch.Receiver<Integer>> rx = new ArrayList<>();
        final CountingWaker[] wakers = new CountingWaker[receiversN];
        final Future<?>[] futures = new Future<?>[receiversN];
        final int[] status = new int[receiversN];
        final int[] cancels = new int[receiversN];

        /** Model: the newest version receiver i has seen. */
        final int[] seen = new int[receiversN];

        /** The version when receiver i subscribed, and the last value its get() returned (-1: none). */
        final int[] subscribedAt = new int[receiversN];

        final int[] lastGot = new int[receiversN];
        int version;
        boolean closed;

        /** The interleaving so far, for failure messages only (built when one is needed). */
        final List<Integer> path = new ArrayList<>();

        World() {
            for (int i = 0; i < receiversN; i++) {
                wakers[i] = new CountingWaker();
                rx.add(null);
            }
            subscribe(0);
        }

        void subscribe(int i) {
            rx.set(i, watch.subscribe());
            seen[i] = version;
            subscribedAt[i] = version;
            lastGot[i] = -1;
            status[i] = NEW;
            futures[i] = rx.get(i).changed();
        }

        String where() {
            return " " + Interleavings.describe(path, WatchExhaustiveTest.this::describe);
        }

        /** A waiting changed() with something to report (a new version, the end) must have been woken. */
        @Override
        public void checkStep() {
            for (int k = 0; k < receiversN; k++) {
                int i = k;
                if (status[i] == PENDING && (seen[i] < version || closed)) {
                    assertTrue(
                            wakers[i].wakes() > 0,
                            () -> "receiver " + (i + 1) + " not woken (lost wake-up) at" + where());
                }
            }
        }

        @Override
        public List<Integer> enabled() {
            List<Integer> out = new ArrayList<>();
            if (!closed && version < sets) {
                out.add(SET);
            }
            if (!closed) {
                out.add(CLOSE);
            }
            if (late && status[1] == UNSUBSCRIBED) {
                out.add(SUBSCRIBE);
            }
            for (int i = 0; i < receiversN; i++) {
                if (status[i] == NEW || (status[i] == PENDING && wakers[i].wakes() > 0)) {
                    out.add(3 + 3 * i);
                }
                if (status[i] == PENDING && cancels[i] < maxCancels) {
                    out.add(4 + 3 * i);
                }
                if (status[i] == MUST_GET) {
                    out.add(5 + 3 * i);
                }
            }
            return out;
        }

        @Override
        public void apply(int action) {
            path.add(action);
            if (action == SET) {
                try {
                    watch.set(++version);
                } catch (ClosedChannelException e) {
                    throw new AssertionError("set before close failed at" + where(), e);
                }
                assertEquals(version, watch.get(), () -> "the watch's own get at" + where());
                return;
            }
            if (action == CLOSE) {
                closed = true;
                watch.close();
                return;
            }
            if (action == SUBSCRIBE) {
                subscribe(1);
                return;
            }
            int i = (action - 3) / 3;
            switch ((action - 3) % 3) {
                case 1:
                    futures[i].cancel();
                    cancels[i]++;
                    futures[i] = rx.get(i).changed();
                    status[i] = NEW;
                    return;
                case 2:
                    int v = rx.get(i).get();
                    assertEquals(version, v, () -> "get is not the current value at" + where());
                    assertTrue(
                            v > lastGot[i],
                            () ->
                                    "change reported twice: got "
                                            + v
                                            + " after "
                                            + lastGot[i]
                                            + " at"
                                            + where());
                    lastGot[i] = v;
                    seen[i] = version;
                    futures[i] = rx.get(i).changed();
                    status[i] = NEW;
                    return;
                default:
                    break;
            }
            wakers[i].takeWoken();
            Poll<?> p = futures[i].poll(wakers[i].cx);
            if (!p.isReady()) {
                assertTrue(
                        seen[i] == version && !closed,
                        () ->
                                "receiver "
                                        + (i + 1)
                                        + " waits though "
                                        + (closed ? "closed" : "version " + version + " is unseen")
                                        + ", at"
                                        + where());
                status[i] = PENDING;
                return;
            }
            if ((Boolean) p.value()) {
                assertTrue(
                        seen[i] < version,
                        () -> "changed() true without a new version at" + where());
                seen[i] = version;
                status[i] = MUST_GET;
                if (!separateGet) {
                    apply(5 + 3 * i);
                }
            } else {
                assertTrue(
                        closed && seen[i] == version,
                        () -> "changed() false while open or unseen at" + where());
                status[i] = FINISHED;
            }
        }

        @Override
        public void checkEnd() {
            for (int k = 0; k < receiversN; k++) {
                int i = k;
                assertEquals(
                        FINISHED,
                        status[i],
                        () -> "receiver " + (i + 1) + " stuck (lost wake-up) at" + where());
                int expectedLast = version > subscribedAt[i] ? version : -1;
                assertEquals(
                        expectedLast,
                        lastGot[i],
                        () -> "receiver " + (i + 1) + " missed the last change at" + where());
            }
        }
    }

    /** Whether the get() after a true is a step of its own (sets may come in between). */
    private boolean separateGet;

    @ParameterizedTest(
            name = "{0} sets, {1} receivers, {2} cancels each, get as a step of its own: {3}")
    @CsvSource({"4, 1, 3, true", "2, 2, 1, false"})
    void everyInterleavingReportsEachChangeOnceAndLosesNone(
            int sets, int receivers, int cancels, boolean separateGet) {
        this.sets = sets;
        this.receiversN = receivers;
        this.maxCancels = cancels;
        this.late = receivers == 2;
        this.separateGet = separateGet;
        long leaves = Interleavings.explore(World::new, MAX_STEPS, this::describe);
        assertTrue(leaves > 1000, "explored " + leaves);
        System.out.println(
                "[exhaustive] watch, "
                        + sets
                        + " sets, "
                        + receivers
                        + " receivers, "
                        + cancels
                        + " cancels each, separate get "
                        + separateGet
                        + ": "
                        + leaves
                        + " complete interleavings checked");
    }

    private String describe(int action) {
        if (action == SET) {
            return "set";
        }
        if (action == CLOSE) {
            return "close";
        }
        if (action == SUBSCRIBE) {
            return "subscribe R2";
        }
        int i = (action - 3) / 3;
        String[] what = {"poll R", "cancel R", "get R"};
        return what[(action - 3) % 3] + (i + 1);
    }
}
