package dev.weft.agent.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * Where the objects under construction are: the value of a {@code NEW} before its
 * {@code <init>} call, on the operand stack and in locals, at every instruction. ASM's
 * verifiers do not model this (a {@code NEW} is just a value of its class to them), HotSpot's
 * does: an uninitialized object may only be copied (load, store, DUP) and passed as the
 * receiver of its constructor, which initializes every copy at once.
 *
 * <p>Used by normalize (to find and move the allocations that would live across a suspension)
 * and by verify (to reject woven code that saves, restores or misuses one). Not for
 * constructors: their {@code this} starts uninitialized, which is not modelled.
 */
public final class UninitializedObjects {

    /** A value: an object made by {@link #origin} and not yet initialized, or anything else. */
    public static final class Value implements org.objectweb.asm.tree.analysis.Value {
        private final int size;

        /** The NEW that made this uninitialized object; null for every other value. */
        public final TypeInsnNode origin;

        /** Merged from an uninitialized object and a different value: unusable, as for the JVM. */
        public final boolean conflict;

        private Value(int size, TypeInsnNode origin, boolean conflict) {
            this.size = size;
            this.origin = origin;
            this.conflict = conflict;
        }

        @Override
        public int getSize() {
            return size;
        }

        @Override
        public String toString() {
            return origin != null
                    ? "uninitialized " + origin.desc
                    : conflict ? "conflict" : "." + size;
        }
    }

    /** Frames by instruction index (null: unreachable). */
    public final Frame<Value>[] frames;

    /**
     * NEW instructions whose objects are rearranged by stack instructions other than DUP (POP,
     * SWAP, DUP_X1...): legal for the JVM, never emitted by javac (other compilers do).
     */
    public final Set<TypeInsnNode> shuffled;

    /**
     * Uses the JVM's verifier rejects (an uninitialized object as an operand...), described.
     * Not among them: IFNULL, IFNONNULL, IF_ACMPxx, MONITORENTER and MONITOREXIT, which HotSpot
     * accepts on an object under construction.
     */
    public final List<String> problems;

    private UninitializedObjects(
            Frame<Value>[] frames, Set<TypeInsnNode> shuffled, List<String> problems) {
        this.frames = frames;
        this.shuffled = shuffled;
        this.problems = problems;
    }

    public static UninitializedObjects of(String owner, MethodNode m) throws AnalyzerException {
        Tracker t = new Tracker(m);
        BlockAnalyzer<Value> a =
                new BlockAnalyzer<>(t) {
                    @Override
                    protected Frame<Value> newFrame(int numLocals, int numStack) {
                        return new TrackingFrame(numLocals, numStack);
                    }

                    @Override
                    protected Frame<Value> newFrame(Frame<? extends Value> frame) {
                        TrackingFrame f =
                                new TrackingFrame(frame.getLocals(), frame.getMaxStackSize());
                        f.init(frame);
                        return f;
                    }
                };
        Frame<Value>[] frames = a.analyze(owner, m);
        return new UninitializedObjects(
                frames,
                Collections.unmodifiableSet(t.shuffled),
                Collections.unmodifiableList(new ArrayList<>(t.problems)));
    }

    /** True if frame {@code f} holds an uninitialized object from {@code origin} anywhere. */
    public static boolean holds(Frame<Value> f, TypeInsnNode origin) {
        for (int i = 0; i < f.getLocals(); i++) {
            if (f.getLocal(i).origin == origin) {
                return true;
            }
        }
        for (int i = 0; i < f.getStackSize(); i++) {
            if (f.getStack(i).origin == origin) {
                return true;
            }
        }
        return false;
    }

    /** The uninitialized objects held by frame {@code f}, in locals or on the stack. */
    public static Set<TypeInsnNode> origins(Frame<Value> f) {
        Set<TypeInsnNode> out = new LinkedHashSet<>();
        for (int i = 0; i < f.getLocals(); i++) {
            if (f.getLocal(i).origin != null) {
                out.add(f.getLocal(i).origin);
            }
        }
        for (int i = 0; i < f.getStackSize(); i++) {
            if (f.getStack(i).origin != null) {
                out.add(f.getStack(i).origin);
            }
        }
        return out;
    }

