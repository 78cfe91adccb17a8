package dev.weft.bench.driver;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Dedicated driver thread vs idle-worker driving: echo throughput and latency, timer lateness.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.weft.bench.driver.DriverBench [seconds-per-cell]
 * [rounds] [connection counts, comma-separated, default 1,100; or "timers"]}. Prints one line per measurement and a JSON summary (medians over rounds) at the end.
 */
public final class DriverBench {

    static final int MSG = 64;

    /**
     * Histograms cover 1 us .. 10 s up front at 2 significant digits: recording never resizes
     * (allocates), and 1,000 per-client histograms stay small (about 25 KB each) so the
     * collector does not pause the next cell.
     */
    static final long HIGHEST_US = 10_000_000L;

    /** The modes compared; {@code -Dbench.modes=thread} restricts a run to one (profiling). */
    static final String[] MODES = System.getProperty("bench.modes", "thread,worker").split(",");

    private DriverBench() {}

    static AsyncRuntime runtime(String mode) {
        System.setProperty("weft.driver", mode); // read once, by the scheduler's constructor
        return AsyncRuntime.builder().workers(2).threadNamePrefix("bench-" + mode + "-").build();
    }

    /** Accepts forever, spawning an {@link EchoConn} per connection. */
    static final class AcceptLoop implements Future<Void> {
        final TcpListener listener;
        Future<TcpStream> accept;

