package dev.weft.agent.weave;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.agent.analyze.SavedLocal;
import dev.weft.agent.analyze.SuspensionAnalysis;
import dev.weft.agent.check.CoroutineKind;
import dev.weft.agent.check.MethodChecker;
import dev.weft.agent.emit.BodyEmitter;
import dev.weft.agent.emit.CompanionEmitter;
import dev.weft.agent.emit.StubEmitter;
import dev.weft.agent.hierarchy.TypeHierarchy;
import dev.weft.agent.plan.CompanionLayout;
import dev.weft.agent.plan.LayoutPlanner;
import dev.weft.agent.plan.Slot;
import dev.weft.agent.read.ClassReading;
import dev.weft.testkit.Leaf;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The normalize, plan and emit stages one at a time, on the small methods of {@link Small}
 * (compiled by javac, never loaded: only their class file is read), each checked on its own
 * output rather than through a woven run.
 */
class StagesTest {

    /** Not woven here: these are inputs to the stages. */
    static final class Small {
        private Small() {}

        /** {@code a} sits on the operand stack below the await. */
        static Future<Integer> belowAwait(int a) {
            return Future.ready(a + await(Leaf.of(1)));
        }

        /** A long and a reference live across the first await; a string and the long across the second. */
        static Future<String> twoAwaits(long n, String s) {
            int x = await(Leaf.of(1));
            String t = s + x;
            int y = await(Leaf.of(2));
            return Future.ready(t + y + n);
        }
    }

    private static final String AWAIT_OWNER = "dev/weft/Async";

    private final TypeHierarchy hierarchy =
            new TypeHierarchy(ClassFileLocator.ForClassLoader.ofSystemLoader());

    private static ClassNode small() throws Exception {
        String resource = Small.class.getName().replace('.', '/') + ".class";
        try (InputStream in = StagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return ClassReading.read(in.readAllBytes());
        }
    }

