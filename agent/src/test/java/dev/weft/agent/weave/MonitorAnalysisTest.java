package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.MONITORENTER;
import static org.objectweb.asm.Opcodes.MONITOREXIT;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.V17;

import dev.weft.Future;
import dev.weft.agent.check.Rejection;
import dev.weft.agent.cli.Main;
import dev.weft.testkit.Poller;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * An await is rejected only where a monitor may be held on some path reaching it, computed on
 * the control flow the JVM follows (issue 12, point 1): javac's nestings in ready and pending
 * mode, hand-written unbalanced monitors, and the {@code check} command.
 */
class MonitorAnalysisTest {

    @Test
    void javacShapesAwaitingOutsideEveryMonitorAreAllWoven() {
        SampleRunner.sample("Monitors");
        WeaveResult r = SampleRunner.LOADER.woven.get("dev.weft.agent.samples.Monitors");
        List<String> got = new ArrayList<>();
        r.rejections.forEach(x -> got.add(x.message));
        assertEquals(List.of(), got);
    }

    @Test
    void javacShapesAwaitingWithAMonitorHeldAreRejectedAtTheirLine() throws Exception {
        SampleRunner.sample("MonitorsHeld");
        String cls = "dev.weft.agent.samples.MonitorsHeld";
        TreeSet<String> expected = new TreeSet<>();
        List<String> lines =
                Files.readAllLines(
                        Path.of("src/test/java/dev/weft/agent/samples/MonitorsHeld.java"));
        Pattern marker = Pattern.compile("// held: (\\w+)");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = marker.matcher(lines.get(i));
            if (m.find()) {
                expected.add(
                        cls
                                + "."
                                + m.group(1)
                                + "(MonitorsHeld.java:"
                                + (i + 1)
                                + "): "
                                + Rejection.SYNCHRONIZED_BLOCK);
            }
        }
        assertEquals(7, expected.size());
        TreeSet<String> got = new TreeSet<>();
        SampleRunner.LOADER.woven.get(cls).rejections.forEach(x -> got.add(x.message));
        assertEquals(expected, got);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void javacShapesRunWovenAndReleaseTheirMonitors(boolean pending) throws Throwable {
        assertEquals("2", run(pending, "okFinallyAroundBlock"));
        assertEquals("no throw!", run(pending, "okCatchAroundBlock", false));
        assertEquals("in block caught", run(pending, "okCatchAroundBlock", true));
        assertEquals("bf", run(pending, "okCatchThrowableAroundBlock", false));
        assertEquals("tf", run(pending, "okCatchThrowableAroundBlock", true));
        assertEquals("atfz", run(pending, "okTryInsideBlock", false));
        assertEquals("acfz", run(pending, "okTryInsideBlock", true));
        assertEquals("in-between-o.", run(pending, "okNestedBlocks", false));
        assertEquals("incaught.", run(pending, "okNestedBlocks", true));
        assertEquals("0:2:end", run(pending, "okLoopExits", 4));
        assertEquals("0:2:4:6:ret", run(pending, "okLoopExits", 20));
        assertEquals("zero!a", run(pending, "okSwitches", 0));
        assertEquals("oneb", run(pending, "okSwitches", 1));
        assertEquals("manyc", run(pending, "okSwitches", 2));
        assertEquals("locked true", run(pending, "okAwaitedLock"));
        assertEquals("truefalse", run(pending, "okThis"));
        assertEquals("2", run(pending, "okSynchronizedCaller"));
        assertEquals("2", run(pending, "okAwaitsSynchronizedCallee"));
    }

    /**
     * Fuzz program P5ighn9d's g0: the analysis used to pass ASM's operation bound on it (origin
     * sets of primitives and unknown values growing one store site at a time) and reject a
     * generator whose yields are outside every block.
     */
    @Test
    void aLongMethodFullOfBlocksIsAnalysedWithinTheBoundsAndWoven() throws Throwable {
        SampleRunner.sample("MonitorsLong");
        WeaveResult r = SampleRunner.LOADER.woven.get("dev.weft.agent.samples.MonitorsLong");
        List<String> got = new ArrayList<>();
        r.rejections.forEach(x -> got.add(x.message));
        assertEquals(List.of(), got);
        assertEquals(List.of(false, false), SampleRunner.run(false, "MonitorsLong", "g0", 3));
    }

