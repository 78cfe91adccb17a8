package dev.weft.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Poll;
import dev.weft.internal.driver.Reactor;
import dev.weft.internal.time.Clock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The readiness cache and the kept interest, step by step on a caller-driven reactor (this thread
 * drives, so every interleaving below is exact): a re-arm with the interest set costs no interest
 * change; readiness that arrives with nobody waiting is kept and drops the interest only when
 * reported again; a short read clears the bit, and data that arrived before the clear is still
 * reported because the interest stayed.
 */
class ReactorReadinessTest {

    Reactor r;
    Pipe pipe;
    IoSource source;
    final AtomicInteger woken = new AtomicInteger();
    final AtomicInteger syscalls = new AtomicInteger();
    Context cx;

    @BeforeEach
    void open() throws IOException {
        r = Reactor.drivenByCaller(Clock.SYSTEM);
        pipe = Pipe.open();
        source = new IoSource(pipe.source());
        pipe.sink().configureBlocking(true);
        cx = ReactorTest.contextOn(r, woken::incrementAndGet);
    }

    @AfterEach
    void close() throws IOException {
        r.close();
        pipe.sink().close();
    }

    /** A read of up to 16 bytes; {@code meanwhile} runs after the read, before it returns. */
    IoOp<Integer> read(ByteBuffer dst, Runnable meanwhile) {
        return new IoOp<Integer>(source, IoSource.IN, SelectionKey.OP_READ) {
            @Override
            protected Object attempt() throws IOException {
                syscalls.incrementAndGet();
                int room = dst.remaining();
                int n = pipe.source().read(dst);
                if (n == 0) {
                    return WOULD_BLOCK;
                }
                if (n < room) {
                    drained();
                }
                meanwhile.run();
                return n;
            }
        };
    }

    void send(int b) {
        try {
            pipe.sink().write(ByteBuffer.wrap(new byte[] {(byte) b}));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Drives until {@code woken} reaches {@code n} (a hang guard, not a timing). */
    void driveUntilWoken(int n) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (woken.get() < n) {
            assertTrue(System.nanoTime() < end, "never woken");
            r.drive(TimeUnit.MILLISECONDS.toNanos(100), () -> false);
        }
    }

    /** The first read registers (a new source is assumed ready, so it tries once first). */
    void registered() {
        ByteBuffer b = ByteBuffer.allocate(16);
        IoOp<Integer> op = read(b, () -> {});
        assertFalse(op.poll(cx).isReady());
        assertEquals(1, syscalls.get());
        send(1);
        driveUntilWoken(1);
        assertEquals(Poll.ready(1).value(), op.poll(cx).value());
        assertFalse(source.isReady(IoSource.IN), "a short read clears the bit");
    }

    @Test
    void aReArmWithTheInterestSetChangesNothingAndNeedsNoSyscall() {
        registered();
        for (int i = 0; i < 100; i++) {
            long updates = r.metrics().interestUpdates();
            long wakeups = r.metrics().wakeups();
            int calls = syscalls.get();
            ByteBuffer b = ByteBuffer.allocate(16);
            IoOp<Integer> op = read(b, () -> {});
            assertFalse(op.poll(cx).isReady());
            assertEquals(calls, syscalls.get(), "the bit was clear: no read before waiting");
            assertTrue(source.hasWaiter(IoSource.IN));
            send(i);
            driveUntilWoken(woken.get() + 1);
            Poll<Integer> p = op.poll(cx);
            assertTrue(p.isReady());
            assertEquals(1, p.value());
            assertEquals((byte) i, b.get(0));
            assertEquals(calls + 1, syscalls.get(), "one read per message");
            assertEquals(updates, r.metrics().interestUpdates(), "the interest stayed registered");
            assertEquals(wakeups, r.metrics().wakeups());
        }
    }

    @Test
    void readinessWithNoWaiterIsKeptAndDropsTheInterestOnlyWhenReportedAgain() {
        registered();
        // nobody waits and nobody was woken: the byte is recorded by the first report, and the
        // level-triggered selector reports it again
        long updates = r.metrics().interestUpdates();
        send(5);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!source.isReady(IoSource.IN)) {
            assertTrue(System.nanoTime() < end, "never reported");
            r.drive(TimeUnit.MILLISECONDS.toNanos(100), () -> false);
        }
        assertEquals(updates, r.metrics().interestUpdates(), "first report: interest kept");
        r.drive(TimeUnit.MILLISECONDS.toNanos(100), () -> false);
        assertEquals(
                updates + 1,
                r.metrics().interestUpdates(),
                "reported again with no waiter: interest dropped");
        assertEquals(0, source.interestOps());
        assertTrue(source.isReady(IoSource.IN), "the readiness is kept");
        r.drive(0, () -> false);
        assertEquals(updates + 1, r.metrics().interestUpdates(), "dropped once");
        // the next operation finds the byte without waiting
        ByteBuffer b = ByteBuffer.allocate(16);
        Poll<Integer> p = read(b, () -> {}).poll(cx);
        assertTrue(p.isReady());
        assertEquals(5, b.get(0));
        // the next wait adds the interest back, and is woken
        IoOp<Integer> next = read(ByteBuffer.allocate(16), () -> {});
        assertFalse(next.poll(cx).isReady());
        assertEquals(SelectionKey.OP_READ, source.interestOps());
        send(6);
        driveUntilWoken(2);
        assertTrue(next.poll(cx).isReady());
    }

