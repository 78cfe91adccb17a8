package dev.weft.agent.check;

import dev.weft.agent.flow.AnalysisLimits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Where a method may run with a monitor of its own held: a forward dataflow of the stack of
 * monitors entered, over the control flow the JVM really follows (issue 12, point 1).
 *
 * <p>Implementation overview. Each reference value is known by the set of instructions that may
 * have produced it (ASM's {@link SourceInterpreter}, except that loads, stores and {@code DUP}s keep
 * the value they copy, parameters and caught exceptions get an origin of their own, and unknown
 * values and primitives an origin that matches nothing). The state before an instruction is the
 * list of the origins of the monitors entered and not yet exited, or UNKNOWN:
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
        Analyzer<SourceValue> analyzer =
                new Analyzer<>(new Origins()) {
                    @Override
                    protected void newControlFlowEdge(int insn, int successor) {
                        if (!normal.get(insn).contains(successor)) {
                            normal.get(insn).add(successor);
                        }
                    }
                };
        // ASM's default bound (10 MB) is a guard against hostile class files; origin sets over a
        // long method with many locals pass it, so take the bound the weaver gives
        // its frame computations.
        analyzer.setComputeLimits(AnalysisLimits.FRAME_BYTES, AnalysisLimits.FRAME_OPERATIONS);
        Frame<SourceValue>[] frames = analyzer.analyze(owner, m);
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
                after = step(before, insn.getOpcode(), f.getStack(f.getStackSize() - 1).insns);
            }
            for (int s : normal.get(i)) {
                merge(state, work, s, after);
            }
            if (insn.getOpcode() >= 0) { // labels, lines and frames cannot throw
                for (int h : handlers(m, i)) {
                    merge(state, work, h, before);
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

    /** The handlers instruction {@code i} can reach, in the order the JVM searches them. */
    private static List<Integer> handlers(MethodNode m, int i) {
        List<Integer> out = new ArrayList<>(2);
        InsnList insns = m.instructions;
        for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
            if (insns.indexOf(tcb.start) <= i && i < insns.indexOf(tcb.end)) {
                out.add(insns.indexOf(tcb.handler));
                if (tcb.type == null || tcb.type.equals("java/lang/Throwable")) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Values known by their origins. Copies keep their value (so {@code dup; astore; monitorenter}
     * and a later {@code aload; monitorexit} see the same origins); each parameter and each
     * handler's exception is an origin of its own; anything else the Analyzer invents is unknown.
     */
    private static final class Origins extends SourceInterpreter {

        /** Stands for a value whose producer is not known; an origin set holding it matches nothing. */
        private static final AbstractInsnNode UNKNOWN_ORIGIN = new InsnNode(Opcodes.NOP);

        /** The unknown values, one per size, so merging two of them changes no frame. */
        private static final SourceValue UNKNOWN1 = new SourceValue(1, UNKNOWN_ORIGIN);

        private static final SourceValue UNKNOWN2 = new SourceValue(2, UNKNOWN_ORIGIN);

        /** One stand-in origin per parameter slot. */
        private final List<AbstractInsnNode> parameters = new ArrayList<>();

        Origins() {
            super(ASM9);
        }

        static boolean known(Set<AbstractInsnNode> origins) {
            return !origins.isEmpty() && !origins.contains(UNKNOWN_ORIGIN);
        }

        @Override
        public SourceValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
            while (parameters.size() <= local) {
                parameters.add(new InsnNode(Opcodes.NOP));
            }
            return new SourceValue(type.getSize(), parameters.get(local));
        }

        @Override
        public SourceValue newEmptyValue(int local) {
            return UNKNOWN1;
        }

        @Override
        public SourceValue newExceptionValue(
                TryCatchBlockNode tcb, Frame<SourceValue> handlerFrame, Type type) {
            return new SourceValue(1, tcb.handler);
        }

        @Override
        public SourceValue newValue(Type type) {
            SourceValue v = super.newValue(type);
            return unknown(v);
        }

        @Override
        public SourceValue copyOperation(AbstractInsnNode insn, SourceValue value) {
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
