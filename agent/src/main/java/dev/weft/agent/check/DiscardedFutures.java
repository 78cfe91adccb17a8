package dev.weft.agent.check;

import dev.weft.agent.flow.BlockAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Finds calls whose {@code dev.weft.Future} result is never used: popped, or stored in a local
 * that no instruction reads. Such a future does nothing (the lazy model runs a method's body on
 * the first poll), which is Rust's {@code #[must_use]} on futures.
 *
 * <p>Which calls: those whose descriptor returns exactly {@code dev/weft/Future}. The descriptor is
 * all the check needs, so it reads no other class file and loads nothing. A method declared to
 * return a subtype is not checked: {@code JoinHandle} (from {@code spawn}) names a task that runs
 * whether or not anyone joins it, and a user's own subclass may well be running already.
 *
 * <p>Which methods: every method of every class the weaver parses, woven or not, lambda bodies
 * included (reported under their enclosing method). The scan stage makes a class that calls or
 * declares a method returning {@code dev.weft.Future} a candidate for this reason alone.
 *
 * <p>How: a def-use pass over ASM's {@link SourceInterpreter} frames. Every interpreter operation
 * that consumes a value records its producers as used, except the copies ({@code DUP*},
 * {@code SWAP}, {@code CHECKCAST}, {@code ASTORE}), which pass the question on to the copy; a
 * store is used when some {@code ALOAD} can read it. {@code POP}/{@code POP2} reach no interpreter
 * operation, so a popped value is never marked. Anything else (an argument, a receiver, a return,
 * a field, array or collection store, a comparison) counts as a use, so the check errs towards
 * silence; a method the analyzer cannot handle is skipped. A method reference that drops a
 * future (a {@code Runnable} made from {@code this::load}) is not seen: no instruction pops it.
 */
public final class DiscardedFutures {

    private static final String FUTURE = "Ldev/weft/Future;";

    private DiscardedFutures() {}

