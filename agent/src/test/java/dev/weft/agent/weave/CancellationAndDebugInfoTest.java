package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/** Cancelling a suspended woven body runs its finally; woven bodies keep line and local tables. */
class CancellationAndDebugInfoTest {

    @Test
    @SuppressWarnings("unchecked")
    void cancellingASuspendedCallRunsItsFinallyAndCancelsTheAwaitedFuture() throws Throwable {
        Class<?> c = SampleRunner.sample("Cancellable");
        List<String> log = new ArrayList<>();
        SampleRunner.mode(true);
        Future<String> f;
        try {
            f = (Future<String>) SampleRunner.invoke(c, "guarded", log);
        } finally {
            SampleRunner.mode(false);
        }
        assertFalse(f.poll(Context.of(() -> {})).isReady()); // suspended on the never-ready future
        f.cancel();
        assertEquals(List.of("started", "cancelled:true", "finally"), log);
        assertThrows(CancellationException.class, () -> f.poll(Context.of(() -> {})));

        List<String> never = new ArrayList<>();
        Future<String> g = (Future<String>) SampleRunner.invoke(c, "guarded", never);
        g.cancel();
        assertEquals(List.of(), never, "a body that never started never runs");
    }

    @Test
    void methodsThatAreNotCoroutinesKeepTheirBytesAndFrames() {
        SampleRunner.sample("Locals");
        byte[] woven = SampleRunner.LOADER.woven.get("dev.weft.agent.samples.Locals").bytes;
        byte[] original =
                dev.weft.agent.testkit.WeavingLoader.original("dev.weft.agent.samples.Locals");
        assertEquals(textOf(original, "plain"), textOf(woven, "plain"));
        assertTrue(textOf(original, "plain").contains("FRAME"), "the sample has stack map frames");
    }

    private static String textOf(byte[] bytes, String method) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, 0);
        org.objectweb.asm.util.Textifier t = new org.objectweb.asm.util.Textifier();
        for (MethodNode m : cn.methods) {
            if (m.name.equals(method)) {
                m.accept(new org.objectweb.asm.util.TraceMethodVisitor(t));
            }
        }
        java.io.StringWriter w = new java.io.StringWriter();
        t.print(new java.io.PrintWriter(w));
        return w.toString();
    }

    @Test
    void wovenBodiesKeepLineNumbersAndLocalVariables() {
        SampleRunner.sample("Locals");
        ClassNode cn = new ClassNode();
        new ClassReader(SampleRunner.LOADER.woven.get("dev.weft.agent.samples.Locals").bytes)
                .accept(cn, 0);
        MethodNode body = null;
        for (MethodNode m : cn.methods) {
            if (m.name.equals("everyType")
                    && m.desc.startsWith("(Ljava/lang/Object;Ldev/weft/Context;)")) {
                body = m;
            }
        }
        assertTrue(body != null, "woven body of everyType");
        Set<String> names = new HashSet<>();
        for (LocalVariableNode lv : body.localVariables) {
            names.add(lv.name);
        }
        assertTrue(
                names.containsAll(
                        Set.of(
                                "seed", "z", "b", "c", "s", "i", "l", "f", "d", "str", "arr", "x",
                                "y")),
                names.toString());
        assertTrue(body.instructions.size() > 0);
        boolean lines = false;
        for (var insn : body.instructions) {
            lines |= insn instanceof org.objectweb.asm.tree.LineNumberNode;
        }
        assertTrue(lines, "line numbers kept");
    }
}
