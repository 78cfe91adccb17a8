package dev.weft.bench.footprint;

import dev.weft.bench.depth.JdkChains;
import dev.weft.bench.depth.KotlinChains;
import dev.weft.bench.depth.WeftChains;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;

/**
 * Measures what N idle tasks of one peer retain: used heap after a full GC before and after
 * starting them, divided by N, plus the growth of resident memory (VmRSS) and the class
 * histogram difference (which objects the bytes are). One peer per JVM (benchmarks/run/footprint
 * and benchmarks/run/depth start one per measurement) so that nothing of another peer is live.
 *
 * <p>Usage: {@code Footprint PEER MODE DEPTH COUNT}; PEER is weft | virtualThreads | kotlin |
 * completableFuture, MODE is suspend (awaiting something that never completes, through DEPTH
 * frames holding three longs each; DEPTH 0 = one frame without locals) or sleep (a 30 s timer).
 * Prints one JSON object on stdout.
 *
 * <p>The array that keeps the N handles reachable is allocated before the first measurement,
 * so it is not counted. Every peer's tasks are reachable from that array; weft's are also
 * reachable from their runtime (its live-task list), virtual threads from their scheduler's
 * parking structures only if something references them, hence the array for every peer.
 */
public final class Footprint {

    /** How long a sleeping task sleeps: long enough that a million start before the first fires. */
    public static final long SLEEP_MILLIS = 30_000;

    /** Something every peer does: start N idle tasks into {@code handles}; returns when all are idle. */
    public interface Peer {
        void start(String mode, int depth, Object[] handles) throws Exception;

        default void stop() {}
    }

    public static void main(String[] args) throws Exception {
        String peer = args[0];
        String mode = args[1];
        int depth = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        Peer p =
                switch (peer) {
                    case "weft" -> new WeftChains.Idle();
                    case "virtualThreads" -> new JdkChains.IdleThreads();
                    case "completableFuture" -> new JdkChains.IdleFutures();
                    case "kotlin" -> (m, d, h) -> KotlinChains.startIdle(m, d, h, SLEEP_MILLIS);
                    default -> throw new IllegalArgumentException("peer " + peer);
                };
        // warm-up of the code paths and classes (so class metadata is not part of the delta)
        p.start(mode, depth, new Object[Math.min(count, 1000)]);
        Object[] handles = new Object[count];
        long heap0 = usedHeapAfterGc();
        long rss0 = rss();
        Map<String, long[]> h0 = histogram();
        long t0 = System.nanoTime();
        p.start(mode, depth, handles);
        long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        long heap1 = usedHeapAfterGc();
        long rss1 = rss();
        Map<String, long[]> h1 = histogram();
        long measuredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        if (mode.equals("sleep") && measuredMillis >= SLEEP_MILLIS) {
            throw new IllegalStateException(
                    "measured after the first sleeps fired: " + measuredMillis + " ms");
        }
        StringBuilder hist = new StringBuilder();
        List<Map.Entry<String, long[]>> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : h1.entrySet()) {
            long[] before = h0.getOrDefault(e.getKey(), new long[2]);
            long n = e.getValue()[0] - before[0];
            long b = e.getValue()[1] - before[1];
            if (n >= count / 2 || b >= (long) count * 4) {
                rows.add(Map.entry(e.getKey(), new long[] {n, b}));
            }
        }
        rows.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        for (Map.Entry<String, long[]> e : rows) {
            hist.append(hist.length() == 0 ? "" : ", ")
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    "{\"class\": \"%s\", \"instances\": %d, \"bytes\": %d}",
                                    e.getKey(),
                                    e.getValue()[0],
                                    e.getValue()[1]));
        }
        System.out.printf(
                Locale.ROOT,
                "{\"peer\": \"%s\", \"mode\": \"%s\", \"depth\": %d, \"count\": %d,"
                        + " \"heapBytesPerTask\": %.1f, \"rssBytesPerTask\": %.1f, \"startMillis\": %d,"
                        + " \"histogram\": [%s]}%n",
                peer,
                mode,
                depth,
                count,
                (heap1 - heap0) / (double) count,
                (rss1 - rss0) / (double) count,
                startMillis,
                hist);
        if (handles[count - 1] == null) {
            throw new AssertionError("handles not filled");
        }
        p.stop();
        System.exit(0);
    }

    static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0;
                i < 3;
                i++) { // until stable: finalizable/soft references may need a second round
            System.gc();
            Thread.sleep(100);
            long u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (u >= used) {
                return used;
            }
            used = u;
        }
        return used;
    }

    static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    /** class name -> {instances, bytes}, from the GC.class_histogram diagnostic command (a full GC). */
    static Map<String, long[]> histogram() throws Exception {
        String text =
                (String)
                        ManagementFactory.getPlatformMBeanServer()
                                .invoke(
                                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                                        "gcClassHistogram",
                                        new Object[] {new String[0]},
                                        new String[] {String[].class.getName()});
        Map<String, long[]> out = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                out.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return out;
    }
}
