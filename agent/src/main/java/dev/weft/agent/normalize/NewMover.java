package dev.weft.agent.normalize;

import dev.weft.agent.check.SuspensionPoint;
import dev.weft.agent.check.UnweavableException;
import dev.weft.agent.flow.ConstructionShapes;
import dev.weft.agent.flow.UninitializedObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Moves every allocation whose uninitialized object would be live across a suspension point
 * (on the operand stack, as in {@code new Foo(a, await(b))}, or in a local, where javac puts the
 * {@code NEW}/{@code DUP} pair before a {@code try} inside a switch expression) to just before its
 * constructor call. An uninitialized object can be neither saved in a field nor restored from
 * one, so it must never cross a suspension.
 *
 * <p>Protocol, per allocation {@code NEW X} to move (found with {@link UninitializedObjects}):
 * <ol>
 *   <li>delete the {@code NEW}, every {@code DUP} of its object, every {@code ASTORE} of it and
 *       every {@code ALOAD} of it: what remains is the argument evaluation alone;
 *   <li>at each of its {@code INVOKESPECIAL X.<init>} calls, where the stack held
 *       {@code [.. X×k, X, args]} and locals L held X: store the arguments to fresh locals, then
 *       {@code NEW X}, DUP it back to k+1 copies (one more if L is non-empty), reload the
 *       arguments; after the call, store the spare copy to every local of L;
 *   <li>analyze again: no uninitialized object may remain at any suspension point.
 * </ol>
 * Any other use of the object (javac emits none) makes the method unweavable, reported at the
 * suspension point's line; weft never emits code that would fail verification.
 */
public final class NewMover {

    private NewMover() {}

    /** Rewrites {@code m} in place; returns how many allocations were moved. */
    public static int moveAcrossSuspensions(String owner, MethodNode m, List<SuspensionPoint> points)
            throws AnalyzerException {
        if (ConstructionShapes.allImmediate(m)) {
            // every object is constructed in a straight run of pushes, so none is held at a
            // suspension point (an await is a call, never a push): nothing to move, and the
            // data-flow pass below, the dearest part of normalizing at start-up, is not needed
            return 0;
        }
        UninitializedObjects u = UninitializedObjects.of(owner, m);
        Map<TypeInsnNode, SuspensionPoint> crossing = crossing(m, u, points);
        if (crossing.isEmpty()) {
            return 0;
        }
        for (Map.Entry<TypeInsnNode, SuspensionPoint> c : crossing.entrySet()) {
            if (!u.problems.isEmpty()) {
                throw cannotMove(c.getKey(), c.getValue(), "the method does not verify: " + u.problems.get(0));
            }
            if (u.shuffled.contains(c.getKey())) {
                throw cannotMove(c.getKey(), c.getValue(), "moved on the operand stack by POP, SWAP or DUP_X");
            }
        }
        InsnList insns = m.instructions;
        // find everything first: the frames are indexed by the instructions as they are now
        Set<AbstractInsnNode> delete = new LinkedHashSet<>();
        List<InitSite> sites = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            Frame<UninitializedObjects.Value> f = u.frames[i];
            AbstractInsnNode insn = insns.get(i);
            if (f == null) {
                continue;
            }
            int op = insn.getOpcode();
            if (op == Opcodes.NEW && crossing.containsKey(insn)) {
                delete.add(insn);
            } else if ((op == Opcodes.DUP || op == Opcodes.ASTORE) && moved(f.getStack(f.getStackSize() - 1), crossing)) {
                delete.add(insn);
            } else if (op == Opcodes.ALOAD && moved(f.getLocal(((VarInsnNode) insn).var), crossing)) {
                delete.add(insn);
            } else if (op == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>")) {
                MethodInsnNode call = (MethodInsnNode) insn;
                int args = Type.getArgumentTypes(call.desc).length;
                UninitializedObjects.Value receiver = f.getStack(f.getStackSize() - args - 1);
                if (moved(receiver, crossing)) {
                    sites.add(site(call, f, receiver.origin, args, crossing.get(receiver.origin)));
                }
            }
        }
        for (InitSite s : sites) {
            rewrite(m, s);
        }
        for (AbstractInsnNode d : delete) {
            insns.remove(d);
        }
        m.maxStack += 2;

