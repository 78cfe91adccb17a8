package dev.weft.bench.sync;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.sync.Channel;
import dev.weft.sync.Notify;
import dev.weft.sync.Semaphore;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one waiter's poll and cancel in each primitive that shares the wait skeleton
 * (Channel's send and receive, Notify, Semaphore), polled by hand on one thread with no runtime.
 * Every future goes through one {@link #drive} call site that is kept out of line, and the setup
 * runs every primitive through it first, so that site is megamorphic in every fork, as it is for
 * a scheduler or a combinator polling many kinds of futures. This is where a shared poll whose
 * hooks do not inline shows (issue 15 point 4: a first shared shape cost 38.0 -> 43.1 ns per
 * send+receive).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class WaiterBench {

    private static final Waker NOOP = () -> {};
    private final Context cx = Context.of(NOOP);
    private final Integer one = 1;
    private Channel<Integer> ch;
    private Semaphore sem;
    private Notify notify;

    @Setup(Level.Trial)
    public void setUp() throws ClosedChannelException {
        ch = Channel.bounded(16);
        sem = new Semaphore(0);
        notify = new Notify();
        for (int i = 0; i < 20_000; i++) { // every kind through drive() before any is measured
            channelReady();
            channelWaiting();
            semaphoreWaiting();
            notifyWaiting();
            channelCancel();
        }
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static <T> Poll<T> drive(Future<T> f, Context cx) {
        return f.poll(cx);
    }

    private static <T> T ready(Poll<T> p) {
        if (!p.isReady()) {
            throw new AssertionError("pending");
        }
        return p.value();
    }

    private static void pending(Poll<?> p) {
        if (p.isReady()) {
            throw new AssertionError("ready");
        }
    }

    /** A send and a receive, each ready at its first poll. */
    @Benchmark
    public Integer channelReady() throws ClosedChannelException {
        ready(drive(ch.send(one), cx));
        return ready(drive(ch.receive(), cx));
    }

    /** A receive that waits, is granted by a trySend, and is polled ready. */
    @Benchmark
    public Integer channelWaiting() {
        Future<Integer> r = ch.receive();
        pending(drive(r, cx));
        ch.trySend(one);
        return ready(drive(r, cx));
    }

    /** A receive that waits and is cancelled. */
    @Benchmark
    public void channelCancel() {
        Future<Integer> r = ch.receive();
        pending(drive(r, cx));
        r.cancel();
    }

    /** An acquire that waits, is granted by a release, and is polled ready. */
    @Benchmark
    public Void semaphoreWaiting() {
        Future<Void> a = sem.acquire();
        pending(drive(a, cx));
        sem.release();
        return ready(drive(a, cx));
    }

    /** A notified() that waits, is granted by notifyOne, and is polled ready. */
    @Benchmark
    public Void notifyWaiting() {
        Future<Void> n = notify.notified();
        pending(drive(n, cx));
        notify.notifyOne();
        return ready(drive(n, cx));
    }
}
