package dev.weft.agent.emit;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Prepends to the host's {@code <clinit>} (creating one if absent), for each companion:
 *
 * <pre>
 *   CompanionLoader.define(MethodHandles.lookup(), new String[] {chunk0, chunk1, ...});
 * </pre>
 *
 * Each chunk holds up to {@link #CHUNK} bytes as ISO-8859-1 chars; a constant's modified-UTF-8
 * form takes at most two bytes per char, so it stays under the 65535-byte constant limit.
 * Companions are defined before any user code of the initializer runs, so even a call from a
 * cyclic initialization finds them.
 */
public final class CompanionEmbedder {

    static final int CHUNK = 32000;

    private CompanionEmbedder() {}

    public static void embed(ClassNode host, List<byte[]> companions) {
        if (companions.isEmpty()) {
            return;
        }
        MethodNode clinit = null;
        for (MethodNode m : host.methods) {
            if (m.name.equals("<clinit>")) {
                clinit = m;
            }
        }
        if (clinit == null) {
            clinit =
                    new MethodNode(Opcodes.ASM9, Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            clinit.instructions.add(new InsnNode(Opcodes.RETURN));
            host.methods.add(clinit);
        }
        InsnList in = new InsnList();
        for (byte[] bytes : companions) {
            int chunks = (bytes.length + CHUNK - 1) / CHUNK;
            in.add(
                    new MethodInsnNode(
                            Opcodes.INVOKESTATIC,
                            "java/lang/invoke/MethodHandles",
                            "lookup",
                            "()Ljava/lang/invoke/MethodHandles$Lookup;",
                            false));
            Slots.pushInt(in, chunks);
            in.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/String"));
            for (int i = 0; i < chunks; i++) {
                int from = i * CHUNK;
                int to = Math.min(bytes.length, from + CHUNK);
                in.add(new InsnNode(Opcodes.DUP));
                Slots.pushInt(in, i);
                in.add(new LdcInsnNode(latin1(bytes, from, to)));
                in.add(new InsnNode(Opcodes.AASTORE));
            }
            in.add(
                    new MethodInsnNode(
                            Opcodes.INVOKESTATIC,
                            "dev/weft/internal/coroutine/CompanionLoader",
                            "define",
                            "(Ljava/lang/invoke/MethodHandles$Lookup;[Ljava/lang/String;)V",
                            false));
        }
        clinit.instructions.insert(in);
        clinit.maxStack += 5;
    }

    private static String latin1(byte[] b, int from, int to) {
        // one char per byte, as CompanionLoader reads it back; a bulk copy, not a loop of chars
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