        UninitializedObjects after = UninitializedObjects.of(owner, m);
        Map<TypeInsnNode, SuspensionPoint> left = crossing(m, after, points);
        if (!left.isEmpty() || !after.problems.isEmpty()) {
            TypeInsnNode n = left.isEmpty() ? crossing.keySet().iterator().next() : left.keySet().iterator().next();
            throw cannotMove(n, left.isEmpty() ? crossing.get(n) : left.get(n), "moving it left "
                    + (left.isEmpty() ? after.problems.get(0) : "an uninitialized object across the suspension"));
        }
        return crossing.size();
    }

    /** The NEWs whose objects are held (stack or locals) at a reachable suspension point. */
    private static Map<TypeInsnNode, SuspensionPoint> crossing(MethodNode m, UninitializedObjects u,
            List<SuspensionPoint> points) {
        Map<TypeInsnNode, SuspensionPoint> out = new LinkedHashMap<>();
        for (SuspensionPoint p : points) {
            Frame<UninitializedObjects.Value> f = u.frames[m.instructions.indexOf(p.call)];
            if (f != null) {
                for (TypeInsnNode n : UninitializedObjects.origins(f)) {
                    out.putIfAbsent(n, p);
                }
            }
        }
        return out;
    }

    private static boolean moved(UninitializedObjects.Value v, Map<TypeInsnNode, SuspensionPoint> crossing) {
        return v.origin != null && crossing.containsKey(v.origin);
    }

    /** One constructor call of a moved allocation, as the stack and locals were before it. */
    private static final class InitSite {
        MethodInsnNode call;
        TypeInsnNode origin;
        /** Copies of the object below the receiver (kept for after the call). */
        int copiesBelow;
        /** Locals holding the object just before the call. */
        List<Integer> locals = new ArrayList<>();
    }

    private static InitSite site(MethodInsnNode call, Frame<UninitializedObjects.Value> f, TypeInsnNode origin,
            int args, SuspensionPoint p) {
        InitSite s = new InitSite();
        s.call = call;
        s.origin = origin;
        int receiver = f.getStackSize() - args - 1;
        int j = receiver - 1;
        while (j >= 0 && f.getStack(j).origin == origin) {
            s.copiesBelow++;
            j--;
        }
        for (; j >= 0; j--) {
            if (f.getStack(j).origin == origin) {
                throw cannotMove(origin, p, "a copy of the object is buried under other values on the operand stack");
            }
        }
        for (int l = 0; l < f.getLocals(); l++) {
            if (f.getLocal(l).origin == origin) {
                s.locals.add(l);
            }
        }
        return s;
    }

    private static void rewrite(MethodNode m, InitSite s) {
        Type[] args = Type.getArgumentTypes(s.call.desc);
        int[] slots = new int[args.length];
        InsnList before = new InsnList();
        for (int a = args.length - 1; a >= 0; a--) {
            slots[a] = FreshLocals.allocate(m, args[a].getSize());
            before.add(FreshLocals.store(args[a], slots[a]));
        }
        before.add(new TypeInsnNode(Opcodes.NEW, s.origin.desc));
        int copies = s.copiesBelow + (s.locals.isEmpty() ? 0 : 1);
        for (int c = 0; c < copies; c++) {
            before.add(new InsnNode(Opcodes.DUP));
        }
        for (int a = 0; a < args.length; a++) {
            before.add(FreshLocals.load(args[a], slots[a]));
        }
        m.instructions.insertBefore(s.call, before);
        if (!s.locals.isEmpty()) {
            InsnList after = new InsnList();
            for (int i = 0; i < s.locals.size(); i++) {
                if (i < s.locals.size() - 1) {
                    after.add(new InsnNode(Opcodes.DUP));
                }
                after.add(new VarInsnNode(Opcodes.ASTORE, s.locals.get(i)));
            }
            m.instructions.insert(s.call, after);
        }
    }

    private static UnweavableException cannotMove(TypeInsnNode n, SuspensionPoint p, String why) {
        return new UnweavableException("an object under construction (new " + n.desc.replace('/', '.')
                + ") is live across this suspension and " + why, p.line);
    }
}