        AcceptLoop(TcpListener listener) {
            this.listener = listener;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            try {
                for (; ; ) {
                    if (accept == null) {
                        accept = listener.accept();
                    }
                    Poll<TcpStream> p = accept.poll(cx);
                    if (!p.isReady()) {
                        return Poll.pending();
                    }
                    accept = null;
                    Async.spawn(new EchoConn(p.value()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void cancel() {
            if (accept != null) {
                accept.cancel();
            }
            listener.close();
        }
    }

    /** Reads and writes back until end of stream. */
    static final class EchoConn implements Future<Void> {
        final TcpStream s;
        final ByteBuffer buf = ByteBuffer.allocate(4096);
        Future<Integer> read;
        Future<Void> write;

        EchoConn(TcpStream s) {
            this.s = s;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            try {
                for (; ; ) {
                    if (write != null) {
                        if (!write.poll(cx).isReady()) {
                            return Poll.pending();
                        }
                        write = null;
                        buf.clear();
                    }
                    if (read == null) {
                        read = s.read(buf);
                    }
                    Poll<Integer> p = read.poll(cx);
                    if (!p.isReady()) {
                        return Poll.pending();
                    }
                    read = null;
                    if (p.value() < 0) {
                        s.close();
                        return Poll.ready(null);
                    }
                    buf.flip();
                    write = s.writeAll(buf);
                }
            } catch (IOException e) {
                s.close();
                return Poll.ready(null);
            }
        }

        @Override
        public void cancel() {
            s.close();
        }
    }

    /** Connects, then ping-pongs 64-byte messages until {@code end}; records each round trip. */
    static final class Client implements Future<Long> {
        final InetSocketAddress addr;
        final long end;
        final Histogram hist;
        final ByteBuffer out = ByteBuffer.allocate(MSG);
        final ByteBuffer in = ByteBuffer.allocate(MSG);
        Future<TcpStream> connect;
        TcpStream s;
        Future<Void> write;
        Future<Integer> read;
        long t0;
        long count;

        Client(InetSocketAddress addr, long end, Histogram hist) {
            this.addr = addr;
            this.end = end;
            this.hist = hist;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            try {
                if (s == null) {
                    if (connect == null) {
                        connect = TcpStream.connect(addr);
                    }
                    Poll<TcpStream> p = connect.poll(cx);
                    if (!p.isReady()) {
                        return Poll.pending();
                    }
                    s = p.value();
                }
                for (; ; ) {
                    if (write == null && read == null) {
                        if (System.nanoTime() >= end) {
                            s.close();
                            return Poll.ready(count);
                        }
                        t0 = System.nanoTime();
                        out.clear();
                        in.clear();
                        write = s.writeAll(out);
                    }
                    if (write != null) {
                        if (!write.poll(cx).isReady()) {
                            return Poll.pending();
                        }
                        write = null;
                        read = s.read(in);
                    }
                    Poll<Integer> p = read.poll(cx);
                    if (!p.isReady()) {
                        return Poll.pending();
                    }
                    if (p.value() < 0) {
                        throw new IOException("server closed");
                    }
                    if (in.hasRemaining()) {
                        read = s.read(in);
                        continue;
                    }
                    read = null;
                    hist.recordValue(
                            Math.min(HIGHEST_US, Math.max(1, (System.nanoTime() - t0) / 1000)));
                    count++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void cancel() {
            if (s != null) {
                s.close();
            }
        }
    }

    /** Sleeps {@code nanos} from its first poll; records how late it woke (us). */
    static final class TimedSleep implements Future<Void> {
        final long nanos;
        final Histogram lateness;
        Future<Void> sleep;
        long t0;

        TimedSleep(long nanos, Histogram lateness) {
            this.nanos = nanos;
            this.lateness = lateness;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            if (sleep == null) {
                t0 = System.nanoTime();
                sleep = Async.sleep(Duration.ofNanos(nanos));
            }
            if (!sleep.poll(cx).isReady()) {
                return Poll.pending();
            }
            long late = System.nanoTime() - t0 - nanos;
            synchronized (lateness) {
                lateness.recordValue(Math.min(HIGHEST_US, Math.max(0, late / 1000)));
            }
            return Poll.ready(null);
        }
    }

    /** All-of for hand-written futures: drives the handles to completion, summing long results. */
    static final class Sum implements Future<Long> {
        final List<JoinHandle<Long>> hs;

        Sum(List<JoinHandle<Long>> hs) {
            this.hs = hs;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            long total = 0;
            for (JoinHandle<Long> h : hs) {
                Poll<Long> p = h.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                total += p.value();
            }
            return Poll.ready(total);
        }
    }

    /**
     * Between cells: collect the previous cell's garbage and let its closed sockets and threads
     * wind down, so one cell's teardown is not measured as the next cell's latency.
     */
    static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
    }

    static Map<String, Double> echo(String mode, int conns, double seconds) throws Exception {
        settle();
        try (AsyncRuntime rt = runtime(mode)) {
            TcpListener l =
                    rt.blockOn(
                            cx -> {
                                try {
                                    return Poll.ready(
                                            TcpListener.bind(
                                                    new InetSocketAddress(
                                                            InetAddress.getLoopbackAddress(), 0)));
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
            rt.spawn(new AcceptLoop(l));
            // warm-up, then the measured cell
            run(
                    rt,
                    l.localAddress(),
                    conns,
                    Math.min(1.0, seconds / 3),
                    new Histogram(HIGHEST_US, 2));
            Histogram h = new Histogram(HIGHEST_US, 2);
            dev.weft.internal.driver.Reactor reactor =
                    rt.blockOn(cx -> Poll.ready(RuntimeHandle.reactorOf(cx)));
            long w0 = reactor.metrics().wakeups();
            long t0 = System.nanoTime();
            long msgs = run(rt, l.localAddress(), conns, seconds, h);
            double secs = (System.nanoTime() - t0) / 1e9;
            long wakeups = reactor.metrics().wakeups() - w0;
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("msgs_per_s", msgs / secs);
            r.put("p50_us", (double) h.getValueAtPercentile(50));
            r.put("p99_us", (double) h.getValueAtPercentile(99));
            r.put("driver_wakeups_per_msg", (double) wakeups / msgs);
            return r;
        }
    }

    static long run(
            AsyncRuntime rt, InetSocketAddress addr, int conns, double seconds, Histogram h) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Histogram> hs = new ArrayList<>();
        List<JoinHandle<Long>> handles = new ArrayList<>();
        for (int i = 0; i < conns; i++) {
            Histogram ch = new Histogram(HIGHEST_US, 2);
            hs.add(ch);
            handles.add(rt.spawn(new Client(addr, end, ch)));
        }
        long n = rt.blockOn(new Sum(handles));
        for (Histogram ch : hs) {
            h.add(ch);
        }
        return n;
    }

    static Map<String, Double> timers(String mode, int count) throws InterruptedException {
        settle();
        try (AsyncRuntime rt = runtime(mode)) {
            Histogram late = new Histogram(HIGHEST_US, 2);
            SplittableRandom rnd = new SplittableRandom(42);
            List<JoinHandle<Void>> hs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                hs.add(rt.spawn(new TimedSleep(1_000_000L + rnd.nextLong(49_000_000L), late)));
            }
            for (JoinHandle<Void> h : hs) {
                rt.blockOn(h);
            }
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("late_p50_us", (double) late.getValueAtPercentile(50));
            r.put("late_p99_us", (double) late.getValueAtPercentile(99));
            return r;
        }
    }

    static String[] reversed() {
        String[] r = new String[MODES.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = MODES[MODES.length - 1 - i];
        }
        return r;
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int[] connCounts =
                args.length > 2 && args[2].equals("timers")
                        ? new int[0]
                        : args.length > 2
                                ? java.util.Arrays.stream(args[2].split(","))
                                        .mapToInt(Integer::parseInt)
                                        .toArray()
                                : new int[] {1, 100};
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int conns : connCounts) {
                for (String mode : round % 2 == 0 ? MODES : reversed()) {
                    Map<String, Double> r = echo(mode, conns, seconds);
                    System.out.printf("round %d echo conns=%d mode=%s %s%n", round, conns, mode, r);
                    for (var e : r.entrySet()) {
                        samples.computeIfAbsent(
                                        "echo" + conns + "." + mode + "." + e.getKey(),
                                        k -> new ArrayList<>())
                                .add(e.getValue());
                    }
                }
            }
            for (String mode : round % 2 == 0 ? MODES : reversed()) {
                Map<String, Double> r = timers(mode, 10_000);
                System.out.printf("round %d timers mode=%s %s%n", round, mode, r);
                for (var e : r.entrySet()) {
                    samples.computeIfAbsent(
                                    "timers." + mode + "." + e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue());
                }
            }
        }
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (var e : samples.entrySet()) {
            List<Double> v = new ArrayList<>(e.getValue());
            v.sort(null);
            double med = v.get(v.size() / 2);
            json.append(
                    String.format(
                            "  \"%s\": {\"median\": %.1f, \"samples\": %s}%s%n",
                            e.getKey(), med, e.getValue(), ++i < samples.size() ? "," : ""));
        }
        json.append("}");
        System.out.println("RESULT-JSON");
        System.out.println(json);
    }
}
