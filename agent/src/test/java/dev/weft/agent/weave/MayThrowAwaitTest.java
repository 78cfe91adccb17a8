package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * Issue 14: {@code await(f, X.class)} is the same suspension point as {@code await(f)}. Each pair
 * of {@code samples.MayThrow} methods, woven, has the same report (states, saved locals, direct calls) and
 * the same woven bytecode, so the typed form costs nothing; both give the same values.
 */
class MayThrowAwaitTest {

    private static final String HOST = "dev.weft.agent.samples.MayThrow";

    private static WeaveResult woven() {
        SampleRunner.sample("MayThrow");
        WeaveResult r = SampleRunner.LOADER.woven.get(HOST);
        assertNotNull(r, "MayThrow was woven");
        return r;
    }

    /** The report of {@code method}, with its name and source lines blanked. */
    private static List<String> report(WeaveResult r, String method) {
        for (MethodReport m : r.methods) {
            List<String> lines = m.describe();
            if (lines.get(0).contains("." + method + "(")) {
                List<String> out = new ArrayList<>();
                for (String l : lines) {
                    out.add(blankOrdinal(l.replace(method, "M")).replaceAll("line \\d+", "line N"));
                }
                return out;
            }
        }
        throw new AssertionError(
                "no report for " + method + " in " + r.methods.size() + " methods");
    }

    /** Companions are numbered per class in method order: the pair's differ only there. */
    private static String blankOrdinal(String s) {
        return s.replaceAll("\\$weft\\$M\\$\\d+", "\\$weft\\$M\\$K");
    }

    /** Every woven method of the host derived from {@code method}, as text without line numbers. */
    private static String bodies(WeaveResult r, String method) {
        ClassNode cn = new ClassNode();
        new ClassReader(r.bytes).accept(cn, 0);
        StringBuilder all = new StringBuilder();
        for (MethodNode m : cn.methods) {
            if (!m.name.contains(method)) {
                continue;
            }
            Textifier t = new Textifier();
            TraceMethodVisitor v = new TraceMethodVisitor(t);
            for (AbstractInsnNode insn : m.instructions) {
                if (!(insn instanceof LineNumberNode)) {
                    insn.accept(v);
                }
            }
            StringWriter w = new StringWriter();
            t.print(new PrintWriter(w));
            all.append(m.name.replace(method, "M"))
                    .append(m.desc)
                    .append('\n')
                    .append(blankOrdinal(w.toString().replace(method, "M")));
        }
        return all.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Leaf", "Stage", "Direct", "Eager"})
    void theTypedAwaitWeavesExactlyAsThePlainOne(String shape) {
        WeaveResult r = woven();
        List<String> plain = report(r, "plain" + shape);
        assertEquals(plain, report(r, "typed" + shape));
        String plainBodies = bodies(r, "plain" + shape);
        assertFalse(plainBodies.isEmpty());
        assertEquals(plainBodies, bodies(r, "typed" + shape));
        if (shape.equals("Direct")) {
            assertEquals(
                    1,
                    plain.stream().filter(l -> l.contains("(direct call)")).count(),
                    plain.toString());
        }
    }

    @org.junit.jupiter.api.Test
    void aTypedAwaitUsesItsFutureAndIsNeitherRejectedNorWarnedAbout() {
        WeaveResult r = woven();
        assertEquals(List.of(), r.rejections);
        assertEquals(List.of(), r.warnings);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bothFormsGiveTheSameValues(boolean pending) throws Throwable {
        CompletableFuture<String> stage = CompletableFuture.completedFuture("s");
        for (String shape : new String[] {"Leaf", "Direct", "Eager"}) {
            assertEquals(
                    SampleRunner.run(pending, "MayThrow", "plain" + shape, "v"),
                    SampleRunner.run(pending, "MayThrow", "typed" + shape, "v"),
                    shape);
        }
        assertEquals("s7", SampleRunner.run(pending, "MayThrow", "typedStage", stage));
        assertEquals("v", SampleRunner.run(pending, "MayThrow", "typedFromLocal", "v"));
        assertEquals(
                "caught the same object",
                SampleRunner.run(pending, "MayThrow", "caught", new IOException("x")));
    }
}
