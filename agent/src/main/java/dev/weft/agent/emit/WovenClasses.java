package dev.weft.agent.emit;

import dev.weft.agent.hierarchy.TypeHierarchy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Writing a woven host. Only the methods the weaver rewrote with branches (the state-machine
 * bodies, a rejected static initializer) get newly computed stack map frames, each against the
 * class-file hierarchy; every other method keeps its original frames byte for byte, so a type the
 * hierarchy cannot resolve can never spoil code the weaver did not touch. Classes older than Java 7,
 * whose frames are optional, are lifted to Java 8 and framed as a whole (JSR was inlined).
 */
public final class WovenClasses {

    private WovenClasses() {}

    /**
     * @throws UnwritableMethodException naming the method whose frames could not be computed or
     *     whose code is too large; the caller rejects it and writes the class again
     */
    public static byte[] write(
            ClassNode host, TypeHierarchy hierarchy, Collection<MethodNode> needFrames) {
        WovenMarker.mark(host);
        if ((host.version & 0xFFFF) < Opcodes.V1_7) {
            // interface static methods and mandatory StackMapTable need 52
            host.version = Opcodes.V1_8;
            HierarchyClassWriter cw = new HierarchyClassWriter(hierarchy);
            host.accept(cw);
            return cw.toByteArray();
        }
        Set<MethodNode> framed = Collections.newSetFromMap(new IdentityHashMap<>());
        framed.addAll(needFrames);
        // One writer for the whole class, switched per method (ClassWriter.setFlags): frames and
        // maxima are computed for the framed methods only, and every other method is copied with
        // its own frames. At start-up this single pass replaced a round trip per framed method
        // (written alone with COMPUTE_FRAMES, read back, written again), a quarter of the cold
        // weaver's time (docs/design.md, "Start-up cost of load-time weaving").
        HierarchyClassWriter cw = new HierarchyClassWriter(hierarchy);
        List<MethodNode> methods = host.methods;
        host.methods = new ArrayList<>();
        try {
            host.accept(
                    new ClassVisitor(Opcodes.ASM9, cw) {
                        @Override
                        public void visitEnd() {
                            // the methods follow, one by one, below
                        }
                    });
        } finally {
            host.methods = methods;
        }
        for (MethodNode m : methods) {
            boolean frames = framed.contains(m);
            cw.setFlags(frames ? ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS : 0);
            if (!frames) {
                m.accept(cw);
                continue;
            }
            try {
                long ts = dev.weft.agent.stats.WeaveStats.start();
                m.accept(cw);
                dev.weft.agent.stats.WeaveStats.add(
                        dev.weft.agent.stats.WeaveStats.Phase.FRAMES, ts);
            } catch (MethodTooLargeException e) {
                throw tooLarge(e);
            } catch (RuntimeException e) {
                // LimitExceededException (ASM's bounds on frame computation), an unresolvable
                // type...
                throw new UnwritableMethodException(
                        m.name, m.desc, "cannot compute its stack map frames: " + e, e);
            }
        }
        cw.visitEnd();
        try {
            return cw.toByteArray();
        } catch (MethodTooLargeException e) {
            throw tooLarge(e);
        } catch (RuntimeException e) {
            // ASM's second pass for jumps longer than 32 KB (ClassWriter.replaceAsmInstructions)
            // failed reading back a method it wrote: it does not say which one
            throw new UnwritableMethodException(
                    null, null, "ASM cannot write the woven class: " + e, e);
        }
    }

    private static UnwritableMethodException tooLarge(MethodTooLargeException e) {
        return new UnwritableMethodException(
                e.getMethodName(),
                e.getDescriptor(),
                "the woven method would exceed the JVM's 64 KB code limit: "
                        + e.getCodeSize()
                        + " bytes",
                e);
    }

    /** The first source line of a body, for the stub's single line entry; {@code fallback} if none. */
    public static int firstLine(MethodNode body, int fallback) {
        for (AbstractInsnNode i : body.instructions) {
            if (i instanceof LineNumberNode) {
                return ((LineNumberNode) i).line;
            }
        }
        return fallback;
    }
}
