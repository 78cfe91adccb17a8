package dev.weft.agent.normalize;

import dev.weft.agent.check.SuspensionPoint;
import dev.weft.agent.check.UnweavableException;
import dev.weft.agent.flow.BlockAnalyzer;
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
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
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
 *   <li>remove the object from the code as if it did not exist until its constructor call:
 *       delete the {@code NEW}, every {@code ASTORE} and {@code ALOAD} of it, and every stack
 *       instruction that only copies, drops or reorders it; a stack instruction that also moves
 *       other values ({@code SWAP}, {@code DUP_X1}... as other compilers and code generators
 *       emit them) is replaced by the same shuffle of those values alone
 *       ({@link StackShuffle}); a null test of it is decided (never null), a reference
 *       comparison too (a copy of the same allocation or not), and MONITORENTER/MONITOREXIT on
 *       it lock a stand-in object made where the {@code NEW} was: what remains is the argument
 *       evaluation alone;
 *   <li>at each of its {@code INVOKESPECIAL X.<init>} calls, where the stack held the object's
 *       copies, possibly mixed with other values, under the receiver and its arguments, and
 *       locals L held it: store the arguments (and the mixed-in values) to fresh locals, then
 *       {@code NEW X}, DUP, reload the arguments, call, and put the copies and values back in
 *       their places; store a copy to every local of L;
 *   <li>analyze again: no uninitialized object may remain at any suspension point.
 * </ol>
 * Only code that does not verify is refused (an uninitialized object used as an operand, or one
 * on some paths only), reported at the suspension point's line; weft never emits code that
 * would fail verification.
 */
public final class NewMover {

    private NewMover() {}