    /**
     * Issue 18, point 5: at 1,000 connections a woken task waits in a run queue while busy
     * workers keep selecting, and each select reports its unread data again. Dropping the
     * interest there cost the task's next wait an epoll_ctl to add it back (two per message).
     */
    @Test
    void aWokenOperationThatHasNotPolledYetKeepsTheInterestWhenReportedAgain() {
        ByteBuffer b = ByteBuffer.allocate(16);
        IoOp<Integer> op = wokenNotPolled(b);
        long updates = r.metrics().interestUpdates();
        for (int i = 0; i < 10; i++) {
            r.drive(0, () -> false); // the task is still queued: the byte is reported again
        }
        assertEquals(updates, r.metrics().interestUpdates(), "no interest change");
        assertEquals(SelectionKey.OP_READ, source.interestOps());
        Poll<Integer> p = op.poll(cx);
        assertTrue(p.isReady());
        assertEquals(5, b.get(0));
        // the next wait needs no interest change either
        IoOp<Integer> next = read(ByteBuffer.allocate(16), () -> {});
        assertFalse(next.poll(cx).isReady());
        send(6);
        driveUntilWoken(3);
        assertTrue(next.poll(cx).isReady());
        assertEquals(updates, r.metrics().interestUpdates());
    }

    /**
     * A select that waits (an idle driver) drops the interest as before, woken operation or not:
     * it would return at once on the report again and spin until the task polls.
     */
    @Test
    void aWaitingSelectDropsTheInterestOfAWokenOperationThatHasNotPolledYet() {
        IoOp<Integer> op = wokenNotPolled(ByteBuffer.allocate(16));
        long updates = r.metrics().interestUpdates();
        r.drive(TimeUnit.MILLISECONDS.toNanos(100), () -> false);
        assertEquals(updates + 1, r.metrics().interestUpdates(), "dropped");
        assertEquals(0, source.interestOps());
        assertTrue(op.poll(cx).isReady(), "the readiness is kept");
    }

    /** An operation abandoned after its wake (never polled, never cancelled) is not reported forever. */
    @Test
    void aWokenOperationThatNeverPollsLosesTheInterestAfterBoundedReports() {
        wokenNotPolled(ByteBuffer.allocate(16));
        long updates = r.metrics().interestUpdates();
        for (int i = 0; i < IoSource.WOKEN_REPORTS + 2; i++) {
            r.drive(0, () -> false);
        }
        assertEquals(updates + 1, r.metrics().interestUpdates(), "dropped once");
        assertEquals(0, source.interestOps());
        assertTrue(source.isReady(IoSource.IN), "the readiness is kept");
    }

    /**
     * A registered source with a read pending on it, then woken by a byte (5) that the read has
     * not taken yet: the state of a task woken by the driver and still waiting in a run queue.
     */
    private IoOp<Integer> wokenNotPolled(ByteBuffer into) {
        registered();
        IoOp<Integer> op = read(into, () -> {});
        assertFalse(op.poll(cx).isReady());
        send(5);
        driveUntilWoken(2);
        return op;
    }

    @Test
    void dataArrivingBetweenAShortReadAndItsClearIsStillReported() {
        registered();
        ByteBuffer b = ByteBuffer.allocate(16);
        IoOp<Integer> op = read(b, () -> {});
        assertFalse(op.poll(cx).isReady());
        send(1);
        driveUntilWoken(2);
        // the read gets 1 byte of 16 (short); a second byte arrives before the bit is cleared
        int calls = syscalls.get();
        Poll<Integer> p = read(b, () -> send(2)).poll(cx);
        assertTrue(p.isReady());
        assertEquals(1, p.value());
        assertFalse(source.isReady(IoSource.IN), "cleared although byte 2 is in the pipe");
        // the next read waits without trying; the kept interest makes select report byte 2
        ByteBuffer b2 = ByteBuffer.allocate(16);
        IoOp<Integer> next = read(b2, () -> {});
        assertFalse(next.poll(cx).isReady());
        assertEquals(calls + 1, syscalls.get());
        driveUntilWoken(3);
        Poll<Integer> q = next.poll(cx);
        assertTrue(q.isReady());
        assertEquals(2, b2.get(0));
    }

    @Test
    void anEventBetweenAnEmptyAttemptAndItsClearKeepsTheBit() {
        registered();
        int snapshot = source.readiness();
        send(3);
        // a select reports the byte (no waiter, bit clear: recorded, interest kept) after the
        // snapshot: the clear of an attempt that saw nothing must not erase it
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!source.isReady(IoSource.IN)) {
            assertTrue(System.nanoTime() < end, "never reported");
            r.drive(TimeUnit.MILLISECONDS.toNanos(100), () -> false);
        }
        source.clearReadiness(IoSource.IN, snapshot);
        assertTrue(source.isReady(IoSource.IN), "a newer tick keeps the bit");
        assertEquals(SelectionKey.OP_READ, source.interestOps());
    }
}