    /**
     * Fuzz program Pjalpumv's g0 (seed 42000004183, family sync): 12,888 instructions, 299
     * locals, 665 handlers. The analysis passed ASM's operation bound again (origin sets of
     * ordinary variables growing at every enclosing finally handler) and rejected a generator that
     * yields outside every block; a frame that merges to one value per slot, handler edges cut
     * after the first catch-all and only monitor slots tracked keep it within the bounds.
     */
    @Test
    void aLongerMethodFullOfNestedFinallyBlocksIsAnalysedWithinTheBoundsAndWoven()
            throws Throwable {
        SampleRunner.sample("MonitorsLonger");
        WeaveResult r = SampleRunner.LOADER.woven.get("dev.weft.agent.samples.MonitorsLonger");
        List<String> got = new ArrayList<>();
        r.rejections.forEach(x -> got.add(x.message));
        assertEquals(List.of(), got);
        // n81 = 4 becomes 107, then 1 in the first Class block; Color.of(3 ^ 1) is BLUE, which
        // yields 1 << 3 and 1 << 1
        assertEquals(List.of(8, 2), SampleRunner.run(false, "MonitorsLonger", "g0", 4));
    }

    private static Object run(boolean pending, String method, Object... args) throws Throwable {
        return SampleRunner.run(pending, "Monitors", method, args);
    }

    @Test
    void checkAcceptsTheShapesAndReportsTheHeldOnes(@TempDir Path tmp) throws Exception {
        String dir = "dev/weft/agent/samples/";
        Path ok = tmp.resolve("ok");
        Files.createDirectories(ok.resolve(dir));
        Files.copy(
                Path.of("target/test-classes", dir, "Monitors.class"),
                ok.resolve(dir + "Monitors.class"));
        String cp = Path.of("target/test-classes").toAbsolutePath().toString();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        assertEquals(
                0,
                Main.run(new String[] {"check", "--cp", cp, ok.toString()}, ps, ps),
                sink.toString());
        Path held = tmp.resolve("held");
        Files.createDirectories(held.resolve(dir));
        Files.copy(
                Path.of("target/test-classes", dir, "MonitorsHeld.class"),
                held.resolve(dir + "MonitorsHeld.class"));
        sink.reset();
        assertEquals(
                1,
                Main.run(new String[] {"check", "--cp", cp, held.toString()}, ps, ps),
                sink.toString());
        assertTrue(
                sink.toString().contains("MonitorsHeld.heldInFinallyInBlock(MonitorsHeld.java:"),
                sink.toString());
    }

    // ---- hand-written bytecode: javac never writes these, the verifier accepts them ----

    private static final String OWNER = "gen/Unbalanced";
    private static final String FUTURE = "dev/weft/Future";
    private static final String DESC_1 = "(Ljava/lang/Object;)Ldev/weft/Future;";
    private static final String DESC_2 = "(Ljava/lang/Object;Ljava/lang/Object;)Ldev/weft/Future;";
    private static final String DESC_FLAG = "(Ljava/lang/Object;Z)Ldev/weft/Future;";

    /** {@code return Future.ready(await(Leaf.of(1)))}, the await on source line {@code line}. */
    private static void awaitAndReturn(MethodVisitor mv, int line) {
        Label l = new Label();
        mv.visitLabel(l);
        mv.visitLineNumber(line, l);
        awaitOne(mv);
        mv.visitMethodInsn(
                INVOKESTATIC, FUTURE, "ready", "(Ljava/lang/Object;)Ldev/weft/Future;", true);
        mv.visitInsn(ARETURN);
    }

