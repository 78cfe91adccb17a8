package dev.weft.agent.flow;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

/**
 * The fixpoint of ASM's {@link Analyzer} (same interpreter, same {@link Frame} merges, same
 * frames before each instruction, same edges), computed over basic blocks, for methods of any
 * size. ASM's Analyzer visits instruction by instruction and, at every visit of an instruction
 * inside a try range, allocates a fresh frame (all locals) per handler and merges it: a javac
 * method of 10,000–25,000 instructions, hundreds of locals and hundreds of nested finally copies
 * spends seconds there and passes ASM's bounds, which count allocated bytes cumulatively and
 * charge each visit of instruction {@code i} {@code 10 * i} operations ({@code 5 n²} for one
 * pass over n instructions: one pass over 20,000 instructions is 2·10⁹).
 *
 * <p>Here a block runs from a label (every jump target, handler and try-range boundary is one) or
 * a branch to the next. Only block entries are kept during the fixpoint. A block's handlers are
 * the same for all its instructions (ranges begin and end at labels). ASM merges into each handler
 * the locals before and after every instruction of its range; they change only where an
 * instruction writes a local, so a handler is merged at the block's entry and after each such
 * write: merges are joins, merging the same locals twice changes nothing, and the fixpoint is
 * ASM's. The frame before each instruction the caller wants is copied at each visit of its block
 * (the last visit runs from the block's final entry), and the edges are reported in one pass over
 * the code at the end.
 *
 * <p>Subroutines (JSR/RET, illegal since class file version 51; the read stage inlines older
 * ones) are refused with an {@link AnalyzerException}.
 */
public class BlockAnalyzer<V extends Value> {

    private static final Type THROWABLE = Type.getObjectType("java/lang/Throwable");

    private final Interpreter<V> interpreter;

    public BlockAnalyzer(Interpreter<V> interpreter) {
        this.interpreter = interpreter;
    }

    /** As {@link Analyzer#analyze}: the frame before each reachable instruction, null elsewhere. */
    public Frame<V>[] analyze(String owner, MethodNode m) throws AnalyzerException {
        return analyze(owner, m, true);
    }

    /**
     * With {@code allFrames} false, only the frames before the instructions {@link #keep} names
     * are materialized (the others are null), and the memory is that of the block entries.
     */
    public Frame<V>[] analyze(String owner, MethodNode m, boolean allFrames)
            throws AnalyzerException {
        try {
            return run(owner, m, allFrames);
        } catch (RuntimeException e) {
            // as ASM's Analyzer: a frame too small for the code, a bad merge...
            throw new AnalyzerException(null, "Error: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Frame<V>[] run(String owner, MethodNode m, boolean allFrames) throws AnalyzerException {
        InsnList insns = m.instructions;
        int n = insns.size();
        Frame<V>[] frames = (Frame<V>[]) new Frame<?>[n];
        if (n == 0) {
            return frames;
        }
        // block starts, and per instruction its block
        int[] blockOf = new int[n];
        List<Integer> starts = new ArrayList<>();
        boolean leader = true;
        for (int i = 0; i < n; i++) {
            AbstractInsnNode insn = insns.get(i);
            int op = insn.getOpcode();
            if (op == Opcodes.JSR || op == Opcodes.RET) {
                throw new AnalyzerException(insn, "subroutines (JSR/RET) are not supported");
            }
            if (leader || insn instanceof LabelNode) {
                starts.add(i);
            }
            blockOf[i] = starts.size() - 1;
            leader = endsBlock(insn);
        }
        int blocks = starts.size();
        List<List<TryCatchBlockNode>> handlers = handlers(m);
        List<List<TryCatchBlockNode>> blockHandlers = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            blockHandlers.add(handlers.get(starts.get(b)));
        }
        Map<TryCatchBlockNode, Integer> handlerBlock = new IdentityHashMap<>();
        for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
            handlerBlock.put(tcb, blockOf[insns.indexOf(tcb.handler)]);
        }

        Frame<V>[] entry = (Frame<V>[]) new Frame<?>[blocks];
        boolean[] queued = new boolean[blocks];
        int[] queue = new int[blocks];
        int[] top = {0};
        Frame<V> initial = initialFrame(owner, m);
        merge(entry, queued, queue, top, 0, initial);
        Frame<V> current = newFrame(initial);
        Frame<V> handler = newFrame(initial);
        while (top[0] > 0) {
            int b = queue[--top[0]];
            queued[b] = false;
            current.init(entry[b]);
            int end = b + 1 < blocks ? starts.get(b + 1) : n;
            List<TryCatchBlockNode> hs = blockHandlers.get(b);
            if (!hs.isEmpty()) {
                toHandlers(hs, current, handler, handlerBlock, entry, queued, queue, top);
            }
            for (int i = starts.get(b); i < end; i++) {
                AbstractInsnNode insn = insns.get(i);
                if (allFrames || keep(i)) {
                    // the block's last visit runs from its final entry, so this ends as ASM's frame
                    if (frames[i] == null) {
                        frames[i] = newFrame(current);
                    } else {
                        frames[i].init(current);
                    }
                }
                if (insn.getOpcode() < 0) {
                    continue;
                }
                execute(current, insn, i);
                if (!hs.isEmpty() && writesLocal(insn)) {
                    toHandlers(hs, current, handler, handlerBlock, entry, queued, queue, top);
                }
                if (i == end - 1) {
                    follow(insns, blockOf, current, insn, i, n, entry, queued, queue, top);
                }
            }
            if (insns.get(end - 1).getOpcode() < 0) {
                if (end == n) {
                    throw new AnalyzerException(
                            insns.get(end - 1), "Execution can fall off the end of the code");
                }
                merge(entry, queued, queue, top, blockOf[end], current);
            }
        }

        // edges of the reachable instructions, in instruction order; they depend on the code only
        for (int b = 0; b < blocks; b++) {
            if (entry[b] == null) {
                continue;
            }
            int end = b + 1 < blocks ? starts.get(b + 1) : n;
            for (int i = starts.get(b); i < end; i++) {
                List<TryCatchBlockNode> hl = handlers.get(i);
                for (int k = 0; k < hl.size(); k++) {
                    newControlFlowExceptionEdge(i, hl.get(k));
                }
                AbstractInsnNode insn = insns.get(i);
                if (i == end - 1 && insn.getOpcode() >= 0) {
                    edgesOut(insns, insn, i, n);
                } else {
                    newControlFlowEdge(i, i + 1);
                }
            }
        }
        return frames;
    }

