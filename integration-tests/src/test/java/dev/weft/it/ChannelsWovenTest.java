package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.sync.Broadcast;
import dev.weft.sync.Channel;
import dev.weft.sync.Watch;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rendezvous channel, {@link Broadcast} and {@link Watch} used from woven async methods, as
 * users write them (await in loops, try/catch of the declared exceptions around the await), on
 * the current-thread and the work-stealing runtime. Asserts values and order, never time.
 */
class ChannelsWovenTest {

    static AsyncRuntime runtime(String kind) {
        return kind.equals("current-thread")
                ? AsyncRuntime.currentThread()
                : AsyncRuntime.builder().workers(2).build();
    }

    // ---- rendezvous ----

    static Future<Void> produce(Channel<Integer> ch, int n) throws ClosedChannelException {
        for (int i = 1; i <= n; i++) {
            await(ch.send(i));
        }
        ch.close();
        return Future.done();
    }

    static Future<Long> consume(Channel<Integer> ch) {
        long sum = 0;
        for (Integer v = await(ch.receive()); v != null; v = await(ch.receive())) {
            sum += v;
        }
        return Future.ready(sum);
    }

    /** A send with nobody receiving times out, and the timed-out value is never received. */
    static Future<List<String>> handOff(Channel<String> ch) throws ClosedChannelException {
        List<String> log = new ArrayList<>();
        try {
            await(Async.timeout(Duration.ofMillis(5), ch.send("nobody took me")));
            log.add("sent without a receiver");
        } catch (TimeoutException e) {
            log.add("timed out");
        }
        JoinHandle<String> receiver = Async.spawn(receiveOne(ch));
        await(ch.send("taken"));
        log.add("sent");
        log.add(await(receiver));
        return Future.ready(log);
    }

    static Future<String> receiveOne(Channel<String> ch) {
        return Future.ready(await(ch.receive()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"current-thread", "multi-thread"})
    void rendezvousHandsEveryValueOverAndATimedOutSendDeliversNothing(String kind)
            throws Exception {
        try (AsyncRuntime rt = runtime(kind)) {
            Channel<Integer> ch = Channel.rendezvous();
            List<JoinHandle<Long>> consumers = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                consumers.add(rt.spawn(consume(ch)));
            }
            rt.blockOn(produce(ch, 1_000));
            long sum = 0;
            for (JoinHandle<Long> c : consumers) {
                sum += rt.blockOn(c);
            }
            assertEquals(1_000L * 1_001 / 2, sum);

            assertEquals(
                    List.of("timed out", "sent", "taken"),
                    rt.blockOn(handOff(Channel.rendezvous())));
        }
    }

    // ---- broadcast ----

    /** Receives until the end; a lag is logged as "lag N" and the loop goes on. */
    static Future<List<String>> listen(Broadcast.Receiver<Integer> rx) {
        List<String> seen = new ArrayList<>();
        while (true) {
            Integer v;
            try {
                v = await(rx.receive());
            } catch (Broadcast.LaggedException lag) {
                seen.add("lag " + lag.skipped());
                continue;
            }
            if (v == null) {
                return Future.ready(seen);
            }
            seen.add(String.valueOf(v));
        }
    }

    static Future<Void> broadcastAll(Broadcast<Integer> bc, int n) throws ClosedChannelException {
        for (int i = 1; i <= n; i++) {
            bc.send(i);
            await(Async.yieldNow());
        }
        bc.close();
        return Future.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"current-thread", "multi-thread"})
    void everyListenerSeesEveryValueWhenTheRingIsLargeEnough(String kind) throws Exception {
        try (AsyncRuntime rt = runtime(kind)) {
            Broadcast<Integer> bc = new Broadcast<>(256);
            List<JoinHandle<List<String>>> listeners = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                listeners.add(rt.spawn(listen(bc.subscribe())));
            }
            rt.blockOn(rt.spawn(broadcastAll(bc, 200)));
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                expected.add(String.valueOf(i));
            }
            for (JoinHandle<List<String>> l : listeners) {
                assertEquals(expected, rt.blockOn(l));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"current-thread", "multi-thread"})
    void aListenerThatFellBehindIsToldHowFarAndContinues(String kind) throws Exception {
        try (AsyncRuntime rt = runtime(kind)) {
            Broadcast<Integer> bc = new Broadcast<>(4);
            Broadcast.Receiver<Integer> rx = bc.subscribe();
            for (int i = 1; i <= 10; i++) {
                bc.send(i); // nobody receives yet
            }
            bc.close();
            assertEquals(List.of("lag 6", "7", "8", "9", "10"), rt.blockOn(listen(rx)));
        }
    }

    // ---- watch ----

    /** The documented loop; returns every value it read. */
    static Future<List<Integer>> follow(Watch.Receiver<Integer> rx) {
        List<Integer> seen = new ArrayList<>();
        seen.add(rx.get());
        while (await(rx.changed())) {
            seen.add(rx.get());
        }
        return Future.ready(seen);
    }

    static Future<Void> setAll(Watch<Integer> w, int n) throws ClosedChannelException {
        for (int i = 1; i <= n; i++) {
            w.set(i);
            if (i % 3 == 0) {
                await(Async.yieldNow());
            }
        }
        w.close();
        return Future.done();
    }

    @ParameterizedTest
    @ValueSource(strings = {"current-thread", "multi-thread"})
    void followersSeeIncreasingValuesAndAlwaysTheLastOne(String kind) throws Exception {
        try (AsyncRuntime rt = runtime(kind)) {
            Watch<Integer> w = new Watch<>(0);
            List<JoinHandle<List<Integer>>> followers = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                followers.add(rt.spawn(follow(w.subscribe())));
            }
            rt.blockOn(rt.spawn(setAll(w, 100)));
            for (JoinHandle<List<Integer>> f : followers) {
                List<Integer> seen = rt.blockOn(f);
                for (int i = 1; i < seen.size(); i++) {
                    assertTrue(seen.get(i) > seen.get(i - 1), "a change reported twice: " + seen);
                }
                assertEquals(
                        100, seen.get(seen.size() - 1), "the last value is never lost: " + seen);
            }
            assertFalse(rt.blockOn(w.subscribe().changed()));
        }
    }
}