    /** An {@code <init>} call initializes every copy of its receiver, in locals and on the stack. */
    /**
     * Stack words read or rearranged by the pure stack instructions (which bypass the interpreter);
     * 0 for any other opcode. The normalizer's stack shuffles use the same table.
     */
    public static int stackWordsMoved(int opcode) {
        switch (opcode) {
            case Opcodes.POP:
            case Opcodes.DUP:
                return 1;
            case Opcodes.POP2:
            case Opcodes.DUP_X1:
            case Opcodes.DUP2:
            case Opcodes.SWAP:
                return 2;
            case Opcodes.DUP_X2:
            case Opcodes.DUP2_X1:
                return 3;
            case Opcodes.DUP2_X2:
                return 4;
            default:
                return 0;
        }
    }

    private static final class TrackingFrame extends Frame<Value> {
        TrackingFrame(int numLocals, int numStack) {
            super(numLocals, numStack);
        }

        @Override
        public void execute(AbstractInsnNode insn, Interpreter<Value> interpreter)
                throws AnalyzerException {
            Tracker t = (Tracker) interpreter;
            int words = stackWordsMoved(insn.getOpcode());
            for (int i = getStackSize() - 1; words > 0 && i >= 0; i--) {
                Value v = getStack(i);
                words -= v.getSize();
                // DUP of an uninitialized object is how javac keeps one copy for after <init>
                if (insn.getOpcode() != Opcodes.DUP) {
                    t.shuffle(insn, v);
                }
            }
            Value receiver = null;
            if (insn.getOpcode() == Opcodes.INVOKESPECIAL
                    && ((MethodInsnNode) insn).name.equals("<init>")) {
                int args = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
                receiver = getStack(getStackSize() - args - 1);
                if (receiver.origin == null) {
                    t.problem(
                            insn,
                            "<init> called on "
                                    + (receiver.conflict
                                            ? "a conflict of values"
                                            : "a value that is not an uninitialized object"),
                            receiver);
                }
            }
            super.execute(insn, interpreter);
            if (receiver != null && receiver.origin != null) {
                Value done = t.plain(1);
                for (int i = 0; i < getLocals(); i++) {
                    if (getLocal(i) == receiver) {
                        setLocal(i, done);
                    }
                }
                for (int i = 0; i < getStackSize(); i++) {
                    if (getStack(i) == receiver) {
                        setStack(i, done);
                    }
                }
            }
        }
    }

    /** Value sizes come from ASM's BasicInterpreter; uninitialized objects are tracked by their NEW. */
    private static final class Tracker extends Interpreter<Value> {
        private final BasicInterpreter basic = new BasicInterpreter();
        private final MethodNode method;
        private final Value one = new Value(1, null, false);
        private final Value two = new Value(2, null, false);
        private final Value conflict = new Value(1, null, true);
        private final Map<TypeInsnNode, Value> byOrigin = new IdentityHashMap<>();
        final Set<TypeInsnNode> shuffled = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<String> problems = new LinkedHashSet<>();

        Tracker(MethodNode method) {
            super(Opcodes.ASM9);
            this.method = method;
        }

        Value plain(int size) {
            return size == 2 ? two : one;
        }

        private Value sized(BasicValue v) {
            return v == null ? null : plain(v.getSize());
        }

        /** {@code insn} consumes {@code v} as an operand: only legal for initialized values. */
        void use(AbstractInsnNode insn, Value v) {
            if (v.origin != null) {
                problem(insn, "uses an uninitialized object", v);
            } else if (v.conflict) {
                problem(insn, "uses a value that is an uninitialized object on some paths only", v);
            }
        }

        /**
         * IFNULL, IFNONNULL, IF_ACMPEQ, IF_ACMPNE, MONITORENTER and MONITOREXIT take any reference,
         * and HotSpot's verifier counts an uninitialized object as one (JVMS 4.10.1.2).
         */
        static boolean comparesOrLocks(int opcode) {
            switch (opcode) {
                case Opcodes.IFNULL:
                case Opcodes.IFNONNULL:
                case Opcodes.IF_ACMPEQ:
                case Opcodes.IF_ACMPNE:
                case Opcodes.MONITORENTER:
                case Opcodes.MONITOREXIT:
                    return true;
                default:
                    return false;
            }
        }