    /** Merges {@code current}'s locals, with the caught exception alone on the stack, into each handler. */
    private void toHandlers(
            List<TryCatchBlockNode> hs,
            Frame<V> current,
            Frame<V> handler,
            Map<TryCatchBlockNode, Integer> handlerBlock,
            Frame<V>[] entry,
            boolean[] queued,
            int[] queue,
            int[] top)
            throws AnalyzerException {
        for (TryCatchBlockNode tcb : hs) {
            handler.init(current);
            handler.clearStack();
            handler.push(
                    interpreter.newExceptionValue(
                            tcb,
                            handler,
                            tcb.type == null ? THROWABLE : Type.getObjectType(tcb.type)));
            merge(entry, queued, queue, top, handlerBlock.get(tcb), handler);
        }
    }

    /** Merges {@code current}, the frame after the block's last instruction, into its normal successors. */
    private void follow(
            InsnList insns,
            int[] blockOf,
            Frame<V> current,
            AbstractInsnNode insn,
            int i,
            int n,
            Frame<V>[] entry,
            boolean[] queued,
            int[] queue,
            int[] top)
            throws AnalyzerException {
        int op = insn.getOpcode();
        if (insn instanceof JumpInsnNode) {
            JumpInsnNode j = (JumpInsnNode) insn;
            if (op != Opcodes.GOTO) {
                current.initJumpTarget(op, null);
                merge(entry, queued, queue, top, blockOf[next(insn, i, n)], current);
            }
            current.initJumpTarget(op, j.label);
            merge(entry, queued, queue, top, blockOf[insns.indexOf(j.label)], current);
        } else if (insn instanceof LookupSwitchInsnNode || insn instanceof TableSwitchInsnNode) {
            LabelNode dflt = switchDefault(insn);
            current.initJumpTarget(op, dflt);
            merge(entry, queued, queue, top, blockOf[insns.indexOf(dflt)], current);
            for (LabelNode l : switchLabels(insn)) {
                current.initJumpTarget(op, l);
                merge(entry, queued, queue, top, blockOf[insns.indexOf(l)], current);
            }
        } else if (op != Opcodes.ATHROW && (op < Opcodes.IRETURN || op > Opcodes.RETURN)) {
            merge(entry, queued, queue, top, blockOf[next(insn, i, n)], current);
        }
    }

    /** The normal edges of a block's last instruction, in the order {@link #follow} merges them. */
    private void edgesOut(InsnList insns, AbstractInsnNode insn, int i, int n) {
        int op = insn.getOpcode();
        if (insn instanceof JumpInsnNode) {
            if (op != Opcodes.GOTO) {
                newControlFlowEdge(i, i + 1);
            }
            newControlFlowEdge(i, insns.indexOf(((JumpInsnNode) insn).label));
        } else if (insn instanceof LookupSwitchInsnNode || insn instanceof TableSwitchInsnNode) {
            newControlFlowEdge(i, insns.indexOf(switchDefault(insn)));
            for (LabelNode l : switchLabels(insn)) {
                newControlFlowEdge(i, insns.indexOf(l));
            }
        } else if (op != Opcodes.ATHROW && (op < Opcodes.IRETURN || op > Opcodes.RETURN)) {
            newControlFlowEdge(i, i + 1);
        }
    }

