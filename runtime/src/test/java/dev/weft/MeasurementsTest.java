package dev.weft;

import static dev.weft.testkit.AllocationMeter.allocated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.internal.time.TimerEntry;
import dev.weft.internal.time.TimerWheelProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints measurements for the report (no thresholds: tests assert behaviour, numbers are read
 * by people). Allocation per spawned task, and the cost of inserting and firing a million timers.
 */
@Tag("measure")
class MeasurementsTest {

    @Test
    void bytesPerSpawnedTask() {
        final int n = 100_000;
        List<JoinHandle<Void>> handles = new ArrayList<>(n);
        Future<Void> ready = Future.done();
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            for (int round = 0; round < 3; round++) { // the last round is measured, after warm-up
                handles.clear();
                long a0 = allocated();
                for (int i = 0; i < n; i++) {
                    handles.add(rt.spawn(ready));
                }
                long a1 = allocated();
                rt.blockOn(TestFutures.until(() -> handles.get(n - 1).isDone()));
                long a2 = allocated();
                if (round == 2) {
                    System.out.printf(
                            "[measure] current-thread: spawn %.1f B/task, spawn+run to completion %.1f B/task%n",
                            (a1 - a0) / (double) n, (a2 - a0) / (double) n);
                }
            }
        }
        try (AsyncRuntime rt =
                AsyncRuntime.builder().workers(1).threadNamePrefix("weft-measure-").build()) {
            for (int round = 0; round < 3; round++) {
                handles.clear();
                long a0 = allocated();
                for (int i = 0; i < n; i++) {
                    handles.add(rt.spawn(ready));
                }
                long a1 = allocated();
                if (round == 2) {
                    System.out.printf(
                            "[measure] multi-thread: spawn %.1f B/task on the spawning thread%n",
                            (a1 - a0) / (double) n);
                }
                rt.blockOn(TestFutures.until(() -> handles.get(n - 1).isDone()));
            }
        }
        assertEquals(n, handles.size());
    }

    @Test
    void closeWithAThousandPendingTasks() throws InterruptedException {
        for (String kind :
                List.of("current-thread", "multi-thread", "current-thread", "multi-thread")) {
            AsyncRuntime rt =
                    kind.equals("current-thread")
                            ? AsyncRuntime.currentThread()
                            : AsyncRuntime.builder()
                                    .workers(2)
                                    .threadNamePrefix("weft-measure-")
                                    .build();
            List<JoinHandle<Void>> handles = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                handles.add(rt.spawn(Async.sleep(java.time.Duration.ofHours(1))));
            }
            rt.blockOn(Async.sleep(java.time.Duration.ofMillis(20)));
            long t0 = System.nanoTime();
            rt.close();
            long t1 = System.nanoTime();
            RuntimeThreads.join(
                    rt); // close()'s own join is bounded; a loaded machine can outlast it
            assertEquals(1000, handles.stream().filter(JoinHandle::isDone).count());
            System.out.printf(
                    "[measure] %s: close() with 1000 sleeping tasks took %.2f ms (first of each kind is cold)%n",
                    kind, (t1 - t0) / 1e6);
        }
    }

    @Test
    void millionTimersInsertAndFire() {
        final int n = 1_000_000;
        TimerEntry[] entries = new TimerEntry[n];
        for (int i = 0; i < n; i++) {
            entries[i] = new TimerEntry();
        }
        SplittableRandom rnd = new SplittableRandom(1);
        long[] deadlines = new long[n];
        for (int i = 0; i < n; i++) {
            deadlines[i] = 1 + rnd.nextLong(1 << 20); // up to ~17 minutes: levels 0..3
        }
        for (int round = 0; round < 3; round++) {
            TimerWheelProbe wheel = new TimerWheelProbe();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                wheel.insert(entries[i], deadlines[i]);
            }
            long t1 = System.nanoTime();
            long fired = wheel.advanceTickByTick(1 << 20);
            long t2 = System.nanoTime();
            assertEquals(n, fired);
            TimerWheelProbe jump = new TimerWheelProbe();
            for (int i = 0; i < n; i++) {
                jump.insert(entries[i], deadlines[i]);
            }
            long t3 = System.nanoTime();
            assertEquals(n, jump.advanceTo(1 << 20));
            long t4 = System.nanoTime();
            if (round == 2) {
                System.out.printf(
                        "[measure] timer wheel, same 1M timers fired by one advance to the end: %d ms (%.0f ns/timer)%n",
                        (t4 - t3) / 1_000_000, (t4 - t3) / (double) n);
                System.out.printf(
                        "[measure] timer wheel, 1M timers over 2^20 ms: insert %d ms (%.0f ns/timer),"
                                + " fire (advancing 1 ms at a time) %d ms (%.0f ns/timer)%n",
                        (t1 - t0) / 1_000_000,
                        (t1 - t0) / (double) n,
                        (t2 - t1) / 1_000_000,
                        (t2 - t1) / (double) n);
            }
        }
    }
}
