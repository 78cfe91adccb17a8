package dev.weft.agent.check;

import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Why a method cannot be woven, located as the team contract requires. */
public final class Rejection {

    public static final String SYNCHRONIZED_BLOCK =
            "await inside a synchronized block: a monitor cannot be held"
                    + " across a suspension; use dev.weft.sync.Mutex instead (try (var guard = await(mutex.lock())) { ... })";
    public static final String SYNCHRONIZED_METHOD =
            "await in a synchronized method: a monitor cannot be held"
                    + " across a suspension; drop synchronized and use dev.weft.sync.Mutex"
                    + " (try (var guard = await(mutex.lock())) { ... })";
    public static final String CONSTRUCTOR =
            "await in a constructor: a constructor cannot suspend; use a static"
                    + " async factory instead (static Future<T> create() { var x = await(...); return Future.ready(new T(x)); })";
    public static final String STATIC_INITIALIZER = "await in a static initializer";
    public static final String NOT_A_FUTURE =
            "await in a method whose return type is not Future, CompletableFuture or CompletionStage";

    /** {@link #NOT_A_FUTURE} for a {@code void} method: the fix is one return type away. */
    public static final String VOID_METHOD =
            "await in a void method: return Future<Void> instead"
                    + " (declare Future<Void> and end with return Future.done();)";

    /** {@link #NOT_A_FUTURE} when an IDE's auto-import picked the JDK's Future. */
    public static final String JDK_FUTURE =
            "await in a method returning java.util.concurrent.Future:"
                    + " did you mean dev.weft.Future? (weft weaves methods returning dev.weft.Future,"
                    + " CompletableFuture or CompletionStage)";

    /** {@link #NOT_A_FUTURE} in a lambda body; its location names the enclosing method (see {@link #where}). */
    public static final String LAMBDA =
            "the lambda's target type must return a future (for example"
                    + " Supplier<Future<T>>); a Function<T,R> passed to a stream cannot await";

    /** Followed by why (PromiseTypes.whyNot): a CompletableFuture subclass weft cannot create, and kin. */
    public static final String UNUSABLE_PROMISE =
            "await in a method whose return type weft cannot use: ";

    public static final String YIELD_OUTSIDE_GENERATOR =
            "Generator.yield in a method whose return type is not Generator"
                    + " (declare Generator<T> to yield, or AsyncStream<T> to yield and await: an async generator)";
    public static final String AWAIT_IN_GENERATOR =
            "await in a generator (a method returning Generator cannot await):"
                    + " declare AsyncStream<T> instead, an async generator that may await and yield"
                    + " (consume it with while (await(s.hasNext())) { var x = s.next(); ... })";

    /** Not in the original list: a generator's yield returns out of the method, which would leave a monitor held. */
    public static final String YIELD_SYNCHRONIZED_BLOCK =
            "Generator.yield inside a synchronized block";

    /**
     * The held-monitor analysis failed or passed its bounds, followed by ASM's reason: nothing is
     * known, so nothing is woven.
     */
    public static final String MONITORS_UNANALYSABLE =
            "weft's held-monitor analysis cannot follow this method, so whether a monitor is held"
                    + " at its suspension points is unknown; move synchronized blocks, or the code"
                    + " around them, into smaller methods: ";

    public final String message;
    public final int line;

    private Rejection(String message, int line) {
        this.message = message;
        this.line = line;
    }

    /** {@code <binary.Class>.<method>(<SourceFile>:<line>): <reason>}. */
    public static Rejection of(
            String classInternalName, String sourceFile, String method, int line, String reason) {
        return new Rejection(at(classInternalName, sourceFile, method, line) + ": " + reason, line);
    }

    /**
     * As {@link #of(String, String, String, int, String)} for method {@code m} of {@code owner}; a
     * lambda body is named by its enclosing method: {@code in a lambda in Class.method(File:line)}.
     */
    public static Rejection of(ClassNode owner, MethodNode m, int line, String reason) {
        return new Rejection(where(owner, m, line) + ": " + reason, line);
    }

    /**
     * {@code <binary.Class>.<method>(<SourceFile>:<line>)}, or for a lambda body
     * {@code in a lambda in <binary.Class>.<enclosing method>(<SourceFile>:<line>)}: the synthetic
     * name means nothing to a reader, the line (inside the lambda) and the enclosing method do.
     */
    public static String where(ClassNode owner, MethodNode m, int line) {
        String enclosing = LambdaOrigins.enclosingMethod(owner, m);
        String at = at(owner.name, owner.sourceFile, enclosing == null ? m.name : enclosing, line);
        return enclosing == null ? at : "in a lambda in " + at;
    }

    private static String at(String classInternalName, String sourceFile, String method, int line) {
        String where =
                (sourceFile == null ? "Unknown Source" : sourceFile)
                        + (line >= 0 ? ":" + line : "");
        return classInternalName.replace('/', '.') + "." + method + "(" + where + ")";
    }

    @Override
    public String toString() {
        return message;
    }
}
