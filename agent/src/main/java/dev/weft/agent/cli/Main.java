package dev.weft.agent.cli;

import dev.weft.agent.check.Rejection;
import dev.weft.agent.check.Warning;
import dev.weft.agent.hierarchy.TypeHierarchy;
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
 *   java -jar weft-agent.jar weave [--cp path] in out          in/out: directory or .jar; exit 1 on any rejection
 *   java -jar weft-agent.jar tasks pid                         the task dump of every runtime in a running JVM
 *   java -jar weft-agent.jar --help                            usage, exit 0
 * </pre>
 *
 * Both list warnings (a future created and never used, a call to a known blocking method in a
 * woven method) as {@code warning: Class.method(File:line): ...}
 * without changing the exit status, unless {@code --fail-on-warning} is given (anywhere after
 * the command), which makes any warning exit 1.
 *
 * Options may come anywhere; {@code -cp}, {@code --cp} and {@code --class-path} are the same (as
 * for {@code java}); a wrong command line prints the reason and the usage, exit status 2.
 * A class the weaver fails on is reported on one line and left as it was; the other classes are
 * still checked or woven, and the exit status is 1. Class-path entries that do not exist are
 * skipped, as {@code java} and {@code javac} skip them.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** What {@code --help} prints (and a wrong command line, on stderr, before exit 2). */
    static final String USAGE =
            String.join(
                    "\n",
                    "usage: java -jar weft-agent.jar check [--class-path <path>] <dir-or-jar>...",
                    "       java -jar weft-agent.jar weave [--class-path <path>] <in dir-or-jar> <out dir-or-jar>",
                    "       java -jar weft-agent.jar tasks <pid>",
                    "",
                    "  check   list every async method and generator (suspension points, saved locals, state",
                    "          object), and every method the weaver rejects; exit 1 on any rejection",
                    "  weave   write woven copies of the classes (the bytes the agent would produce at load",
                    "          time); exit 1 when any method is rejected or any class could not be woven",
                    "  tasks   attach to the running JVM <pid> (started with or without the agent) and print",
                    "          every live task of every weft runtime in it: its state and what it awaits, each",
                    "          woven frame at its await's line; exit 1 when the JVM cannot be attached to",
                    "",
                    "options (anywhere on the line):",
                    "  -cp, --cp, --class-path <path>   the application's class path (weft-runtime and the",
                    "                                   libraries), so supertypes resolve as at run time",
                    "  --fail-on-warning                exit 1 when any warning is reported (a future never used,",
                    "                                   a blocking call such as Thread.sleep in an async method)",
                    "  -h, --help                       this text",
                    "",
                    "as an agent: java -javaagent:weft-agent.jar[="
                            + dev.weft.agent.AgentOptions.SUMMARY
                            + "] ...");

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>();
        boolean failOnWarning = false;
        String classpath = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return 0;
            } else if (a.equals("--fail-on-warning")) {
                failOnWarning = true;
            } else if (a.equals("-cp")
                    || a.equals("--cp")
                    || a.equals("--class-path")
                    || a.equals("-classpath")) {
                if (i + 1 == args.length) {
                    return usageError(err, a + " needs a path after it");
                }
                classpath = args[++i];
            } else if (a.startsWith("--cp=") || a.startsWith("--class-path=")) {
                classpath = a.substring(a.indexOf('=') + 1);
            } else if (a.startsWith("-") && a.length() > 1) {
                return usageError(err, "unknown option " + a);
            } else {
                rest.add(a);
            }
        }
        if (!rest.isEmpty() && rest.get(0).equals("tasks")) {
            if (rest.size() != 2 || !rest.get(1).matches("[0-9]+")) {
                return usageError(err, "tasks needs exactly one process id (jps lists them)");
            }
            return dev.weft.agent.attach.TasksCommand.run(rest.get(1), out, err);
        }
        try {
            if (rest.size() >= 2 && rest.get(0).equals("check")) {
                warnIfRuntimeMissing(locator(Paths.get(rest.get(1)), classpath), err);
                return check(rest.subList(1, rest.size()), classpath, out, failOnWarning);
            }
            if (rest.size() == 3 && rest.get(0).equals("weave")) {
                warnIfRuntimeMissing(locator(Paths.get(rest.get(1)), classpath), err);
                return weave(
                        Paths.get(rest.get(1)),
                        Paths.get(rest.get(2)),
                        classpath,
                        out,
                        failOnWarning);
            }
        } catch (IOException | UnreadableClassException e) {
            err.println("weft: " + e);
            return 2;
        }
        if (rest.isEmpty()) {
            return usageError(err, "no command");
        }
        if (!rest.get(0).equals("check") && !rest.get(0).equals("weave")) {
            return usageError(err, "unknown command " + rest.get(0) + " (check, weave or tasks)");
        }
        return usageError(
                err,
                rest.get(0).equals("check")
                        ? "check needs at least one directory or jar"
                        : "weave needs exactly two paths, <in> and <out>; got "
                                + (rest.size() - 1));
    }

    private static int usageError(PrintStream err, String reason) {
        err.println("weft: " + reason);
        err.println(USAGE);
        return 2;
    }

    private static int check(
            List<String> inputs, String classpath, PrintStream out, boolean failOnWarning)
            throws IOException, UnreadableClassException {
        int rejected = 0;
        int woven = 0;
        List<Warning> warnings = new ArrayList<>();
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
                warnings.addAll(r.warnings);
                if (!r.woven) {
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
        printWarnings(warnings, "", out);
        out.println(woven + " coroutine method(s), " + rejected + " problem(s)");
        return rejected == 0 && (warnings.isEmpty() || !failOnWarning) ? 0 : 1;
    }

    private static int weave(
            Path in, Path outPath, String classpath, PrintStream out, boolean failOnWarning)
            throws IOException, UnreadableClassException {
        List<Warning> warnings = new ArrayList<>();
        ClassSet set = ClassSet.read(in);
        ClassFileLocator locator = locator(in, classpath);
        int woven = 0;
        int failures = 0;
        int rejected = 0;
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
                warnings.addAll(r.warnings);
            }
            if (r != null && r.woven) {
                e.setValue(r.bytes);
                woven++;
                for (Rejection rej : r.rejections) {
                    rejected++;
                    out.println("[weft] " + rej.message);
                }
            }
        }
        set.write(outPath);
        printWarnings(warnings, "[weft] ", out);
        out.println(
                "wove "
                        + woven
                        + " class(es) into "
                        + outPath
                        + (failures == 0
                                ? ""
                                : "; "
                                        + failures
                                        + " class(es) could not be woven and were copied unchanged")
                        + (rejected == 0
                                ? ""
                                : "; "
                                        + rejected
                                        + " method(s) rejected: calling them throws IllegalStateException"));
        // a rejected method ships as one that throws: the build must not pass silently
        return failures == 0 && rejected == 0 && (warnings.isEmpty() || !failOnWarning) ? 0 : 1;
    }

    /** The warnings section: one line each, then a count; nothing when there are none. */
    private static void printWarnings(List<Warning> warnings, String prefix, PrintStream out) {
        for (Warning w : warnings) {
            out.println(prefix + "warning: " + w.message);
        }
        if (!warnings.isEmpty()) {
            boolean blocking =
                    warnings.stream().anyMatch(w -> w.kind == Warning.Kind.BLOCKING_CALL);
            boolean discarded =
                    warnings.stream().anyMatch(w -> w.kind == Warning.Kind.DISCARDED_FUTURE);
            out.println(
                    warnings.size()
                            + " warning(s): "
                            + (discarded
                                    ? "a future that is never awaited, spawned or returned does nothing"
                                    : "")
                            + (discarded && blocking ? "; " : "")
                            + (blocking
                                    ? "a blocking call stalls the worker thread and every task queued behind it"
                                    : ""));
        }
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
        if (!ClassFilter.mayWeave(name)
                || ConstantPoolScan.scan(bytes) != ConstantPoolScan.Verdict.CANDIDATE) {
            return null;
        }
        return Weaver.weave(
                bytes,
                new ClassFileLocator.Compound(
                        ClassFileLocator.Simple.of(name.replace('/', '.'), bytes), locator));
    }

    /** Build-time weaving equals load-time weaving only when the same class hierarchy is visible. */
    private static void warnIfRuntimeMissing(ClassFileLocator locator, PrintStream err) {
        if (!new TypeHierarchy(locator).isResolved("dev/weft/internal/coroutine/Coroutine")) {
            err.println(
                    "weft: warning: weft-runtime is not on --cp; types it defines are approximated"
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
        return p.toFile().isDirectory()
                ? new ClassFileLocator.ForFolder(p.toFile())
                : ClassFileLocator.ForJarFile.of(p.toFile());
    }
}
