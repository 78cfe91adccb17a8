package dev.weft.agent.check;

/** Why a method cannot be woven, located as the team contract requires. */
public final class Rejection {

    public static final String SYNCHRONIZED_BLOCK = "await inside a synchronized block";
    public static final String SYNCHRONIZED_METHOD = "await in a synchronized method";
    public static final String CONSTRUCTOR = "await in a constructor";
    public static final String STATIC_INITIALIZER = "await in a static initializer";
    public static final String NOT_A_FUTURE =
            "await in a method whose return type is not Future, CompletableFuture or CompletionStage";
    /** Followed by why (PromiseTypes.whyNot): a CompletableFuture subclass weft cannot create, and kin. */
    public static final String UNUSABLE_PROMISE = "await in a method whose return type weft cannot use: ";
    public static final String YIELD_OUTSIDE_GENERATOR = "Generator.yield in a method whose return type is not Generator";
    public static final String AWAIT_IN_GENERATOR = "await in a generator (a method returning Generator cannot await)";
    /** Not in the original list: a generator's yield returns out of the method, which would leave a monitor held. */
    public static final String YIELD_SYNCHRONIZED_BLOCK = "Generator.yield inside a synchronized block";

    public final String message;
    public final int line;

    private Rejection(String message, int line) {
        this.message = message;
        this.line = line;
    }

    /** {@code <binary.Class>.<method>(<SourceFile>:<line>): <reason>}. */
    public static Rejection of(String classInternalName, String sourceFile, String method, int line, String reason) {
        String where = (sourceFile == null ? "Unknown Source" : sourceFile) + (line >= 0 ? ":" + line : "");
        return new Rejection(classInternalName.replace('/', '.') + "." + method + "(" + where + "): " + reason, line);
    }

    @Override
    public String toString() {
        return message;
    }
}
