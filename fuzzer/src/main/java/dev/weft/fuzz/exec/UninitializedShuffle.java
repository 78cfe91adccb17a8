package dev.weft.fuzz.exec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The UNINIT family's post-pass (issue 12 point 5): javac's {@code NEW C; DUP; args;
 * INVOKESPECIAL C.<init>} sites rewritten so that the objects under construction are moved by
 * stack operations javac never writes (SWAP, POP, DUP_X1, DUP_X2, DUP2, POP2, DUP2_X2), with
 * other values left beside or beneath them while the arguments, awaits included, are evaluated.
 * Other compilers and bytecode generators write such code; the verifier accepts it.
 *
 * <p>Every rewrite is a no-op on values: it inserts instructions right after the {@code DUP}
 * and, for those that leave an extra value beneath the two references, removes that value right
 * after the constructor call, so the stack around the site is what javac left, and the program's
 * behaviour is unchanged (the reference run of the rewritten program is compared with the woven
 * run of the same bytes, and a test compares it with the reference run of javac's bytes). Frames
 * are recomputed by ASM. The output must pass the verifier: {@code Trial} checks it with
 * CheckClassAdapter and HotSpot (the reference classes load with verification on) before the
 * woven run.
 *
 * <p>Sites are found by bracket matching in instruction order (javac emits the arguments of a
 * {@code new} contiguously, nested {@code new}s inside); a method whose {@code NEW} is not
 * followed by {@code DUP}, or whose brackets do not match, is left as it is.
 */
public final class UninitializedShuffle {

    /** Number of distinct rewrites. */
    static final int KINDS = 9;

    /** Sites rewritten by the last {@link #apply}. */
    public int rewritten;

    /** Sites rewritten so far, per rewrite kind (index: the kind of {@link #rewrite}). */
    public final int[] kinds = new int[KINDS];

    /**
     * {@code classFile} with every construction site whose arguments await and about
     * {@code pct}% of the others rewritten (choices from {@code seed}), or the same array when
     * nothing was rewritten. The awaiting sites are the ones the weaver must carry across a
     * suspension; the others check that it leaves such code alone.
     */
    public byte[] apply(byte[] classFile, long seed, int pct) {
        rewritten = 0;
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, ClassReader.SKIP_FRAMES);
        SplittableRandom r = new SplittableRandom(seed ^ cn.name.hashCode());
        for (MethodNode m : cn.methods) {
            for (AbstractInsnNode[] site : sites(m)) {
                if (r.nextInt(100) < pct || awaitsInside(site)) {
                    int kind = r.nextInt(KINDS);
                    rewrite(
                            m.instructions,
                            (TypeInsnNode) site[0],
                            site[1],
                            kind,
                            r.nextInt(-1, 200));
                    kinds[kind]++;
                    rewritten++;
                }
            }
        }
        if (rewritten == 0) {
            return classFile;
        }
        ClassWriter cw =
                new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                    @Override
                    protected String getCommonSuperClass(String a, String b) {
                        try {
                            return super.getCommonSuperClass(a, b);
                        } catch (RuntimeException | LinkageError e) {
                            // a program class (not loadable here): final classes and interfaces of
                            // the
                            // program, whose common supertype with anything else is Object
                            return "java/lang/Object";
                        }
                    }
                };
        cn.accept(cw);
        return cw.toByteArray();
    }

    private static boolean awaitsInside(AbstractInsnNode[] site) {
        for (AbstractInsnNode i = site[0]; i != site[1]; i = i.getNext()) {
            if (i instanceof MethodInsnNode
                    && ((MethodInsnNode) i).owner.equals("dev/weft/Async")) {
                return true;
            }
        }
        return false;
    }

    /** Pairs {NEW, INVOKESPECIAL <init>} of a method, or none when its shape is not javac's. */
    static List<AbstractInsnNode[]> sites(MethodNode m) {
        List<AbstractInsnNode[]> out = new ArrayList<>();
        Deque<TypeInsnNode> open = new ArrayDeque<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i.getOpcode() == Opcodes.NEW) {
                if (i.getNext() == null || i.getNext().getOpcode() != Opcodes.DUP) {
                    return List.of();
                }
                open.push((TypeInsnNode) i);
            } else if (i.getOpcode() == Opcodes.INVOKESPECIAL
                    && ((MethodInsnNode) i).name.equals("<init>")
                    && !open.isEmpty()) {
                TypeInsnNode n = open.pop();
                if (!n.desc.equals(((MethodInsnNode) i).owner)) {
                    return List.of();
                }
                out.add(new AbstractInsnNode[] {n, i});
            }
        }
        return open.isEmpty() ? out : List.of();
    }

    /**
     * Inserts rewrite {@code kind} around one site. Stacks are written bottom to top, u the
     * uninitialized reference, u' the same once initialized; after the DUP the stack is S u u.
     */
    private static void rewrite(
            InsnList code, TypeInsnNode nw, AbstractInsnNode init, int kind, int k) {
        InsnList before = new InsnList();
        InsnList after = new InsnList();
        switch (kind) {
            case 0: // S u u -> SWAP -> S u u
                before.add(new InsnNode(Opcodes.SWAP));
                break;
            case 1: // DUP POP
                before.add(new InsnNode(Opcodes.DUP));
                before.add(new InsnNode(Opcodes.POP));
                break;
            case 2: // POP DUP: the second copy popped and made again
                before.add(new InsnNode(Opcodes.POP));
                before.add(new InsnNode(Opcodes.DUP));
                break;
            case 3: // DUP_X1 POP: S u u u -> S u u
                before.add(new InsnNode(Opcodes.DUP_X1));
                before.add(new InsnNode(Opcodes.POP));
                break;
            case 4: // S u u k -> DUP_X2 -> S k u u k -> POP -> S k u u ... S k u' -> SWAP POP -> S
                // u'
                before.add(new IntInsnNode(Opcodes.SIPUSH, k));
                before.add(new InsnNode(Opcodes.DUP_X2));
                before.add(new InsnNode(Opcodes.POP));
                after.add(new InsnNode(Opcodes.SWAP));
                after.add(new InsnNode(Opcodes.POP));
                break;
            case 5: // issue 12's shape: S u u k -> SWAP -> S u k u ... S u' k -> POP -> S u'
                before.add(new IntInsnNode(Opcodes.SIPUSH, k));
                before.add(new InsnNode(Opcodes.SWAP));
                after.add(new InsnNode(Opcodes.POP));
                break;
            case 6: // DUP2 POP2
                before.add(new InsnNode(Opcodes.DUP2));
                before.add(new InsnNode(Opcodes.POP2));
                break;
            case 7: // a reference beneath: S u u null -> DUP_X2 POP -> S null u u ... S null u' ->
                // SWAP POP
                before.add(new InsnNode(Opcodes.ACONST_NULL));
                before.add(new InsnNode(Opcodes.DUP_X2));
                before.add(new InsnNode(Opcodes.POP));
                after.add(new InsnNode(Opcodes.SWAP));
                after.add(new InsnNode(Opcodes.POP));
                break;
            default: // a long beneath: S u u J -> DUP2_X2 POP2 -> S J u u ... S J u' -> DUP_X2 POP
                // POP2 -> S u'
                before.add(new InsnNode(k % 2 == 0 ? Opcodes.LCONST_0 : Opcodes.LCONST_1));
                before.add(new InsnNode(Opcodes.DUP2_X2));
                before.add(new InsnNode(Opcodes.POP2));
                after.add(new InsnNode(Opcodes.DUP_X2));
                after.add(new InsnNode(Opcodes.POP));
                after.add(new InsnNode(Opcodes.POP2));
                break;
        }
        code.insert(nw.getNext(), before);
        if (after.size() > 0) {
            code.insert(init, after);
        }
    }
}
