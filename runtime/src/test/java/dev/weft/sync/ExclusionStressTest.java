package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutex and semaphore under contention on both executors, acquisitions randomly cancelled by
 * races and timeouts (including right after a grant). Each holder keeps its hold across a
 * suspension and does a non-atomic read-yield-write of a plain counter: a broken exclusion loses
 * updates. At the end no permit may have leaked: the lock is free and all permits are back.
 */
@Tag("stress")
class ExclusionStressTest {

    private static final int TASKS = 8;
    private static final int ITERATIONS = 1_500;

    /** Shared by the workers of one run; the plain field is only touched while holding. */
    private static final class Shared {
        final int limit;
        final AtomicInteger holders = new AtomicInteger();
        final AtomicInteger maxHolders = new AtomicInteger();
        final AtomicInteger acquired = new AtomicInteger();
        final AtomicInteger gaveUp = new AtomicInteger();
        int counter;

        Shared(int limit) {
            this.limit = limit;
        }
    }

    /** Acquire (maybe interrupted), hold across one yield, update the counter, release; repeat. */
    private static final class Worker implements Future<Void> {
        private final Shared shared;
        private final Supplier<Future<?>> acquire;
        private final Consumer<Object> release;
        private final SplittableRandom rnd;
        private int iteration;
        private Future<Object> current;
        private Object token;
        private int snapshot;
        private boolean holding;
        private boolean yielded;

        Worker(Shared shared, Supplier<Future<?>> acquire, Consumer<Object> release, long seed) {
            this.shared = shared;
            this.acquire = acquire;
            this.release = release;
            this.rnd = new SplittableRandom(seed);
        }

        @Override
        public Poll<Void> poll(Context cx) {
            while (true) {
                if (holding) {
                    if (!yielded) {
                        yielded = true;
                        cx.waker().wake();
                        return Poll.pending();
                    }
                    if (shared.limit == 1) {
                        shared.counter = snapshot + 1;
                    }
                    shared.holders.decrementAndGet();
                    holding = false;
                    shared.acquired.incrementAndGet();
                    release.accept(token);
                    iteration++;
                    continue;
                }
                if (current == null) {
                    if (iteration == ITERATIONS) {
                        return Poll.ready(null);
                    }
                    current = Interrupters.maybeInterrupted(acquire.get(), rnd);
                }
                Poll<Object> p = current.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                current = null;
                if (p.value() == Interrupters.GAVE_UP) {
                    shared.gaveUp.incrementAndGet();
                    iteration++;
                    continue;
                }
                token = p.value();
                int h = shared.holders.incrementAndGet();
                shared.maxHolders.accumulateAndGet(h, Math::max);
                snapshot = shared.counter;
                holding = true;
                yielded = false;
            }
        }
    }

    private static void run(
            String kind, Shared shared, Supplier<Future<?>> acquire, Consumer<Object> release) {
        long seed = System.nanoTime();
        try (AsyncRuntime rt = Interrupters.runtime(kind)) {
            List<JoinHandle<Void>> handles = new ArrayList<>();
            for (int t = 0; t < TASKS; t++) {
                handles.add(rt.spawn(new Worker(shared, acquire, release, seed + t)));
            }
            Interrupters.blockOnOrFail(rt, Futures.all(handles));
        }
        assertEquals(
                TASKS * ITERATIONS, shared.acquired.get() + shared.gaveUp.get(), "seed " + seed);
        assertTrue(
                shared.maxHolders.get() <= shared.limit,
                "exclusion broken: " + shared.maxHolders + " holders");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"current-thread", "multi-thread"})
    void mutexExcludesAndLeaksNothing(String kind) {
        for (int run = 1; ; run++) {
            Mutex m = new Mutex();
            Shared shared = new Shared(1);
            run(kind, shared, m::lock, g -> ((Mutex.Guard) g).close());
            assertEquals(shared.acquired.get(), shared.counter, "lost updates: exclusion broken");
            assertFalse(m.isLocked(), "the lock leaked");
            if (cancelledSome(shared, run)) {
                return;
            }
        }
    }

    /**
     * Whether the run cancelled an acquisition, the path this test is for. Whether one does
     * depends on how the workers interleave (a run rarely sees no contention at all), so a run
     * without one is repeated, up to {@link #RUNS} times.
     */
    private static boolean cancelledSome(Shared shared, int run) {
        if (shared.gaveUp.get() > 0) {
            return true;
        }
        assertTrue(run < RUNS, "no acquisition was cancelled in " + RUNS + " runs");
        return false;
    }

    private static final int RUNS = 3;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"current-thread", "multi-thread"})
    void semaphoreBoundsHoldersAndLeaksNoPermit(String kind) {
        for (int run = 1; ; run++) {
            Semaphore s = new Semaphore(3);
            Shared shared = new Shared(3);
            run(kind, shared, s::acquire, token -> s.release());
            assertEquals(3, s.availablePermits(), "permits leaked or were created");
            if (cancelledSome(shared, run)) {
                return;
            }
        }
    }
}
