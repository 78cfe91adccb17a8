package dev.weft.agent.check;

import dev.weft.agent.hierarchy.TypeHierarchy;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/** Classifies one method: not a coroutine, a coroutine of some kind, or rejected. */
public final class MethodChecker {

    /** The verdict for one method. Exactly one of {@code kind} / {@code rejection} is set. */
    public static final class Verdict {
        public final MethodNode method;
        public final CoroutineKind kind;
        public final List<SuspensionPoint> points;
        public final Rejection rejection;

        Verdict(
                MethodNode method,
                CoroutineKind kind,
                List<SuspensionPoint> points,
                Rejection rejection) {
            this.method = method;
            this.kind = kind;
            this.points = points;
            this.rejection = rejection;
        }
    }

    private MethodChecker() {}

    /** Null when the method has no suspension points (it is left alone). */
    public static Verdict check(ClassNode owner, MethodNode m) {
        return check(owner, m, null);
    }

    /**
     * As {@link #check(ClassNode, MethodNode)}; with a hierarchy, an eager method may also
     * return a CompletableFuture subclass that weft can create ({@link PromiseTypes}).
     */
    public static Verdict check(ClassNode owner, MethodNode m, TypeHierarchy hierarchy) {
        if (m.instructions == null || m.instructions.size() == 0) {
            return null;
        }
        List<SuspensionPoint> points = find(m);
        if (points.isEmpty()) {
            return null;
        }
        SuspensionPoint firstAwait = first(points, true);
        SuspensionPoint firstYield = first(points, false);
        SuspensionPoint first = points.get(0);
        CoroutineKind kind = CoroutineKind.ofReturnType(m.desc);
        String reason = null;
        String promiseProblem = null;
        Type returned = Type.getReturnType(m.desc);
        if (kind == null
                && hierarchy != null
                && returned.getSort() == Type.OBJECT
                && firstAwait != null) {
            promiseProblem = PromiseTypes.whyNot(hierarchy, owner.name, returned.getInternalName());
            if (promiseProblem == null
                    && hierarchy.isAssignable(
                            "java/util/concurrent/CompletableFuture", returned.getInternalName())
                    && !hierarchy.isInterface(returned.getInternalName())) {
                kind = CoroutineKind.EAGER;
            }
        }
        SuspensionPoint at = first;
        if (m.name.equals("<init>")) {
            reason =
                    first.kind.isAwait()
                            ? Rejection.CONSTRUCTOR
                            : Rejection.YIELD_OUTSIDE_GENERATOR;
        } else if (m.name.equals("<clinit>")) {
            reason =
                    first.kind.isAwait()
                            ? Rejection.STATIC_INITIALIZER
                            : Rejection.YIELD_OUTSIDE_GENERATOR;
        } else if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0 && firstAwait != null) {
            reason = Rejection.SYNCHRONIZED_METHOD;
            at = firstAwait;
        } else if (kind == CoroutineKind.GENERATOR && firstAwait != null) {
            reason = Rejection.AWAIT_IN_GENERATOR;
            at = firstAwait;
        } else if ((kind == null || !kind.yields())
                && firstYield != null
                // in a method of no coroutine type with both calls, the first one names the reason
                && (kind != null || firstAwait == null || firstYield == first)) {
            reason = Rejection.YIELD_OUTSIDE_GENERATOR;
            at = firstYield;
        } else if (kind == null) {
            reason =
                    promiseProblem != null
                            ? Rejection.UNUSABLE_PROMISE + promiseProblem
                            : notAFuture(m);
            at = firstAwait;
        } else {
            SuspensionPoint held;
            try {
                held = heldMonitor(owner, m, points);
            } catch (AnalyzerException | RuntimeException e) {
                // unanalyzable monitor code (or past ASM's bounds): refuse this method rather
                // than guess, and never fail the whole class
                held = null;
                reason = Rejection.MONITORS_UNANALYSABLE + e.getMessage();
                at = points.get(0);
            }
            if (held != null) {
                reason =
                        held.kind.isAwait()
                                ? Rejection.SYNCHRONIZED_BLOCK
                                : Rejection.YIELD_SYNCHRONIZED_BLOCK;
                at = held;
            }
        }
        if (reason != null) {
            return new Verdict(m, null, points, Rejection.of(owner, m, at.line, reason));
        }
        return new Verdict(m, kind, points, null);
    }

    private static SuspensionPoint heldMonitor(
            ClassNode owner, MethodNode m, List<SuspensionPoint> points) throws AnalyzerException {
        boolean anyMonitor = false;
        for (AbstractInsnNode insn : m.instructions) {
            anyMonitor |=
                    insn.getOpcode() == Opcodes.MONITORENTER
                            || insn.getOpcode() == Opcodes.MONITOREXIT;
        }
        if (!anyMonitor) {
            return null;
        }
        boolean[] held = HeldMonitors.compute(owner.name, m);
        for (SuspensionPoint p : points) {
            if (held[m.instructions.indexOf(p.call)]) {
                return p;
            }
        }
        return null;
    }

    private static SuspensionPoint first(List<SuspensionPoint> points, boolean await) {
        for (SuspensionPoint p : points) {
            if (p.kind.isAwait() == await) {
                return p;
            }
        }
        return null;
    }

    /** The await-outside-a-coroutine reason that names the likely fix. */
    private static String notAFuture(MethodNode m) {
        Type r = Type.getReturnType(m.desc);
        if (r.getSort() == Type.OBJECT
                && r.getInternalName().equals("java/util/concurrent/Future")) {
            return Rejection.JDK_FUTURE;
        }
        if (LambdaOrigins.isLambdaBody(m)) {
            return Rejection.LAMBDA;
        }
        return r.getSort() == Type.VOID ? Rejection.VOID_METHOD : Rejection.NOT_A_FUTURE;
    }

    /** Every suspension call in instruction order, with its source line. */
    public static List<SuspensionPoint> find(MethodNode m) {
        List<SuspensionPoint> points = new ArrayList<>();
        int line = -1;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof LineNumberNode) {
                line = ((LineNumberNode) insn).line;
                continue;
            }
            SuspensionKind k = SuspensionKind.of(insn);
            if (k != null) {
                points.add(new SuspensionPoint((MethodInsnNode) insn, k, line));
            }
        }
        return points;
    }
}
