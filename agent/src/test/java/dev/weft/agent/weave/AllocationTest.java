package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.testkit.AllocationMeter;
import dev.weft.testkit.Poller;
import org.junit.jupiter.api.Test;

/**
 * One state object per call, reused across every suspension: 200,000 suspending awaits on a
 * leaf that allocates nothing must allocate far less than one byte per suspension. (An
 * allocation count, not a timing; what it prints is the measurement.)
 */
class AllocationTest {

    @Test
    @SuppressWarnings("unchecked")
    void aSuspendingLoopReusesOneStateObject() throws Throwable {
        Class<?> c = SampleRunner.sample("Flip");
        Object leaf = c.getConstructor().newInstance();
        for (int warm = 0; warm < 3; warm++) {
            Poller.drive((Future<Long>) SampleRunner.invoke(c, "loop", leaf, 10_000));
        }
        long before = AllocationMeter.allocated();
        Future<Long> f = (Future<Long>) SampleRunner.invoke(c, "loop", leaf, 200_000);
        long sum = Poller.drive(f);
        long allocated = AllocationMeter.allocated() - before;
        System.out.println(
                "[measure] 200,000 suspending awaits allocated " + allocated + " bytes in total");
        assertEquals(200_000L, sum);
        assertTrue(
                allocated < 200_000, "allocated " + allocated + " bytes for 200,000 suspensions");
    }
}