    /** Rewrites {@code m} in place; returns how many allocations were moved. */
    public static int moveAcrossSuspensions(
            String owner, MethodNode m, List<SuspensionPoint> points) throws AnalyzerException {
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
        if (!u.problems.isEmpty()) {
            Map.Entry<TypeInsnNode, SuspensionPoint> c = crossing.entrySet().iterator().next();
            throw cannotMove(
                    c.getKey(), c.getValue(), "the method does not verify: " + u.problems.get(0));
        }
        // value sorts (which load/store opcode) for the values that must wait in fresh locals
        Frame<BasicValue>[] sorts = new BlockAnalyzer<>(new BasicInterpreter()).analyze(owner, m);
        InsnList insns = m.instructions;
        // find everything first: the frames are indexed by the instructions as they are now
        Set<AbstractInsnNode> delete = new LinkedHashSet<>();
        Map<AbstractInsnNode, InsnList> replace = new LinkedHashMap<>();
        List<InitSite> sites = new ArrayList<>();
        Map<TypeInsnNode, Integer> standIns = new LinkedHashMap<>();
        for (int i = 0; i < insns.size(); i++) {
            Frame<UninitializedObjects.Value> f = u.frames[i];
            AbstractInsnNode insn = insns.get(i);
            if (f == null) {
                continue;
            }
            int op = insn.getOpcode();
            if (op == Opcodes.NEW && crossing.containsKey(insn)) {
                delete.add(insn);
            } else if (op == Opcodes.ASTORE && moved(f.getStack(f.getStackSize() - 1), crossing)) {
                delete.add(insn);
            } else if (op == Opcodes.ALOAD
                    && moved(f.getLocal(((VarInsnNode) insn).var), crossing)) {
                delete.add(insn);
            } else if ((op == Opcodes.IFNULL || op == Opcodes.IFNONNULL)
                    && moved(f.getStack(f.getStackSize() - 1), crossing)) {
                // a new object is never null: the test is decided
                if (op == Opcodes.IFNONNULL) {
                    replace.put(insn, jump(((JumpInsnNode) insn).label));
                } else {
                    delete.add(insn);
                }
            } else if ((op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT)
                    && moved(f.getStack(f.getStackSize() - 1), crossing)) {
                // no other thread can reach an object under construction, so its monitor behaves
                // as that of any fresh object: a stand-in made where the NEW was locks the same
                // way (and an unbalanced MONITOREXIT still throws IllegalMonitorStateException)
                TypeInsnNode origin = f.getStack(f.getStackSize() - 1).origin;
                Integer slot = standIns.get(origin);
                if (slot == null) {
                    slot = FreshLocals.allocate(m, 1);
                    standIns.put(origin, slot);
                }
                InsnList r = new InsnList();
                r.add(new VarInsnNode(Opcodes.ALOAD, slot));
                r.add(new InsnNode(op));
                replace.put(insn, r);
            } else if ((op == Opcodes.IF_ACMPEQ || op == Opcodes.IF_ACMPNE)
                    && (moved(f.getStack(f.getStackSize() - 1), crossing)
                            || moved(f.getStack(f.getStackSize() - 2), crossing))) {
                replace.put(
                        insn,
                        decidedComparison(
                                (JumpInsnNode) insn,
                                f.getStack(f.getStackSize() - 2),
                                f.getStack(f.getStackSize() - 1),
                                crossing));
            } else if (StackShuffle.isShuffle(op)) {
                StackShuffle s = StackShuffle.of(op, f);
                if (touchesMoved(s, crossing)) {
                    InsnList r = withoutMoved(m, s, sorts[i], crossing);
                    if (r.size() == 0) {
                        delete.add(insn);
                    } else {
                        replace.put(insn, r);
                    }
                }
            } else if (op == Opcodes.INVOKESPECIAL
                    && ((MethodInsnNode) insn).name.equals("<init>")) {
                MethodInsnNode call = (MethodInsnNode) insn;
                int args = Type.getArgumentTypes(call.desc).length;
                UninitializedObjects.Value receiver = f.getStack(f.getStackSize() - args - 1);
                if (moved(receiver, crossing)) {
                    sites.add(site(call, f, sorts[i], receiver.origin, args, crossing));
                }
            }
        }
        for (Map.Entry<TypeInsnNode, Integer> lock : standIns.entrySet()) {
            InsnList r = new InsnList();
            r.add(new TypeInsnNode(Opcodes.NEW, "java/lang/Object"));
            r.add(new InsnNode(Opcodes.DUP));
            r.add(
                    new MethodInsnNode(
                            Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false));
            r.add(new VarInsnNode(Opcodes.ASTORE, lock.getValue()));
            delete.remove(lock.getKey());
            replace.put(lock.getKey(), r);
        }
        for (InitSite s : sites) {
            rewrite(m, s);
        }
        for (Map.Entry<AbstractInsnNode, InsnList> r : replace.entrySet()) {
            insns.insertBefore(r.getKey(), r.getValue());
            insns.remove(r.getKey());
        }
        for (AbstractInsnNode d : delete) {
            insns.remove(d);
        }
        m.maxStack += 2;

        UninitializedObjects after = UninitializedObjects.of(owner, m);
        Map<TypeInsnNode, SuspensionPoint> left = crossing(m, after, points);
        if (!left.isEmpty() || !after.problems.isEmpty()) {
            TypeInsnNode n =
                    left.isEmpty()
                            ? crossing.keySet().iterator().next()
                            : left.keySet().iterator().next();
            throw cannotMove(
                    n,
                    left.isEmpty() ? crossing.get(n) : left.get(n),
                    "moving it left "
                            + (left.isEmpty()
                                    ? after.problems.get(0)
                                    : "an uninitialized object across the suspension"));
        }
        return crossing.size();
    }

