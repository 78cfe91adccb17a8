package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Every class of this module woven by the agent's build-time mode ({@code weave}) passes ASM's
 * CheckClassAdapter (structure plus a data-flow check of every method) and HotSpot's verifier
 * (each woven class and companion is initialized in a fresh class loader).
 */
class VerifyTest {

    private static final Path ALL_TEST_CLASSES = Path.of("target/test-classes");

    /**
     * This module's classes except GeneratedHuge, which crashed the command line (weaver bug,
     * see {@link #weaveCommandSurvivesAMethodItCannotWeave}); a copy made once per JVM.
     */
    private static Path testClasses;

    /** {@link #testClasses} woven once by the command line, shared by the tests below. */
    private static Path woven;

    /** What that weave printed. */
    private static WovenBytes.Run weaveRun;

    @org.junit.jupiter.api.BeforeAll
    static void weaveTestClasses(@TempDir Path dir) {
        testClasses =
                WovenBytes.copyWithout(ALL_TEST_CLASSES, dir.resolve("classes"), "GeneratedHuge");
        woven = dir.resolve("woven");
        weaveRun = WovenBytes.weave(testClasses, woven);
    }

    /** Child-first over the woven output, then the unwoven test classes; the rest from the parent. */
    static final class FreshLoader extends ClassLoader {
        private final Map<String, byte[]> own;

        FreshLoader(Map<String, byte[]> own, ClassLoader parent) {
            super("weft-verify", parent);
            this.own = own;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] b = own.get(name);
                    c =
                            b != null
                                    ? defineClass(name, b, 0, b.length)
                                    : super.loadClass(name, false);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    private static String className(Path root, Path file) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        return rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
    }