    /** The warnings for {@code owner}, in method and instruction order. Never modifies {@code owner}. */
    public static List<Warning> find(ClassNode owner) {
        List<Warning> warnings = new ArrayList<>();
        if ((owner.access & Opcodes.ACC_SYNTHETIC) != 0) {
            return warnings; // generated code (weft's own companions among it) is not the user's
        }
        for (MethodNode m : owner.methods) {
            if (m.instructions == null
                    || m.instructions.size() == 0
                    || ((m.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0
                            && !LambdaOrigins.isLambdaBody(m))) {
                continue;
            }
            List<MethodInsnNode> calls = suspects(m);
            if (calls.isEmpty()) {
                continue;
            }
            Uses uses = new Uses();
            try {
                new BlockAnalyzer<>(uses).analyze(owner.name, m, false);
            } catch (AnalyzerException | RuntimeException e) {
                continue; // cannot analyze: no warning rather than a guess
            }
            for (MethodInsnNode call : calls) {
                if (!uses.isUsed(call)) {
                    warnings.add(warning(owner, m, call, uses.storedIn(call)));
                }
            }
        }
        return warnings;
    }

    /**
     * Future-returning calls not obviously consumed: javac discards with the instruction right
     * after the call, so a call followed by anything but a pop, store or copy needs no analysis.
     */
    private static List<MethodInsnNode> suspects(MethodNode m) {
        List<MethodInsnNode> calls = new ArrayList<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode
                    && ((MethodInsnNode) insn).desc.endsWith(")" + FUTURE)) {
                AbstractInsnNode next = insn.getNext();
                while (next != null && next.getOpcode() < 0) {
                    next = next.getNext(); // labels, line numbers, frames
                }
                int op = next == null ? -1 : next.getOpcode();
                if (op == Opcodes.POP
                        || op == Opcodes.POP2
                        || op == Opcodes.ASTORE
                        || op == Opcodes.CHECKCAST
                        || (op >= Opcodes.DUP && op <= Opcodes.SWAP)) {
                    calls.add((MethodInsnNode) insn);
                }
            }
        }
        return calls;
    }

    private static Warning warning(
            ClassNode owner, MethodNode m, MethodInsnNode call, VarInsnNode store) {
        int line = lineOf(call);
        String enclosing = LambdaOrigins.enclosingMethod(owner, m);
        String callee = call.owner.replace('/', '.') + "." + call.name;
        String what =
                store == null
                        ? "the dev.weft.Future returned by " + callee + " is discarded"
                        : "the dev.weft.Future returned by "
                                + callee
                                + " is stored in "
                                + localName(m, store)
                                + " and never read";
        String reason =
                what
                        + ": it does nothing until it is awaited or spawned"
                        + " (await it, pass it to Async.spawn, or return it)";
        return new Warning(
                Rejection.where(owner, m, line) + ": " + reason,
                owner.name.replace('/', '.'),
                enclosing == null ? m.name : enclosing,
                line);
    }

    private static int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode i = insn; i != null; i = i.getPrevious()) {
            if (i instanceof LineNumberNode) {
                return ((LineNumberNode) i).line;
            }
        }
        return -1;
    }

    /** The source name of the stored local when the LocalVariableTable has it. */
    private static String localName(MethodNode m, VarInsnNode store) {
        if (m.localVariables != null) {
            int at = m.instructions.indexOf(store);
            for (LocalVariableNode lv : m.localVariables) {
                // a local's range starts after its first store
                if (lv.index == store.var
                        && m.instructions.indexOf(lv.start) <= at + 1
                        && at < m.instructions.indexOf(lv.end)) {
                    return "local '" + lv.name + "'";
                }
            }
        }
        return "a local variable";
    }

    /** Records, during the analysis, which values each instruction consumes. */
    private static final class Uses extends SourceInterpreter {
        /** Producers whose value some instruction really consumes. */
        private final Set<AbstractInsnNode> used = new HashSet<>();

        /** Producer to the copies of its value (DUP*, SWAP, CHECKCAST, ASTORE): used if a copy is. */
        private final Map<AbstractInsnNode, Set<AbstractInsnNode>> copies = new HashMap<>();

        /** ASTOREs that some ALOAD may read. */
        private final Set<AbstractInsnNode> read = new HashSet<>();

        Uses() {
            super(Opcodes.ASM9);
        }

        boolean isUsed(AbstractInsnNode producer) {
            return isUsed(producer, new HashSet<>());
        }

        private boolean isUsed(AbstractInsnNode producer, Set<AbstractInsnNode> seen) {
            if (!seen.add(producer) || used.contains(producer) || read.contains(producer)) {
                return used.contains(producer) || read.contains(producer);
            }
            for (AbstractInsnNode copy : copies.getOrDefault(producer, Set.of())) {
                if (isUsed(copy, seen)) {
                    return true;
                }
            }
            return false;
        }

        /** The ASTORE that took the call's value, if that is where it went. */
        VarInsnNode storedIn(AbstractInsnNode producer) {
            for (AbstractInsnNode copy : copies.getOrDefault(producer, Set.of())) {
                if (copy.getOpcode() == Opcodes.ASTORE) {
                    return (VarInsnNode) copy;
                }
            }
            return null;
        }

        private void use(SourceValue v) {
            used.addAll(v.insns);
        }

        private void copy(AbstractInsnNode insn, SourceValue v) {
            for (AbstractInsnNode producer : v.insns) {
                Set<AbstractInsnNode> to = copies.get(producer);
                if (to == null) {
                    to = new HashSet<>(); // no lambdas on the weaving path (bootstrap cost)
                    copies.put(producer, to);
                }
                to.add(insn);
            }
        }

        @Override
        public SourceValue copyOperation(AbstractInsnNode insn, SourceValue value) {
            int op = insn.getOpcode();
            if (op == Opcodes.ALOAD) {
                read.addAll(
                        value.insns); // the stores (or nothing, for a parameter) this load may see
            } else if (op == Opcodes.ASTORE || (op >= Opcodes.DUP && op <= Opcodes.SWAP)) {
                copy(insn, value);
            } else {
                use(value); // a primitive load or store: not a future, but keep the rule simple
            }
            return super.copyOperation(insn, value);
        }

        @Override
        public SourceValue unaryOperation(AbstractInsnNode insn, SourceValue value) {
            if (insn.getOpcode() == Opcodes.CHECKCAST) {
                copy(insn, value);
            } else {
                use(value);
            }
            return super.unaryOperation(insn, value);
        }

        @Override
        public SourceValue binaryOperation(AbstractInsnNode insn, SourceValue a, SourceValue b) {
            use(a);
            use(b);
            return super.binaryOperation(insn, a, b);
        }

        @Override
        public SourceValue ternaryOperation(
                AbstractInsnNode insn, SourceValue a, SourceValue b, SourceValue c) {
            use(a);
            use(b);
            use(c);
            return super.ternaryOperation(insn, a, b, c);
        }

        @Override
        public SourceValue naryOperation(
                AbstractInsnNode insn, List<? extends SourceValue> values) {
            for (int i = 0; i < values.size(); i++) {
                use(values.get(i));
            }
            return super.naryOperation(insn, values);
        }

        @Override
        public void returnOperation(
                AbstractInsnNode insn, SourceValue value, SourceValue expected) {
            use(value);
            super.returnOperation(insn, value, expected);
        }
    }
}
