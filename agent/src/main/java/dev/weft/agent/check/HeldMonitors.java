package dev.weft.agent.check;

import dev.weft.agent.flow.BlockAnalyzer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Where a method may run with a monitor of its own held: a forward dataflow of the stack of
 * monitors entered, over the control flow the JVM really follows (issue 12, point 1).
 *
 * <p>Implementation overview. Each reference value is known by the instruction that produced it
 * (ASM's {@link SourceInterpreter}, except that loads, stores and {@code DUP}s keep the value they
 * copy, parameters get an origin of their own, and caught exceptions, unknown values and
 * primitives an origin that matches nothing). Only the local slots a monitor's object is loaded
 * from or kept in (see {@link #monitorLocals}) hold known values, and only when stored right
 * before a {@code monitorenter} or copied from a parameter (see {@link #monitorStores}); where
 * paths meet with different values a slot holds that merge's own value (see {@link PhiFrame}). The state before an
 * instruction is the list of the origins of the monitors entered and not yet exited, or UNKNOWN:
 * <ol>
 *   <li>{@code monitorenter v} pushes v's origins on its normal edge; it acquires nothing when it
 *       throws, so its exception edges carry the state before it;
 *   <li>{@code monitorexit v} pops the top if it is the same single-origin-set as v; any other exit
 *       (another object, an unknown one, an empty stack) gives UNKNOWN; its exception edges, like
 *       every instruction's, carry the state before it;
 *   <li>an exception edge goes to each handler covering the instruction in exception-table order,
 *       up to and including the first that catches everything ({@code any} or {@code Throwable}):
 *       the JVM never looks further. This is what keeps javac's own unlock handler, which always
 *       comes first, from leaking "held" to the handlers of an enclosing try;
 *   <li>where paths meet with different stacks the state is UNKNOWN (a loop entering without
 *       exiting, an exit on some paths only).
 * </ol>
 * A suspension point may be woven only where the state is the empty stack. Matching by origin is
 * HotSpot's rule for compiling monitors ({@code GenerateOopMap}): an origin re-executed while its
 * monitor is held makes the stacks differ at that instruction, so one origin set never stands for
 * two objects locked at once.
 */
final class HeldMonitors {

    /** The state of an instruction reached with different stacks, or after an exit that matched none. */
    private static final List<Set<AbstractInsnNode>> UNKNOWN =
            Collections.unmodifiableList(new ArrayList<>());

    private HeldMonitors() {}

    /** Per instruction index: true where a monitor entered by this method may be held. */
    static boolean[] compute(String owner, MethodNode m) throws AnalyzerException {
        InsnList insns = m.instructions;
        int n = insns.size();
        List<List<Integer>> normal = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            normal.add(new ArrayList<>(2));
        }
        List<List<TryCatchBlockNode>> handlers = handlers(m);
        // Only the monitor state is wanted, so only the frames at monitor instructions are
        // kept; the fixpoint runs over basic blocks (see BlockAnalyzer: ASM's Analyzer, which
        // this used before, charged a 25,000-instruction javac method past any sane bound).
        BlockAnalyzer<SourceValue> analyzer =
                new BlockAnalyzer<>(new Origins(monitorLocals(m), monitorStores(m))) {
                    @Override
                    protected List<List<TryCatchBlockNode>> handlers(MethodNode method) {
                        return handlers;
                    }

                    @Override
                    protected boolean keep(int insn) {
                        int op = insns.get(insn).getOpcode();
                        return op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT;
                    }

                    @Override
                    protected Frame<SourceValue> newFrame(int numLocals, int numStack) {
                        return new PhiFrame(numLocals, numStack);
                    }

                    @Override
                    protected Frame<SourceValue> newFrame(Frame<? extends SourceValue> frame) {
                        return new PhiFrame(frame);
                    }

                    @Override
                    protected void newControlFlowEdge(int insn, int successor) {
                        if (!normal.get(insn).contains(successor)) {
                            normal.get(insn).add(successor);
                        }
                    }
                };
        Frame<SourceValue>[] frames = analyzer.analyze(owner, m, false);
        List<List<Set<AbstractInsnNode>>> state = new ArrayList<>(Collections.nCopies(n, null));
        Deque<Integer> work = new ArrayDeque<>();
        if (n > 0) {
            state.set(0, List.of());
            work.add(0);
        }
        while (!work.isEmpty()) {
            int i = work.poll();
            List<Set<AbstractInsnNode>> before = state.get(i);
            AbstractInsnNode insn = insns.get(i);
            List<Set<AbstractInsnNode>> after = before;
            if (insn.getOpcode() == Opcodes.MONITORENTER
                    || insn.getOpcode() == Opcodes.MONITOREXIT) {
                Frame<SourceValue> f = frames[i];
                int temp = javacTemp(insn);
                SourceValue object =
                        temp >= 0 ? f.getLocal(temp) : f.getStack(f.getStackSize() - 1);
                after = step(before, insn.getOpcode(), object.insns);
            }
            for (int s : normal.get(i)) {
                merge(state, work, s, after);
            }
            if (insn.getOpcode() >= 0) { // labels, lines and frames cannot throw
                for (TryCatchBlockNode tcb : handlers.get(i)) {
                    merge(state, work, insns.indexOf(tcb.handler), before);
                }
            }
        }
        boolean[] held = new boolean[n];
        for (int i = 0; i < n; i++) {
            held[i] = state.get(i) != null && (state.get(i) == UNKNOWN || !state.get(i).isEmpty());
        }
        return held;
    }

    private static List<Set<AbstractInsnNode>> step(
            List<Set<AbstractInsnNode>> before, int opcode, Set<AbstractInsnNode> object) {
        if (before == UNKNOWN) {
            return UNKNOWN;
        }
        if (opcode == Opcodes.MONITORENTER) {
            List<Set<AbstractInsnNode>> after = new ArrayList<>(before);
            after.add(object);
            return after;
        }
        if (before.isEmpty()
                || !Origins.known(object)
                || !before.get(before.size() - 1).equals(object)) {
            return UNKNOWN;
        }
        return before.subList(0, before.size() - 1);
    }

    private static void merge(
            List<List<Set<AbstractInsnNode>>> state,
            Deque<Integer> work,
            int at,
            List<Set<AbstractInsnNode>> in) {
        List<Set<AbstractInsnNode>> old = state.get(at);
        if (old == null) {
            state.set(at, in);
            work.add(at);
        } else if (old != UNKNOWN && (in == UNKNOWN || !old.equals(in))) {
            state.set(at, UNKNOWN);
            work.add(at);
        }
    }

    /**
     * Per instruction, the handlers it can reach, in the order the JVM searches them. The value
     * analysis follows only these edges too: a handler after the first catch-all never sees that
     * instruction's locals, and merging them there (javac's nested finally copies cover thousands
     * of instructions) only made the fixpoint go round.
     */
    private static List<List<TryCatchBlockNode>> handlers(MethodNode m) {
        InsnList insns = m.instructions;
        List<List<TryCatchBlockNode>> out = new ArrayList<>(insns.size());
        for (int i = 0; i < insns.size(); i++) {
            out.add(List.of());
        }
        BitSet closed = new BitSet(insns.size()); // reached a catch-all already
        for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
            boolean all = tcb.type == null || tcb.type.equals("java/lang/Throwable");
            for (int i = closed.nextClearBit(insns.indexOf(tcb.start));
                    i < insns.indexOf(tcb.end);
                    i = closed.nextClearBit(i + 1)) {
                if (out.get(i).isEmpty()) {
                    out.set(i, new ArrayList<>(2));
                }
                out.get(i).add(tcb);
                if (all) {
                    closed.set(i);
                }
            }
        }
        return out;
    }

    /**
     * The local slots a monitor's object may be read from or kept in: loaded right before a
     * {@code monitorenter} or {@code monitorexit}, or stored by javac's {@code dup; astore;
     * monitorenter}. Values stored anywhere else are unknown, which can only turn a match into a
     * rejection; it keeps the origins of ordinary variables, which change at every handler that
     * merges them, out of the fixpoint.
     */
    private static BitSet monitorLocals(MethodNode m) {
        BitSet slots = new BitSet();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn.getOpcode() != Opcodes.MONITORENTER
                    && insn.getOpcode() != Opcodes.MONITOREXIT) {
                continue;
            }
            AbstractInsnNode prev = previous(insn);
            if (prev != null && prev.getOpcode() == Opcodes.ALOAD) {
                slots.set(((VarInsnNode) prev).var);
            } else if (prev != null
                    && prev.getOpcode() == Opcodes.ASTORE
                    && previous(prev) != null
                    && previous(prev).getOpcode() == Opcodes.DUP) {
                slots.set(((VarInsnNode) prev).var);
            }
        }
        return slots;
    }

    /**
     * The local {@code t} of javac's {@code dup; astore t; monitorenter}, which holds the object
     * entered (and names it when its value has no origin of its own: a store of an unknown value
     * into a monitor slot is an origin), or -1. No label may sit between the three: a jump there
     * could bring another object.
     */
    private static int javacTemp(AbstractInsnNode insn) {
        if (insn.getOpcode() != Opcodes.MONITORENTER) {
            return -1;
        }
        AbstractInsnNode store = straightBefore(insn);
        AbstractInsnNode dup = store == null ? null : straightBefore(store);
        return dup != null && store.getOpcode() == Opcodes.ASTORE && dup.getOpcode() == Opcodes.DUP
                ? ((VarInsnNode) store).var
                : -1;
    }

    /**
     * The stores that keep the object the next {@code monitorenter} enters: javac's {@code dup;
     * astore t; monitorenter} and {@code astore t; aload t; monitorenter}. A store of an unknown
     * value there is the object's origin; every other store into a monitor slot keeps only a
     * parameter (a copy of the method's own argument), so that the variables sharing javac's
     * slots with its lock temps (caught exceptions, strings, iterators) do not change at every
     * merge.
     */
    private static Set<AbstractInsnNode> monitorStores(MethodNode m) {
        Set<AbstractInsnNode> stores = new HashSet<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn.getOpcode() != Opcodes.MONITORENTER) {
                continue;
            }
            AbstractInsnNode prev = straightBefore(insn);
            AbstractInsnNode prev2 = prev == null ? null : straightBefore(prev);
            if (prev2 == null) {
                continue;
            }
            if (prev.getOpcode() == Opcodes.ASTORE && prev2.getOpcode() == Opcodes.DUP) {
                stores.add(prev);
            } else if (prev.getOpcode() == Opcodes.ALOAD
                    && prev2.getOpcode() == Opcodes.ASTORE
                    && ((VarInsnNode) prev).var == ((VarInsnNode) prev2).var) {
                stores.add(prev2);
            }
        }
        return stores;
    }

    /**
     * The instruction that always runs right before {@code insn}, skipping line numbers and
     * frames; null where a label (perhaps a jump target) comes first.
     */
    private static AbstractInsnNode straightBefore(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && p.getOpcode() < 0 && !(p instanceof LabelNode)) {
            p = p.getPrevious();
        }
        return p == null || p.getOpcode() < 0 ? null : p;
    }

    /** The instruction before {@code insn}, skipping labels, line numbers and frames. */
    private static AbstractInsnNode previous(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    /**
     * A frame whose slots merge in a lattice of height three: the first value, then one value
     * standing for "what this slot holds here" (a phi, one per instruction and slot), then
     * unknown. A union of origins instead grows one origin at a time, and every growth sends the
     * fixpoint around the code after that merge again. A phi is as good as a union for matching
     * an exit to its enter: both name the same value on every path from the merge on, and a phi
     * re-reached while its monitor is held makes the stacks differ there, as an origin does.
     */
    private static final class PhiFrame extends Frame<SourceValue> {

        /** Per slot (locals, then stack): the value a merge here gives, made on first need. */
        private SourceValue[] phis;

        PhiFrame(int numLocals, int numStack) {
            super(numLocals, numStack);
        }

        PhiFrame(Frame<? extends SourceValue> frame) {
            super(frame);
        }

        @Override
        public boolean merge(
                Frame<? extends SourceValue> frame, Interpreter<SourceValue> interpreter)
                throws AnalyzerException {
            if (getStackSize() != frame.getStackSize()) {
                throw new AnalyzerException(null, "Incompatible stack heights");
            }
            int locals = getLocals();
            boolean changed = false;
            for (int i = 0; i < locals + getStackSize(); i++) {
                SourceValue old = i < locals ? getLocal(i) : getStack(i - locals);
                SourceValue in = i < locals ? frame.getLocal(i) : frame.getStack(i - locals);
                SourceValue merged = meet(i, old, in);
                if (merged != old) {
                    if (i < locals) {
                        setLocal(i, merged);
                    } else {
                        setStack(i - locals, merged);
                    }
                    changed = true;
                }
            }
            return changed;
        }

        /** {@code a.equals(b)} without the set comparison for the usual single origin. */
        private static boolean same(SourceValue a, SourceValue b) {
            if (a == b) {
                return true;
            }
            if (a.size != b.size) {
                return false;
            }
            if (a.insns.size() == 1 && b.insns.size() == 1) {
                return a.insns.iterator().next() == b.insns.iterator().next();
            }
            return a.insns.equals(b.insns);
        }

        private SourceValue meet(int slot, SourceValue old, SourceValue in) {
            if (same(old, in)) {
                return old;
            }
            if (old.size != in.size || !Origins.known(old.insns) || !Origins.known(in.insns)) {
                SourceValue unknown =
                        Math.min(old.size, in.size) == 2 ? Origins.UNKNOWN2 : Origins.UNKNOWN1;
                return same(old, unknown) ? old : unknown;
            }
            if (phis == null) {
                phis = new SourceValue[getLocals() + getMaxStackSize()];
            }
            if (phis[slot] == null) {
                phis[slot] = new SourceValue(old.size, new InsnNode(Opcodes.NOP));
            }
            return phis[slot];
        }
    }

    /**
     * Values known by their origins. Copies keep their value (so {@code dup; astore; monitorenter}
     * and a later {@code aload; monitorexit} see the same origins); each parameter is an origin
     * of its own; anything else the Analyzer invents is unknown.
     */
    private static final class Origins extends SourceInterpreter {

        /** Stands for a value whose producer is not known; an origin set holding it matches nothing. */
        static final AbstractInsnNode UNKNOWN_ORIGIN = new InsnNode(Opcodes.NOP);

        /** The unknown values, one per size, so merging two of them changes no frame. */
        static final SourceValue UNKNOWN1 = new SourceValue(1, UNKNOWN_ORIGIN);

        static final SourceValue UNKNOWN2 = new SourceValue(2, UNKNOWN_ORIGIN);

        /** One stand-in origin per parameter slot. */
        private final List<AbstractInsnNode> parameters = new ArrayList<>();

        /** The slots whose values are tracked (see {@link HeldMonitors#monitorLocals}). */
        private final BitSet monitorLocals;

        /** See {@link HeldMonitors#monitorStores}. */
        private final Set<AbstractInsnNode> monitorStores;

        Origins(BitSet monitorLocals, Set<AbstractInsnNode> monitorStores) {
            super(ASM9);
            this.monitorLocals = monitorLocals;
            this.monitorStores = monitorStores;
        }

        static boolean known(Set<AbstractInsnNode> origins) {
            return !origins.isEmpty() && !origins.contains(UNKNOWN_ORIGIN);
        }

        @Override
        public SourceValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
            if (!monitorLocals.get(local)
                    || (type.getSort() != Type.OBJECT && type.getSort() != Type.ARRAY)) {
                return type.getSize() == 2 ? UNKNOWN2 : UNKNOWN1;
            }
            while (parameters.size() <= local) {
                parameters.add(new InsnNode(Opcodes.NOP));
            }
            return new SourceValue(type.getSize(), parameters.get(local));
        }

        @Override
        public SourceValue newEmptyValue(int local) {
            return UNKNOWN1;
        }

        /** Locked, a caught exception is stored first (javac's temp): its store names it. */
        @Override
        public SourceValue newExceptionValue(
                TryCatchBlockNode tcb, Frame<SourceValue> handlerFrame, Type type) {
            return UNKNOWN1;
        }

        private boolean isParameter(SourceValue v) {
            return v.insns.size() == 1 && parameters.contains(v.insns.iterator().next());
        }

        @Override
        public SourceValue newValue(Type type) {
            SourceValue v = super.newValue(type);
            return unknown(v);
        }

        @Override
        public SourceValue copyOperation(AbstractInsnNode insn, SourceValue value) {
            if (insn.getOpcode() >= ISTORE && insn.getOpcode() <= ASTORE) {
                if (!monitorLocals.get(((VarInsnNode) insn).var)) {
                    return unknown(value);
                }
                if (monitorStores.contains(insn)) {
                    return known(value.insns) ? value : new SourceValue(1, insn);
                }
                return isParameter(value) ? value : unknown(value);
            }
            return value;
        }

        // The fixpoint revisits an instruction each time an origin set before it grows, and ASM
        // charges every visit: over a long method with loops, finally copies and reused local
        // slots, sets that can never name a monitor (primitives, unknown values gathering one
        // more origin per store site) made g0 of fuzz program P5ighn9d cost 250,000 visits and
        // pass AnalysisLimits. So a primitive is one shared value per size, and an unknown set
        // stays the single UNKNOWN_ORIGIN set; neither changes what an exit can match.

        @Override
        public SourceValue newOperation(AbstractInsnNode insn) {
            SourceValue v = super.newOperation(insn);
            switch (insn.getOpcode()) {
                case ACONST_NULL:
                case NEW:
                    return v;
                case LDC:
                    return ((LdcInsnNode) insn).cst instanceof Number ? unknown(v) : v;
                case GETSTATIC:
                    return typed(v, Type.getType(((FieldInsnNode) insn).desc));
                default:
                    return unknown(v);
            }
        }

        @Override
        public SourceValue unaryOperation(AbstractInsnNode insn, SourceValue value) {
            SourceValue v = super.unaryOperation(insn, value);
            switch (insn.getOpcode()) {
                case NEWARRAY:
                case ANEWARRAY:
                case CHECKCAST:
                    return v;
                case GETFIELD:
                    return typed(v, Type.getType(((FieldInsnNode) insn).desc));
                default:
                    return unknown(v);
            }
        }

        @Override
        public SourceValue binaryOperation(
                AbstractInsnNode insn, SourceValue value1, SourceValue value2) {
            SourceValue v = super.binaryOperation(insn, value1, value2);
            return insn.getOpcode() == AALOAD ? v : unknown(v);
        }

        @Override
        public SourceValue naryOperation(
                AbstractInsnNode insn, List<? extends SourceValue> values) {
            SourceValue v = super.naryOperation(insn, values);
            if (insn.getOpcode() == MULTIANEWARRAY) {
                return v;
            }
            String desc =
                    insn instanceof InvokeDynamicInsnNode
                            ? ((InvokeDynamicInsnNode) insn).desc
                            : ((MethodInsnNode) insn).desc;
            return typed(v, Type.getReturnType(desc));
        }

        @Override
        public SourceValue merge(SourceValue value1, SourceValue value2) {
            if (value1.size == value2.size
                    && (value1.insns.contains(UNKNOWN_ORIGIN)
                            || value2.insns.contains(UNKNOWN_ORIGIN))) {
                return value1.size == 2 ? UNKNOWN2 : UNKNOWN1;
            }
            return super.merge(value1, value2);
        }

        private static SourceValue typed(SourceValue v, Type type) {
            return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY ? v : unknown(v);
        }

        private static SourceValue unknown(SourceValue v) {
            return v == null ? null : v.size == 2 ? UNKNOWN2 : UNKNOWN1;
        }
    }
}