    @Test
    void everyWovenClassPassesCheckClassAdapterAndHotSpotsVerifier() throws Exception {
        Path out = woven;
        System.out.println("[verify] weave output:\n" + weaveRun.output());

        Map<String, byte[]> own = new HashMap<>();
        List<String> woven = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testClasses)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".class"))
                            .collect(Collectors.toList())) {
                own.put(className(testClasses, f), WovenBytes.read(f));
            }
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".class"))
                            .collect(Collectors.toList())) {
                String name = className(out, f);
                byte[] bytes = WovenBytes.read(f);
                if (!Arrays.equals(bytes, own.get(name))) {
                    woven.add(name);
                }
                own.put(name, bytes);
            }
        }
        assertTrue(
                woven.contains(LocalsTest.class.getName()),
                "weave did not weave LocalsTest; woven: " + woven);

        Map<String, byte[]> companions = new HashMap<>();
        for (String host : woven) {
            for (byte[] c : WovenBytes.companions(own.get(host))) {
                companions.put(new ClassReader(c).getClassName().replace('/', '.'), c);
            }
        }
        assertTrue(!companions.isEmpty(), "no companion classes found in the woven hosts");

        FreshLoader loader = new FreshLoader(own, getClass().getClassLoader());
        List<String> failures = new ArrayList<>();
        // HotSpot: initializing a host verifies it and defines its companions (in this loader).
        for (String host : woven) {
            try {
                Class.forName(host, true, loader);
            } catch (ExceptionInInitializerError e) {
                if (!host.endsWith("RejectedStaticInit")) {
                    failures.add(host + ": " + e.getCause());
                }
            } catch (Throwable e) {
                failures.add(host + ": " + e);
            }
        }
        for (String companion : companions.keySet()) {
            try {
                Class.forName(companion, true, loader);
            } catch (Throwable e) {
                failures.add(companion + ": " + e);
            }
        }
        // ASM: structure and data flow of every method, types resolved through the fresh loader.
        Map<String, byte[]> all = new HashMap<>(companions);
        woven.forEach(h -> all.put(h, own.get(h)));
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
            StringWriter sw = new StringWriter();
            try {
                // no bounds: ASM's defaults (400 MB counted cumulatively) refuse the woven form of
                // fuzz program Pshd7ocp, which HotSpot verifies and runs (see BytecodeChecker)
                CheckClassAdapter.verify(
                        new ClassReader(e.getValue()),
                        loader,
                        false,
                        new PrintWriter(sw),
                        Integer.MAX_VALUE,
                        Long.MAX_VALUE);
            } catch (Throwable t) {
                sw.append(t.toString());
            }
            if (sw.getBuffer().length() > 0) {
                failures.add(e.getKey() + ":\n" + sw);
            }
        }
        System.out.printf(
                "[verify] %d woven classes, %d companions checked%n",
                woven.size(), companions.size());
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    @Test
    void checkCommandListsAsyncMethodsAndEveryRejectionThenExitsOne() {
        WovenBytes.Run run = WovenBytes.check(testClasses);
        String expectedNotFuture =
                "await in a method whose return type is not Future, CompletableFuture or CompletionStage";
        List<String> rejections =
                List.of(
                        RejectionTest.expected("Rejected", "syncBlock", RejectionTest.SYNC_BLOCK),
                        RejectionTest.expected("Rejected", "syncMethod", RejectionTest.SYNC_METHOD),
                        RejectionTest.expected("Rejected", "notAFuture", expectedNotFuture),
                        RejectionTest.expected("Rejected", "voidMethod", RejectionTest.VOID_METHOD),
                        RejectionTest.expected("Rejected", "jdkFuture", RejectionTest.JDK_FUTURE),
                        "in a lambda in "
                                + RejectionTest.expected(
                                        "Rejected", "lambdaInStream", RejectionTest.LAMBDA),
                        RejectionTest.expected(
                                "Rejected",
                                "yieldOutsideGenerator",
                                "Generator.yield in a method whose return type is not Generator"),
                        RejectionTest.expected(
                                "Rejected",
                                "awaitInGenerator",
                                "await in a generator (a method returning Generator cannot await)"),
                        RejectionTest.expected(
                                "RejectedConstructor", "<init>", RejectionTest.CONSTRUCTOR),
                        RejectionTest.expected(
                                "RejectedStaticInit", "<clinit>", "await in a static initializer"),
                        RejectionTest.expected("RejectedLogged", "logged", expectedNotFuture));
        List<String> missing =
                rejections.stream()
                        .filter(r -> !run.output().contains(r))
                        .collect(Collectors.toList());
        assertEquals(List.of(), missing, "check output:\n" + run.output());
        assertTrue(run.output().contains("sixtyAwaits"), "async methods listed:\n" + run.output());
        assertEquals(1, run.exitCode(), "check exits 1 when there is a rejection");
    }

    @Test
    void wovenBodiesKeepLineNumbersAndLocalVariableNames() {
        Path host = woven.resolve("dev/weft/it/LocalsTest.class");
        assertTrue(Files.exists(host), "no woven LocalsTest in " + woven);
        ClassNode cn = new ClassNode();
        new ClassReader(WovenBytes.read(host)).accept(cn, 0);
        int firstLine = SourceLines.lineOf("dev/weft/it/LocalsTest.java", "boolean z = true;");
        int lastLine =
                SourceLines.lineOf("dev/weft/it/LocalsTest.java", "// VerifyTest: last line");
        List<String> report = new ArrayList<>();
        boolean found = false;
        for (MethodNode m : cn.methods) {
            if (!m.name.contains("primitives")) {
                continue;
            }
            java.util.Set<Integer> lines = new java.util.HashSet<>();
            m.instructions.forEach(
                    i -> {
                        if (i instanceof LineNumberNode ln) {
                            lines.add(ln.line);
                        }
                    });
            java.util.Set<String> names = new java.util.HashSet<>();
            if (m.localVariables != null) {
                for (LocalVariableNode lv : m.localVariables) {
                    names.add(lv.name);
                }
            }
            report.add(
                    m.name
                            + m.desc
                            + " lines="
                            + new java.util.TreeSet<>(lines)
                            + " locals="
                            + new java.util.TreeSet<>(names));
            if (lines.contains(firstLine)
                    && lines.contains(lastLine)
                    && names.containsAll(
                            List.of("z", "b", "c", "s", "i", "l", "f", "d", "w", "w2"))) {
                found = true;
            }
        }
        System.out.println("[verify] woven primitives(): " + report);
        assertTrue(
                found,
                "no woven method for primitives() with its lines "
                        + firstLine
                        + ".."
                        + lastLine
                        + " and all its local names: "
                        + report);
    }

    @Test
    void weavingWovenClassesAgainChangesNothing(@TempDir Path tmp) throws Exception {
        Path once = woven;
        Path twice = tmp.resolve("twice");
        WovenBytes.Run run = WovenBytes.weave(once, twice);
        List<String> changed = new ArrayList<>();
        int compared = 0;
        try (Stream<Path> files = Files.walk(once)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".class"))
                            .collect(Collectors.toList())) {
                Path g = twice.resolve(once.relativize(f).toString());
                if (Files.exists(g)) {
                    compared++;
                    if (!Arrays.equals(WovenBytes.read(f), WovenBytes.read(g))) {
                        changed.add(once.relativize(f).toString());
                    }
                }
            }
        }
        System.out.printf("[verify] second weave: %d class files written again%n", compared);
        assertEquals(List.of(), changed, "the woven marker must prevent weaving twice");
    }

    @Test
    void weaveCommandSurvivesAMethodItCannotWeave(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in/dev/weft/it"));
        Files.copy(
                ALL_TEST_CLASSES.resolve("dev/weft/it/GeneratedHuge.class"),
                in.resolve("GeneratedHuge.class"));
        WovenBytes.Run run = WovenBytes.weave(tmp.resolve("in"), tmp.resolve("out"));
        assertTrue(
                !run.output().contains("Exception in thread"),
                "the command line crashed:\n" + run.output());
        assertTrue(
                Files.exists(tmp.resolve("out/dev/weft/it/GeneratedHuge.class")),
                "GeneratedHuge (its small method at least) must be written woven:\n"
                        + run.output());
    }

    @Test
    void loadTimeAndBuildTimeWeavingProduceTheSameClasses(@TempDir Path tmp) throws Exception {
        List<String> classes =
                List.of(
                        "dev.weft.it.LocalsTest",
                        "dev.weft.it.ExceptionsTest",
                        "dev.weft.it.ClassShapesTest$Outer$Inner",
                        "dev.weft.it.GeneratorTest",
                        "dev.weft.it.LazyAndEagerTest",
                        "dev.weft.it.LambdasAndInterfacesTest$Service",
                        "dev.weft.it.rejected.Rejected");
        Path dump = tmp.resolve("dump");
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-javaagent:" + WovenBytes.agentJar() + "=dump=" + dump,
                                "-cp",
                                WovenBytes.classPath(),
                                "dev.weft.it.fixtures.LoadClasses"));
        cmd.addAll(classes);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output =
                new String(
                        p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);

        Path built = woven;
        List<String> differ = new ArrayList<>();
        for (String c : classes) {
            String file = c.replace('.', '/') + ".class";
            Path loaded = dump.resolve(file);
            assertTrue(Files.exists(loaded), "not dumped at load time: " + c + "\n" + output);
            if (!Arrays.equals(WovenBytes.read(loaded), WovenBytes.read(built.resolve(file)))) {
                differ.add(c);
            }
        }
        assertEquals(List.of(), differ, "load-time and build-time bytes differ");
    }
}