        private void checkConflict(AbstractInsnNode insn, Value v) {
            if (v.conflict) {
                use(insn, v);
            }
        }

        /** {@code insn} pops or reorders {@code v} without using it. */
        void shuffle(AbstractInsnNode insn, Value v) {
            if (v.origin != null) {
                shuffled.add(v.origin);
            } else if (v.conflict) {
                problem(
                        insn,
                        "moves a value that is an uninitialized object on some paths only",
                        v);
            }
        }

        void problem(AbstractInsnNode insn, String what, Value v) {
            String from =
                    v.origin == null
                            ? ""
                            : " (new "
                                    + v.origin.desc
                                    + " at instruction "
                                    + method.instructions.indexOf(v.origin)
                                    + ")";
            problems.add(
                    "instruction "
                            + method.instructions.indexOf(insn)
                            + " (opcode "
                            + insn.getOpcode()
                            + ") "
                            + what
                            + from);
        }

        @Override
        public Value newValue(Type type) {
            if (type == Type.VOID_TYPE) {
                return null;
            }
            return type == null ? one : plain(type.getSize());
        }

        @Override
        public Value newOperation(AbstractInsnNode insn) throws AnalyzerException {
            if (insn.getOpcode() == Opcodes.NEW) {
                Value v =
                        byOrigin.get(insn); // no lambda: its bootstrap costs ms at the first class
                if (v == null) {
                    v = new Value(1, (TypeInsnNode) insn, false);
                    byOrigin.put((TypeInsnNode) insn, v);
                }
                return v;
            }
            return sized(basic.newOperation(insn));
        }

        @Override
        public Value copyOperation(AbstractInsnNode insn, Value value) {
            int op = insn.getOpcode();
            if (op != Opcodes.ALOAD && op != Opcodes.ASTORE && op != Opcodes.DUP) {
                shuffle(
                        insn,
                        value); // DUP_X1 & co. are also checked, with their words, by the frame
            } else if (value.conflict) {
                use(insn, value);
            }
            return value;
        }

        @Override
        public Value unaryOperation(AbstractInsnNode insn, Value value) throws AnalyzerException {
            if (!(comparesOrLocks(insn.getOpcode()) && value.origin != null)) {
                use(insn, value);
            }
            return sized(basic.unaryOperation(insn, dummy(value)));
        }

        @Override
        public Value binaryOperation(AbstractInsnNode insn, Value v1, Value v2)
                throws AnalyzerException {
            if (!comparesOrLocks(insn.getOpcode())) {
                use(insn, v1);
                use(insn, v2);
            } else {
                checkConflict(insn, v1);
                checkConflict(insn, v2);
            }
            return sized(basic.binaryOperation(insn, dummy(v1), dummy(v2)));
        }

        @Override
        public Value ternaryOperation(AbstractInsnNode insn, Value v1, Value v2, Value v3)
                throws AnalyzerException {
            use(insn, v1);
            use(insn, v2);
            use(insn, v3);
            return sized(basic.ternaryOperation(insn, dummy(v1), dummy(v2), dummy(v3)));
        }

        @Override
        public Value naryOperation(AbstractInsnNode insn, List<? extends Value> values)
                throws AnalyzerException {
            boolean init =
                    insn.getOpcode() == Opcodes.INVOKESPECIAL
                            && ((MethodInsnNode) insn).name.equals("<init>");
            List<BasicValue> dummies = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                if (!(init && i == 0)) {
                    use(insn, values.get(i)); // the receiver of <init> is checked by the frame
                }
                dummies.add(dummy(values.get(i)));
            }
            return sized(basic.naryOperation(insn, dummies));
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, Value value, Value expected) {
            use(insn, value);
        }

        @Override
        public Value merge(Value a, Value b) {
            if (a == b) {
                return a;
            }
            if (a.origin != null || b.origin != null || a.conflict || b.conflict) {
                return conflict;
            }
            return a.size == b.size ? a : one;
        }

        private static BasicValue dummy(Value v) {
            return v.getSize() == 2 ? BasicValue.LONG_VALUE : BasicValue.REFERENCE_VALUE;
        }
    }
}
