package dev.weft.fuzz.run;

import dev.weft.fuzz.gen.Options;
import java.nio.file.Path;

/**
 * Command line: {@code FuzzMain N [seed] [--family=F] [--single | --single-write]}, run in a JVM
 * started with {@code -javaagent:weft-agent.jar} (scripts/fuzz does this). Exits 1 if any program
 * failed, 2 on bad arguments.
 *
 * <p>{@code --family=F} (or system property {@code weft.fuzz.family}): base (default), sync,
 * deep, eager-deep, uninit, agen (async generators), jdk21 (needs a JDK 21+ javac: run on JDK 25), or mixed (every family
 * the running JDK can compile, the family of each program chosen by its seed).
 *
 * <p>{@code --single}: N programs from the program seed {@code seed} on (to reproduce a reported
 * failure); {@code --single-write} also writes them as (passing) regression tests.
 *
 * <p>System properties: {@code weft.fuzz.avoid} (constructs to leave out, see {@link Options}),
 * {@code weft.fuzz.regressions} (directory for shrunk regression tests; none if unset),
 * {@code weft.fuzz.shrinks} (distinct failures to shrink, default 3), {@code weft.fuzz.batch}
 * (programs per javac task, default 50), {@code weft.fuzz.family} (as {@code --family}),
 * {@code weft.fuzz.chain} (bound on the deep families' N, default 2000).
 */
public final class FuzzMain {

    private FuzzMain() {}

    public static void main(String[] args) {
        java.util.List<String> positional = new java.util.ArrayList<>();
        boolean single = false;
        boolean writeAll = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--family=")) {
                System.setProperty("weft.fuzz.family", a.substring("--family=".length()));
            } else if (a.equals("--family") && i + 1 < args.length) {
                System.setProperty("weft.fuzz.family", args[++i]);
            } else if (a.equals("--single") || a.equals("--single-write")) {
                single = true;
                writeAll = a.equals("--single-write");
            } else if (!a.isEmpty()) {
                positional.add(a);
            }
        }
        int n = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 100;
        long seed = positional.size() > 1 ? Long.parseLong(positional.get(1)) : 1;
        String dir = System.getProperty("weft.fuzz.regressions");
        Options options;
        try {
            options = Options.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            System.err.println("[fuzz] " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!options.family.runsHere()) {
            System.err.println(
                    "[fuzz] family "
                            + options.family
                            + " needs javac --release "
                            + options.family.release
                            + ", this JDK is "
                            + Runtime.version()
                            + ": run it with JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64");
            System.exit(2);
        }
        Campaign c =
                new Campaign(
                        options,
                        Integer.getInteger("weft.fuzz.batch", 50),
                        Integer.getInteger("weft.fuzz.shrinks", 3),
                        dir == null ? null : Path.of(dir),
                        System.out);
        System.out.println(
                "[fuzz] "
                        + n
                        + " programs, seed "
                        + seed
                        + ", "
                        + options
                        + ", java "
                        + System.getProperty("java.version"));
        Campaign.Stats st = c.run(seed, n, single, writeAll);
        System.out.println("[fuzz] done: " + st);
        for (Path p : st.regressions) {
            System.out.println("[fuzz] wrote " + p);
        }
        System.exit(st.failures.isEmpty() ? 0 : 1);
    }
}
