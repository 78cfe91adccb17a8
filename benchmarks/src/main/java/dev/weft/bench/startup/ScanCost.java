package dev.weft.bench.startup;

import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Per-class cost of the weaving agent's transformer, measured in-process: every class file of
 * a generated program goes through {@code dev.weft.agent.WeavingTransformer.transform} (the
 * agent jar must be on the class path), timed per class. Pass 0 is cold (interpreted and
 * lightly compiled code, as at start-up); passes 1..N-1 are warm. Classes whose name starts with
 * {@code W} reference weft ({@code await}) and are woven; the others are passed through by the
 * constant-pool scan. Prints one line {@code SCANCOST {json}}.
 *
 * <p>Args: the compiled classes' root directory, the weft runtime jar (the weaver reads the
 * hierarchy of the classes it weaves through their loader), passes (default 30).
 */
public final class ScanCost {

    private ScanCost() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path runtime = Path.of(args[1]);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        List<String> names = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f :
                    (Iterable<Path>)
                            files.filter(p -> p.toString().endsWith(".class")).sorted()::iterator) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                names.add(rel.substring(0, rel.length() - ".class".length()));
                bytes.add(Files.readAllBytes(f));
            }
        }
        ClassFileTransformer t =
                (ClassFileTransformer)
                        Class.forName("dev.weft.agent.WeavingTransformer")
                                .getConstructor()
                                .newInstance();
        int n = names.size();
        boolean[] weft = new boolean[n];
        for (int i = 0; i < n; i++) {
            String simple = names.get(i).substring(names.get(i).lastIndexOf('/') + 1);
            weft[i] = simple.startsWith("W");
        }
        long[][] nanos = new long[passes][n];
        int woven = 0;
        int passed = 0;
        long plainBytes = 0;
        long weftBytes = 0;
        for (int pass = 0; pass < passes; pass++) {
            // a fresh loader per pass: the weaver caches hierarchies per loader
            try (URLClassLoader loader =
                    new URLClassLoader(
                            new URL[] {root.toUri().toURL(), runtime.toUri().toURL()},
                            ScanCost.class.getClassLoader())) {
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    byte[] out = t.transform(loader, names.get(i), null, null, bytes.get(i));
                    nanos[pass][i] = System.nanoTime() - t0;
                    if (pass == 0) {
                        if (out != null) {
                            woven++;
                        } else {
                            passed++;
                        }
                        if (weft[i]) {
                            weftBytes += bytes.get(i).length;
                        } else {
                            plainBytes += bytes.get(i).length;
                        }
                    }
                }
            }
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "SCANCOST {\"classes\": %d, \"weft_classes\": %d, \"woven\": %d, \"passed_through\": %d, "
                        + "\"plain_class_bytes_avg\": %d, \"weft_class_bytes_avg\": %d, "
                        + "\"cold_plain_us\": %.2f, \"cold_weft_us\": %.2f, \"warm_plain_us\": %.3f, "
                        + "\"warm_weft_us\": %.2f, \"passes\": %d}%n",
                n,
                count(weft),
                woven,
                passed,
                plainBytes / Math.max(1, n - count(weft)),
                weftBytes / Math.max(1, count(weft)),
                mean(nanos[0], weft, false) / 1e3,
                mean(nanos[0], weft, true) / 1e3,
                warm(nanos, weft, false) / 1e3,
                warm(nanos, weft, true) / 1e3,
                passes);
    }

    private static int count(boolean[] b) {
        int c = 0;
        for (boolean x : b) {
            c += x ? 1 : 0;
        }
        return c;
    }

    private static double mean(long[] ns, boolean[] weft, boolean which) {
        long sum = 0;
        int c = 0;
        for (int i = 0; i < ns.length; i++) {
            if (weft[i] == which) {
                sum += ns[i];
                c++;
            }
        }
        return c == 0 ? 0 : (double) sum / c;
    }

    /** The median over the warm passes (the second half) of each pass's mean. */
    private static double warm(long[][] nanos, boolean[] weft, boolean which) {
        int from = nanos.length / 2;
        double[] m = new double[nanos.length - from];
        for (int p = from; p < nanos.length; p++) {
            m[p - from] = mean(nanos[p], weft, which);
        }
        Arrays.sort(m);
        return m.length == 0 ? 0 : m[m.length / 2];
    }
}