    private static LabelNode switchDefault(AbstractInsnNode insn) {
        return insn instanceof LookupSwitchInsnNode
                ? ((LookupSwitchInsnNode) insn).dflt
                : ((TableSwitchInsnNode) insn).dflt;
    }

    private static List<LabelNode> switchLabels(AbstractInsnNode insn) {
        return insn instanceof LookupSwitchInsnNode
                ? ((LookupSwitchInsnNode) insn).labels
                : ((TableSwitchInsnNode) insn).labels;
    }

    private static int next(AbstractInsnNode insn, int i, int n) throws AnalyzerException {
        if (i + 1 >= n) {
            throw new AnalyzerException(insn, "Execution can fall off the end of the code");
        }
        return i + 1;
    }

    private void execute(Frame<V> current, AbstractInsnNode insn, int i) throws AnalyzerException {
        try {
            current.execute(insn, interpreter);
        } catch (AnalyzerException e) {
            throw new AnalyzerException(
                    e.node, "Error at instruction " + i + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new AnalyzerException(
                    insn, "Error at instruction " + i + ": " + e.getMessage(), e);
        }
    }

    private void merge(
            Frame<V>[] entry, boolean[] queued, int[] queue, int[] top, int block, Frame<V> frame)
            throws AnalyzerException {
        boolean changed;
        if (entry[block] == null) {
            entry[block] = newFrame(frame);
            changed = true;
        } else {
            changed = entry[block].merge(frame, interpreter);
        }
        if (changed && !queued[block]) {
            queued[block] = true;
            queue[top[0]++] = block;
        }
    }

    private static boolean endsBlock(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        return insn instanceof JumpInsnNode
                || insn instanceof LookupSwitchInsnNode
                || insn instanceof TableSwitchInsnNode
                || op == Opcodes.ATHROW
                || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN);
    }

    /**
     * Instructions after which the frame's locals may differ: stores, and the constructor calls an
     * interpreter may use to replace an uninitialized value everywhere.
     */
    private static boolean writesLocal(AbstractInsnNode insn) {
        return (insn instanceof VarInsnNode && insn.getOpcode() >= Opcodes.ISTORE)
                || insn instanceof IincInsnNode
                || insn.getOpcode() == Opcodes.INVOKESPECIAL;
    }

    private Frame<V> initialFrame(String owner, MethodNode m) throws AnalyzerException {
        Frame<V> frame = newFrame(m.maxLocals, m.maxStack);
        int local = 0;
        boolean instance = (m.access & Opcodes.ACC_STATIC) == 0;
        if (instance) {
            frame.setLocal(
                    local, interpreter.newParameterValue(true, local, Type.getObjectType(owner)));
            local++;
        }
        for (Type t : Type.getArgumentTypes(m.desc)) {
            frame.setLocal(local, interpreter.newParameterValue(instance, local, t));
            local++;
            if (t.getSize() == 2) {
                frame.setLocal(local, interpreter.newEmptyValue(local));
                local++;
            }
        }
        while (local < m.maxLocals) {
            frame.setLocal(local, interpreter.newEmptyValue(local));
            local++;
        }
        frame.setReturn(interpreter.newReturnTypeValue(Type.getReturnType(m.desc)));
        return frame;
    }

    /**
     * The handlers an exception thrown at each instruction index may reach, in the order the JVM
     * searches them; by default every range covering it, as ASM's Analyzer. An override must give
     * the same list to all instructions between two labels.
     */
    protected List<List<TryCatchBlockNode>> handlers(MethodNode m) {
        InsnList insns = m.instructions;
        List<List<TryCatchBlockNode>> out = new ArrayList<>(insns.size());
        for (int i = 0; i < insns.size(); i++) {
            out.add(List.of());
        }
        for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
            int end = insns.indexOf(tcb.end);
            for (int i = insns.indexOf(tcb.start); i < end; i++) {
                if (out.get(i).isEmpty()) {
                    out.set(i, new ArrayList<>(2));
                }
                out.get(i).add(tcb);
            }
        }
        return out;
    }

    /** With {@code analyze(owner, m, false)}: whether to keep the frame before instruction i. */
    protected boolean keep(int insn) {
        return false;
    }

    protected Frame<V> newFrame(int numLocals, int numStack) {
        return new Frame<>(numLocals, numStack);
    }

    protected Frame<V> newFrame(Frame<? extends V> frame) {
        return new Frame<>(frame);
    }

    /** A normal edge of a reachable instruction, reported once. */
    protected void newControlFlowEdge(int insn, int successor) {}

    /** An exception edge of a reachable instruction, reported once per covering handler. */
    protected void newControlFlowExceptionEdge(int insn, TryCatchBlockNode tcb) {}
}
