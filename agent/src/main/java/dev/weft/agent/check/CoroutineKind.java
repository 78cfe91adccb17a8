package dev.weft.agent.check;

import org.objectweb.asm.Type;

/** What a woven method becomes, decided by its declared return type. */
public enum CoroutineKind {
    /** Returns {@code dev.weft.Future}: nothing runs until the first poll. */
    LAZY("dev/weft/internal/coroutine/Coroutine"),
    /** Returns {@code CompletableFuture} / {@code CompletionStage}: runs on the caller until the first pending await. */
    EAGER("dev/weft/internal/coroutine/EagerCoroutine"),
    /** Returns {@code dev.weft.Generator} and yields. */
    GENERATOR("dev/weft/internal/coroutine/GeneratorCoroutine"),
    /**
     * Returns {@code dev.weft.AsyncStream}, and may both await and yield (an async generator):
     * nothing runs until the first {@code hasNext()} is polled.
     */
    ASYNC_GENERATOR("dev/weft/internal/coroutine/AsyncGeneratorCoroutine");

    /** The runtime class the companion extends. */
    public final String superName;

    CoroutineKind(String superName) {
        this.superName = superName;
    }

    /** Whether the body may call {@code Generator.yield}. */
    public boolean yields() {
        return this == GENERATOR || this == ASYNC_GENERATOR;
    }

    /** Whether the body's resume takes the awaiter's Context (every kind but the plain generator). */
    public boolean awaits() {
        return this != GENERATOR;
    }

    /** The kind for a method descriptor's return type, or null if it is not a coroutine type. */
    public static CoroutineKind ofReturnType(String methodDescriptor) {
        Type r = Type.getReturnType(methodDescriptor);
        if (r.getSort() != Type.OBJECT) {
            return null;
        }
        switch (r.getInternalName()) {
            case "dev/weft/Future":
                return LAZY;
            case "java/util/concurrent/CompletableFuture":
            case "java/util/concurrent/CompletionStage":
                return EAGER;
            case "dev/weft/Generator":
                return GENERATOR;
            case "dev/weft/AsyncStream":
                return ASYNC_GENERATOR;
            default:
                return null;
        }
    }
}