    private static void awaitOne(MethodVisitor mv) {
        mv.visitInsn(ICONST_1);
        mv.visitMethodInsn(
                INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
        mv.visitMethodInsn(
                INVOKESTATIC,
                "dev/weft/testkit/Leaf",
                "of",
                "(Ljava/lang/Object;)Ldev/weft/testkit/Leaf;",
                false);
        mv.visitMethodInsn(
                INVOKESTATIC,
                "dev/weft/Async",
                "await",
                "(Ldev/weft/Future;)Ljava/lang/Object;",
                false);
    }

    private static void method(
            ClassWriter cw, String name, String desc, Consumer<MethodVisitor> body) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, desc, null, null);
        mv.visitCode();
        body.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Methods named {@code held*} await at line 10 with a monitor held or unknown; {@code ok*} may not. */
    private static byte[] unbalanced() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC, OWNER, null, "java/lang/Object", null);
        cw.visitSource("Unbalanced.java", null);
        method(
                cw,
                "heldEnterWithoutExit",
                DESC_1,
                mv -> {
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITORENTER);
                    awaitAndReturn(mv, 10);
                });
        method(
                cw,
                "heldExitOnOnePathOnly",
                DESC_FLAG,
                mv -> {
                    Label skip = new Label();
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITORENTER);
                    mv.visitVarInsn(ILOAD, 1);
                    mv.visitJumpInsn(IFEQ, skip);
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITOREXIT);
                    mv.visitLabel(skip);
                    awaitAndReturn(mv, 10);
                });
        method(
                cw,
                "heldExitOfAnotherObject",
                DESC_2,
                mv -> {
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITORENTER);
                    mv.visitVarInsn(ALOAD, 1);
                    mv.visitInsn(MONITOREXIT);
                    awaitAndReturn(mv, 10);
                });
        method(
                cw,
                "heldExitThroughAReassignedLocal",
                DESC_2,
                mv -> {
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITORENTER);
                    mv.visitVarInsn(ALOAD, 1);
                    mv.visitVarInsn(ASTORE, 0);
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITOREXIT);
                    awaitAndReturn(mv, 10);
                });
        method(
                cw,
                "heldExitWithoutEnter",
                DESC_1,
                mv -> {
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITOREXIT);
                    awaitAndReturn(mv, 10);
                });
        method(
                cw,
                "heldEnterInALoop",
                DESC_FLAG,
                mv -> {
                    Label head = new Label();
                    mv.visitLabel(head);
                    mv.visitLineNumber(10, head);
                    awaitOne(mv);
                    mv.visitInsn(POP);
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITORENTER);
                    mv.visitVarInsn(ILOAD, 1);
                    mv.visitJumpInsn(IFNE, head);
                    mv.visitInsn(ICONST_1);
                    mv.visitMethodInsn(
                            INVOKESTATIC,
                            "java/lang/Integer",
                            "valueOf",
                            "(I)Ljava/lang/Integer;",
                            false);
                    mv.visitMethodInsn(
                            INVOKESTATIC,
                            FUTURE,
                            "ready",
                            "(Ljava/lang/Object;)Ldev/weft/Future;",
                            true);
                    mv.visitInsn(ARETURN);
                });
        method(
                cw,
                "heldInAnOuterHandlerListedFirst",
                DESC_1,
                mv -> {
                    // the enclosing catch-all comes before the unlock handler: the JVM takes it,
                    // lock held
                    Label start = new Label();
                    Label end = new Label();
                    Label outer = new Label();
                    Label unlock = new Label();
                    mv.visitTryCatchBlock(start, end, outer, null);
                    mv.visitTryCatchBlock(start, end, unlock, null);
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITORENTER);
                    mv.visitLabel(start);
                    mv.visitInsn(ICONST_1);
                    mv.visitMethodInsn(
                            INVOKESTATIC,
                            "java/lang/Integer",
                            "valueOf",
                            "(I)Ljava/lang/Integer;",
                            false);
                    mv.visitInsn(POP);
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITOREXIT);
                    mv.visitLabel(end);
                    mv.visitInsn(ICONST_1);
                    mv.visitMethodInsn(
                            INVOKESTATIC,
                            "java/lang/Integer",
                            "valueOf",
                            "(I)Ljava/lang/Integer;",
                            false);
                    mv.visitMethodInsn(
                            INVOKESTATIC,
                            FUTURE,
                            "ready",
                            "(Ljava/lang/Object;)Ldev/weft/Future;",
                            true);
                    mv.visitInsn(ARETURN);
                    mv.visitLabel(unlock);
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITOREXIT);
                    mv.visitInsn(ATHROW);
                    mv.visitLabel(outer);
                    mv.visitInsn(POP);
                    awaitAndReturn(mv, 10);
                });
        method(
                cw,
                "okExitThroughACopy",
                DESC_1,
                mv -> {
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitVarInsn(ASTORE, 1);
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITORENTER);
                    mv.visitVarInsn(ALOAD, 1);
                    mv.visitInsn(MONITOREXIT);
                    awaitAndReturn(mv, 10);
                });
        method(
                cw,
                "okInAnUnlockHandlerListedFirst",
                DESC_1,
                mv -> {
                    // javac's layout, with catch (Throwable) for finally: the unlock handler comes
                    // first
                    // and covers its own exit, so the later handler is never reached with the lock
                    // held
                    Label start = new Label();
                    Label end = new Label();
                    Label outer = new Label();
                    Label unlock = new Label();
                    Label unlocked = new Label();
                    Label after = new Label();
                    mv.visitTryCatchBlock(start, end, unlock, null);
                    mv.visitTryCatchBlock(unlock, unlocked, unlock, null);
                    mv.visitTryCatchBlock(start, after, outer, "java/lang/Throwable");
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITORENTER);
                    mv.visitLabel(start);
                    mv.visitInsn(ICONST_1);
                    mv.visitMethodInsn(
                            INVOKESTATIC,
                            "java/lang/Integer",
                            "valueOf",
                            "(I)Ljava/lang/Integer;",
                            false);
                    mv.visitInsn(POP);
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITOREXIT);
                    mv.visitLabel(end);
                    mv.visitJumpInsn(GOTO, after);
                    mv.visitLabel(unlock);
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(MONITOREXIT);
                    mv.visitLabel(unlocked);
                    mv.visitInsn(ATHROW);
                    mv.visitLabel(after);
                    mv.visitInsn(ICONST_1);
                    mv.visitMethodInsn(
                            INVOKESTATIC,
                            "java/lang/Integer",
                            "valueOf",
                            "(I)Ljava/lang/Integer;",
                            false);
                    mv.visitMethodInsn(
                            INVOKESTATIC,
                            FUTURE,
                            "ready",
                            "(Ljava/lang/Object;)Ldev/weft/Future;",
                            true);
                    mv.visitInsn(ARETURN);
                    mv.visitLabel(outer);
                    mv.visitInsn(POP);
                    awaitAndReturn(mv, 10);
                });
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static final class Definer extends ClassLoader {
        Definer() {
            super(MonitorAnalysisTest.class.getClassLoader());
        }

        Class<?> define(byte[] bytes) throws ClassNotFoundException {
            Class<?> c = defineClass(null, bytes, 0, bytes.length);
            return Class.forName(
                    c.getName(), true, this); // links, so HotSpot verifies every method
        }
    }

    @Test
    void handWrittenUnbalancedMonitorsAreRejectedWithALocatedMessageNeverAVerifyError()
            throws Throwable {
        byte[] original = unbalanced();
        new Definer().define(original); // the verifier accepts every method as written
        WeaveResult r =
                Weaver.weave(
                        original,
                        new ClassFileLocator.Compound(
                                ClassFileLocator.Simple.of("gen.Unbalanced", original),
                                ClassFileLocator.ForClassLoader.of(getClass().getClassLoader())));
        TreeSet<String> got = new TreeSet<>();
        r.rejections.forEach(x -> got.add(x.message));
        TreeSet<String> expected = new TreeSet<>();
        for (String m :
                List.of(
                        "heldEnterWithoutExit",
                        "heldExitOnOnePathOnly",
                        "heldExitOfAnotherObject",
                        "heldExitThroughAReassignedLocal",
                        "heldExitWithoutEnter",
                        "heldEnterInALoop",
                        "heldInAnOuterHandlerListedFirst")) {
            expected.add(
                    "gen.Unbalanced."
                            + m
                            + "(Unbalanced.java:10): "
                            + Rejection.SYNCHRONIZED_BLOCK);
        }
        assertEquals(expected, got);
        Class<?> woven = new Definer().define(r.bytes);
        Object lock = new Object();
        for (Method m : woven.getDeclaredMethods()) {
            if (m.getName().startsWith("held")) {
                Object[] args =
                        m.getParameterCount() == 1
                                ? new Object[] {lock}
                                : m.getParameterTypes()[1] == boolean.class
                                        ? new Object[] {lock, true}
                                        : new Object[] {lock, lock};
                InvocationTargetException e =
                        assertThrows(InvocationTargetException.class, () -> m.invoke(null, args));
                assertEquals(IllegalStateException.class, e.getCause().getClass(), m.getName());
                assertTrue(expected.contains(e.getCause().getMessage()), e.getCause().getMessage());
            }
        }
        for (boolean pending : new boolean[] {false, true}) {
            SampleRunner.mode(pending);
            try {
                for (String ok : List.of("okExitThroughACopy", "okInAnUnlockHandlerListedFirst")) {
                    Future<?> f = (Future<?>) woven.getMethod(ok, Object.class).invoke(null, lock);
                    assertEquals(1, Poller.drive(f), ok);
                    assertTrue(!Thread.holdsLock(lock), ok);
                }
            } finally {
                SampleRunner.mode(false);
            }
        }
    }
}
