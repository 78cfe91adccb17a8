package dev.weft.fuzz.run;

import dev.weft.fuzz.gen.Options;
import java.nio.file.Path;

/**
 * Command line: {@code FuzzMain N [seed] [--single | --single-write]}, run in a JVM started with
 * {@code -javaagent:weft-agent.jar} (scripts/fuzz does this). Exits 1 if any program failed.
 *
 * <p>{@code --single}: N programs from the program seed {@code seed} on (to reproduce a reported
 * failure); {@code --single-write} also writes them as (passing) regression tests.
 *
 * <p>System properties: {@code weft.fuzz.avoid} (constructs to leave out, see {@link Options}),
 * {@code weft.fuzz.regressions} (directory for shrunk regression tests; none if unset),
 * {@code weft.fuzz.shrinks} (distinct failures to shrink, default 3), {@code weft.fuzz.batch}
 * (programs per javac task, default 50).
 */
public final class FuzzMain {

    private FuzzMain() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        boolean single = args.length > 2 && args[2].startsWith("--single");
        boolean writeAll = args.length > 2 && args[2].equals("--single-write");
        String dir = System.getProperty("weft.fuzz.regressions");
        Options options = Options.fromSystemProperties();
        Campaign c = new Campaign(options, Integer.getInteger("weft.fuzz.batch", 50),
                Integer.getInteger("weft.fuzz.shrinks", 3), dir == null ? null : Path.of(dir), System.out);
        System.out.println("[fuzz] " + n + " programs, seed " + seed + ", " + options + ", java "
                + System.getProperty("java.version"));
        Campaign.Stats st = c.run(seed, n, single, writeAll);
        System.out.println("[fuzz] done: " + st);
        for (Path p : st.regressions) {
            System.out.println("[fuzz] wrote " + p);
        }
        System.exit(st.failures.isEmpty() ? 0 : 1);
    }
}