    /** The NEWs whose objects are held (stack or locals) at a reachable suspension point. */
    private static Map<TypeInsnNode, SuspensionPoint> crossing(
            MethodNode m, UninitializedObjects u, List<SuspensionPoint> points) {
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

    private static boolean moved(
            org.objectweb.asm.tree.analysis.Value v, Map<TypeInsnNode, SuspensionPoint> crossing) {
        TypeInsnNode origin = ((UninitializedObjects.Value) v).origin;
        return origin != null && crossing.containsKey(origin);
    }

    private static boolean touchesMoved(
            StackShuffle s, Map<TypeInsnNode, SuspensionPoint> crossing) {
        for (org.objectweb.asm.tree.analysis.Value v : s.inputs) {
            if (moved(v, crossing)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same shuffle on the stack without the moved objects (which no longer exist until their
     * constructor call): nothing when what is left is unchanged (a DUP, POP or SWAP of only
     * moved objects, or a SWAP of one moved object with one other value), a DUP or DUP2 when it
     * duplicates the one value left, else every value taken goes to a fresh local and the values
     * left are loaded back in order.
     */
    private static InsnList withoutMoved(
            MethodNode m,
            StackShuffle s,
            Frame<BasicValue> sorts,
            Map<TypeInsnNode, SuspensionPoint> crossing) {
        List<Integer> in = new ArrayList<>();
        for (int k = 0; k < s.inputs.size(); k++) {
            if (!moved(s.inputs.get(k), crossing)) {
                in.add(k);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int k : s.outputs) {
            if (!moved(s.inputs.get(k), crossing)) {
                out.add(k);
            }
        }
        InsnList r = new InsnList();
        if (out.equals(in)) {
            return r;
        }
        if (in.size() == 1
                && out.size() == 2
                && out.get(0).equals(in.get(0))
                && out.get(1).equals(in.get(0))) {
            r.add(
                    new InsnNode(
                            s.inputs.get(in.get(0)).getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP));
            return r;
        }
        int base = sorts.getStackSize() - s.inputs.size();
        Type[] types = new Type[s.inputs.size()];
        int[] slots = new int[s.inputs.size()];
        for (int j = in.size() - 1; j >= 0; j--) {
            int k = in.get(j);
            types[k] = sorts.getStack(base + k).getType();
            slots[k] = FreshLocals.allocate(m, types[k].getSize());
            r.add(FreshLocals.store(types[k], slots[k]));
        }
        for (int k : out) {
            r.add(FreshLocals.load(types[k], slots[k]));
        }
        return r;
    }

    private static InsnList jump(LabelNode to) {
        InsnList r = new InsnList();
        r.add(new JumpInsnNode(Opcodes.GOTO, to));
        return r;
    }

    /**
     * IF_ACMPEQ / IF_ACMPNE with a moved object as an operand: two copies of one allocation are
     * the same object (the verifier lets no {@code NEW} run again while its object is held), an
     * object under construction is no other value; the other operand, if it is on the stack
     * still, is popped.
     */
    private static InsnList decidedComparison(
            JumpInsnNode insn,
            UninitializedObjects.Value a,
            UninitializedObjects.Value b,
            Map<TypeInsnNode, SuspensionPoint> crossing) {
        boolean same = a.origin != null && a.origin == b.origin;
        InsnList r = new InsnList();
        if (!moved(a, crossing) || !moved(b, crossing)) {
            r.add(new InsnNode(Opcodes.POP));
        }
        if (same == (insn.getOpcode() == Opcodes.IF_ACMPEQ)) {
            r.add(new JumpInsnNode(Opcodes.GOTO, insn.label));
        }
        return r;
    }

    /** One constructor call of a moved allocation, as the stack and locals were before it. */
    private static final class InitSite {
        MethodInsnNode call;
        TypeInsnNode origin;

        /**
         * The values from the deepest copy of the object up to the receiver (exclusive), bottom
         * to top, without other moved objects: the object's own copies are null, other values
         * their sort. Empty when no copy is below the receiver.
         */
        List<Type> below = new ArrayList<>();

        /** Locals holding the object just before the call. */
        List<Integer> locals = new ArrayList<>();
    }

    private static InitSite site(
            MethodInsnNode call,
            Frame<UninitializedObjects.Value> f,
            Frame<BasicValue> sorts,
            TypeInsnNode origin,
            int args,
            Map<TypeInsnNode, SuspensionPoint> crossing) {
        InitSite s = new InitSite();
        s.call = call;
        s.origin = origin;
        int receiver = f.getStackSize() - args - 1;
        int deepest = receiver;
        for (int j = 0; j < receiver; j++) {
            if (f.getStack(j).origin == origin) {
                deepest = j;
                break;
            }
        }
        for (int j = deepest; j < receiver; j++) {
            UninitializedObjects.Value v = f.getStack(j);
            if (v.origin == origin) {
                s.below.add(null);
            } else if (!moved(v, crossing)) {
                s.below.add(sorts.getStack(j).getType());
            }
        }
        for (int l = 0; l < f.getLocals(); l++) {
            if (f.getLocal(l).origin == origin) {
                s.locals.add(l);
            }
        }
        return s;
    }

    /**
     * {@code [.. below, args] call} becomes: store the arguments, and the values among the
     * copies below if any, to fresh locals; NEW, DUP as many times as copies are needed, reload
     * the arguments, call; then rebuild the stack below, copies and values in their places, and
     * store a copy to every local that held the object. javac's shape (copies only, right under
     * the receiver) needs no local for the object itself.
     */
    private static void rewrite(MethodNode m, InitSite s) {
        Type[] args = Type.getArgumentTypes(s.call.desc);
        int[] slots = new int[args.length];
        InsnList before = new InsnList();
        for (int a = args.length - 1; a >= 0; a--) {
            slots[a] = FreshLocals.allocate(m, args[a].getSize());
            before.add(FreshLocals.store(args[a], slots[a]));
        }
        boolean copiesOnly = true;
        for (Type t : s.below) {
            copiesOnly &= t == null;
        }
        InsnList after = new InsnList();
        if (copiesOnly) {
            before.add(new TypeInsnNode(Opcodes.NEW, s.origin.desc));
            int copies = s.below.size() + (s.locals.isEmpty() ? 0 : 1);
            for (int c = 0; c < copies; c++) {
                before.add(new InsnNode(Opcodes.DUP));
            }
            for (int i = 0; i < s.locals.size(); i++) {
                if (i < s.locals.size() - 1) {
                    after.add(new InsnNode(Opcodes.DUP));
                }
                after.add(new VarInsnNode(Opcodes.ASTORE, s.locals.get(i)));
            }
        } else {
            int[] belowSlots = new int[s.below.size()];
            for (int j = s.below.size() - 1; j >= 0; j--) {
                Type t = s.below.get(j);
                if (t != null) {
                    belowSlots[j] = FreshLocals.allocate(m, t.getSize());
                    before.add(FreshLocals.store(t, belowSlots[j]));
                }
            }
            before.add(new TypeInsnNode(Opcodes.NEW, s.origin.desc));
            before.add(new InsnNode(Opcodes.DUP));
            int object = FreshLocals.allocate(m, 1);
            after.add(new VarInsnNode(Opcodes.ASTORE, object));
            for (int j = 0; j < s.below.size(); j++) {
                Type t = s.below.get(j);
                after.add(
                        t == null
                                ? new VarInsnNode(Opcodes.ALOAD, object)
                                : FreshLocals.load(t, belowSlots[j]));
            }
            for (int l : s.locals) {
                after.add(new VarInsnNode(Opcodes.ALOAD, object));
                after.add(new VarInsnNode(Opcodes.ASTORE, l));
            }
        }
        for (int a = 0; a < args.length; a++) {
            before.add(FreshLocals.load(args[a], slots[a]));
        }
        m.instructions.insertBefore(s.call, before);
        if (after.size() > 0) {
            m.instructions.insert(s.call, after);
        }
    }

    private static UnweavableException cannotMove(TypeInsnNode n, SuspensionPoint p, String why) {
        return new UnweavableException(
                "an object under construction (new "
                        + n.desc.replace('/', '.')
                        + ") is live across this suspension and "
                        + why,
                p.line);
    }
}
