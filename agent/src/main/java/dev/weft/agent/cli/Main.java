package dev.weft.agent.cli;

import dev.weft.agent.analyze.TypeHierarchy;
import dev.weft.agent.check.Rejection;
import dev.weft.agent.read.UnreadableClassException;
import dev.weft.agent.scan.ClassFilter;
import dev.weft.agent.scan.ConstantPoolScan;
import dev.weft.agent.verify.WovenClassVerifier;
import dev.weft.agent.weave.MethodReport;
import dev.weft.agent.weave.WeaveResult;
import dev.weft.agent.weave.Weaver;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * The command line:
 *
 * <pre>
 *   java -jar weft-agent.jar check [--cp path] dir-or-jar...   report; exit 1 on any rejection
 *   java -jar weft-agent.jar weave [--cp path] in out          in/out: directory or .jar
 * </pre>
 *
 * A class the weaver fails on is reported on one line and left as it was; the other classes are
 * still checked or woven, and the exit status is 1. Class-path entries that do not exist are
 * skipped, as {@code java} and {@code javac} skip them.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args));
        String classpath = null;
        if (rest.size() >= 3 && rest.get(1).equals("--cp")) {
            classpath = rest.remove(2);
            rest.remove(1);
        }
        try {
            if (rest.size() >= 2 && rest.get(0).equals("check")) {
                warnIfRuntimeMissing(locator(Paths.get(rest.get(1)), classpath), err);
                return check(rest.subList(1, rest.size()), classpath, out);
            }
            if (rest.size() == 3 && rest.get(0).equals("weave")) {
                warnIfRuntimeMissing(locator(Paths.get(rest.get(1)), classpath), err);
                return weave(Paths.get(rest.get(1)), Paths.get(rest.get(2)), classpath, out);
            }
        } catch (IOException | UnreadableClassException e) {
            err.println("weft: " + e);
            return 2;
        }
        err.println("usage: java -jar weft-agent.jar check [--cp <path>] <dir-or-jar>...\n"
                + "       java -jar weft-agent.jar weave [--cp <path>] <in dir-or-jar> <out dir-or-jar>");
        return 2;
    }

    private static int check(List<String> inputs, String classpath, PrintStream out)
            throws IOException, UnreadableClassException {
        int rejected = 0;
        int woven = 0;
        for (String input : inputs) {
            Path in = Paths.get(input);
            ClassSet set = ClassSet.read(in);
            ClassFileLocator locator = locator(in, classpath);
            for (Map.Entry<String, byte[]> e : set.entries.entrySet()) {
                WeaveResult r;
                try {
                    r = weaveEntry(e.getKey(), e.getValue(), locator);
                } catch (UnreadableClassException | RuntimeException | LinkageError failure) {
                    rejected++;
                    out.println(failed(e.getKey(), failure));
                    continue;
                }
                if (r == null) {
                    continue;
                }
                for (MethodReport m : r.methods) {
                    woven++;
                    m.describe().forEach(out::println);
                }
                for (Rejection rej : r.rejections) {
                    rejected++;
                    out.println(rej.message);
                }
                List<String> problems = new ArrayList<>();
                try {
                    problems.addAll(WovenClassVerifier.verify(r.bytes, new TypeHierarchy(locator)));
                    for (byte[] c : r.companions.values()) {
                        problems.addAll(WovenClassVerifier.verify(c, new TypeHierarchy(locator)));
                    }
                } catch (RuntimeException | LinkageError failure) {
                    problems.add(e.getKey() + ": the verify stage failed: " + failure);
                }
                for (String p : problems) {
                    rejected++;
                    out.println("verify: " + p);
                }
            }
        }
        out.println(woven + " coroutine method(s), " + rejected + " problem(s)");
        return rejected == 0 ? 0 : 1;
    }

    private static int weave(Path in, Path outPath, String classpath, PrintStream out)
            throws IOException, UnreadableClassException {
        ClassSet set = ClassSet.read(in);
        ClassFileLocator locator = locator(in, classpath);
        int woven = 0;
        int failures = 0;
        for (Map.Entry<String, byte[]> e : set.entries.entrySet()) {
            WeaveResult r;
            try {
                r = weaveEntry(e.getKey(), e.getValue(), locator);
            } catch (UnreadableClassException | RuntimeException | LinkageError failure) {
                // as the agent does: report, keep the class as it was, go on with the others
                failures++;
                out.println(failed(e.getKey(), failure));
                continue;
            }
            if (r != null) {
                e.setValue(r.bytes);
                woven++;
                for (Rejection rej : r.rejections) {
                    out.println("[weft] " + rej.message);
                }
            }
        }
        set.write(outPath);
        out.println("wove " + woven + " class(es) into " + outPath
                + (failures == 0 ? "" : "; " + failures + " class(es) could not be woven and were copied unchanged"));
        return failures == 0 ? 0 : 1;
    }

    /** The line printed for a class the weaver failed on (never a stack trace: one class, one line). */
    static String failed(String entry, Throwable t) {
        String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        return "[weft] " + name + ": weaving failed, left unwoven: " + t;
    }

    /** Same filter and scan as the agent, then the weaver. */
    static WeaveResult weaveEntry(String entry, byte[] bytes, ClassFileLocator locator)
            throws UnreadableClassException {
        if (!entry.endsWith(".class") || entry.startsWith("META-INF/")) {
            return null;
        }
        String name = entry.substring(0, entry.length() - ".class".length());
        if (!ClassFilter.mayWeave(name) || ConstantPoolScan.scan(bytes) != ConstantPoolScan.Verdict.CANDIDATE) {
            return null;
        }
        return Weaver.weave(bytes, new ClassFileLocator.Compound(
                ClassFileLocator.Simple.of(name.replace('/', '.'), bytes), locator));
    }

    /** Build-time weaving equals load-time weaving only when the same class hierarchy is visible. */
    private static void warnIfRuntimeMissing(ClassFileLocator locator, PrintStream err) {
        if (!new TypeHierarchy(locator).isResolved("dev/weft/internal/coroutine/Coroutine")) {
            err.println("weft: warning: weft-runtime is not on --cp; types it defines are approximated"
                    + " (pass the application's class path with --cp to get the load-time bytes)");
        }
    }

    static ClassFileLocator locator(Path in, String classpath) throws IOException {
        List<ClassFileLocator> parts = new ArrayList<>();
        parts.add(open(in));
        if (classpath != null) {
            for (String p : classpath.split(File.pathSeparator)) {
                // as java and javac do, an entry that does not exist is skipped
                if (!p.isEmpty() && Files.exists(Paths.get(p))) {
                    parts.add(open(Paths.get(p)));
                }
            }
        }
        parts.add(ClassFileLocator.ForClassLoader.ofSystemLoader());
        return new ClassFileLocator.Compound(parts);
    }

    private static ClassFileLocator open(Path p) throws IOException {
        return p.toFile().isDirectory() ? new ClassFileLocator.ForFolder(p.toFile())
                : ClassFileLocator.ForJarFile.of(p.toFile());
    }
}