    private static MethodNode method(ClassNode cn, String name) {
        for (MethodNode m : cn.methods) {
            if (m.name.equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name + " not in " + cn.name);
    }

    private MethodChecker.Verdict check(ClassNode cn, String name) {
        MethodChecker.Verdict v = MethodChecker.check(cn, method(cn, name), hierarchy);
        assertNotNull(v, name + " should suspend");
        assertEquals(null, v.rejection, name + " should be weavable");
        return v;
    }

    /** Operand stack depth (in values) just before each await call. */
    private static List<Integer> stackAtAwaits(MethodNode m, SuspensionAnalysis.Flow flow) {
        List<Integer> depths = new ArrayList<>();
        for (int i = 0; i < m.instructions.size(); i++) {
            AbstractInsnNode insn = m.instructions.get(i);
            if (insn instanceof MethodInsnNode
                    && ((MethodInsnNode) insn).owner.equals(AWAIT_OWNER)
                    && ((MethodInsnNode) insn).name.equals("await")) {
                depths.add(flow.frames[i].getStackSize());
            }
        }
        return depths;
    }

    @Test
    void normalizeLeavesOnlyTheAwaitedFutureOnTheStack() throws Exception {
        ClassNode cn = small();
        MethodChecker.Verdict v = check(cn, "belowAwait");
        MethodNode m = v.method;
        // javac's shape: the int a, then the future, at the await
        assertEquals(List.of(2), stackAtAwaits(m, SuspensionAnalysis.flow(cn, m, hierarchy)));
        int localsBefore = m.maxLocals;

        SuspensionAnalysis.Flow flow = Weaver.normalize(cn, m, v.points, hierarchy);

        assertEquals(List.of(1), stackAtAwaits(m, flow));
        assertTrue(m.maxLocals > localsBefore, "a was spilled into a fresh local: " + m.maxLocals);
        // the returned flow describes the normalized method, which analyze reuses as is
        assertEquals(m.instructions.size(), flow.frames.length);
    }

    @Test
    void planGivesOneStatePerAwaitAndSharesFieldsByType() throws Exception {
        ClassNode cn = small();
        MethodChecker.Verdict v = check(cn, "twoAwaits");
        MethodNode m = v.method;
        SuspensionAnalysis.Flow flow = Weaver.normalize(cn, m, v.points, hierarchy);
        List<List<SavedLocal>> saved = SuspensionAnalysis.analyze(m, v.points, flow);

        CompanionLayout layout = LayoutPlanner.plan(cn, m, v.kind, 3, v.points, saved);

        assertEquals(cn.name + "$weft$twoAwaits$3", layout.companionName);
        assertEquals("twoAwaits", layout.bodyName);
        assertEquals(CoroutineKind.LAZY, layout.kind);
        assertEquals(2, layout.points.size());
        // parameters: n (a long, slots 0-1) and s (slot 2)
        assertEquals(List.of("0:J:j0", "2:Ljava/lang/String;:a0"), describe(layout.params));
        // across the first await: n and s; across the second: n and t, reusing the same fields
        assertEquals(List.of("0:J:j0", "2:Ljava/lang/String;:a0"), describe(layout.saved.get(0)));
        List<String> second = describe(layout.saved.get(1));
        assertEquals(2, second.size(), second.toString());
        assertTrue(second.contains("0:J:j0"), second.toString());
        assertTrue(
                second.stream()
                        .anyMatch(s -> s.endsWith(":Ljava/lang/String;:a0") && !s.startsWith("2:")),
                second.toString());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("j0", "J");
        fields.put("a0", "Ljava/lang/Object;");
        assertEquals(fields, layout.fields);
    }

    private static List<String> describe(List<Slot> slots) {
        List<String> out = new ArrayList<>();
        for (Slot s : slots) {
            out.add(s.local + ":" + s.type.getDescriptor() + ":" + s.field);
        }
        return out;
    }

    @Test
    void emitWritesTheCompanionBodyAndStubOfTheLayout() throws Exception {
        ClassNode cn = small();
        MethodChecker.Verdict v = check(cn, "twoAwaits");
        MethodNode m = v.method;
        SuspensionAnalysis.Flow flow = Weaver.normalize(cn, m, v.points, hierarchy);
        CompanionLayout layout =
                LayoutPlanner.plan(
                        cn, m, v.kind, 0, v.points, SuspensionAnalysis.analyze(m, v.points, flow));

        ClassNode companion = new ClassNode();
        new ClassReader(CompanionEmitter.emit(cn, m, layout)).accept(companion, 0);
        assertEquals(layout.companionName, companion.name);
        assertEquals(CoroutineKind.LAZY.superName, companion.superName);
        assertEquals(
                Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, companion.access);
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldNode f : companion.fields) {
            fields.put(f.name, f.desc);
        }
        assertEquals(layout.fields, fields);
        List<String> methods = new ArrayList<>();
        for (MethodNode cm : companion.methods) {
            methods.add(cm.name + cm.desc);
        }
        assertEquals(
                List.of(
                        "<init>()V",
                        "weft$new(JLjava/lang/String;)Ldev/weft/Future;",
                        "resume(Ldev/weft/Context;)Ljava/lang/Object;",
                        "enter(Ldev/weft/Context;)Ljava/lang/Object;",
                        "lineTable()Ljava/lang/String;"),
                methods);

        MethodNode body = BodyEmitter.emit(cn.name, false, m, layout, Collections.emptyMap(), true);
        assertEquals(layout.bodyName, body.name);
        assertEquals("(Ljava/lang/Object;Ldev/weft/Context;)Ljava/lang/Object;", body.desc);
        assertTrue((body.access & Opcodes.ACC_STATIC) != 0, "the body is static");
        // every planned field is both saved (at a suspension) and restored (at its resume)
        java.util.Set<String> put = new java.util.TreeSet<>();
        java.util.Set<String> got = new java.util.TreeSet<>();
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof FieldInsnNode
                    && ((FieldInsnNode) insn).owner.equals(layout.companionName)) {
                (insn.getOpcode() == Opcodes.PUTFIELD ? put : got).add(((FieldInsnNode) insn).name);
            }
        }
        assertTrue(put.containsAll(layout.fields.keySet()), "saved: " + put);
        assertTrue(got.containsAll(layout.fields.keySet()), "restored: " + got);

        StubEmitter.emit(cn, m, layout, 1);
        // the stub keeps the original signature and only creates the state object
        assertEquals("(JLjava/lang/String;)Ldev/weft/Future;", m.desc);
        boolean callsFactory = false;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).name.equals("await")) {
                throw new AssertionError("the stub must not await");
            }
            callsFactory |=
                    insn instanceof MethodInsnNode
                            && ((MethodInsnNode) insn).owner.equals(layout.companionName)
                            && ((MethodInsnNode) insn).name.equals("weft$new");
        }
        assertTrue(callsFactory, "the stub calls the companion's factory");
    }
}
