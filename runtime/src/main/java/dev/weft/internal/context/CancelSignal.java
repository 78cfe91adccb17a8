package dev.weft.internal.context;

/** Where a {@link dev.weft.Context} reads its cancellation flag from: a task, or a child scope. */
@FunctionalInterface
public interface CancelSignal {

    /** Never cancelled: contexts made by hand with {@code Context.of}. */
    CancelSignal NEVER = () -> false;

    /** Always cancelled: the context a future is polled with while it is being cancelled. */
    CancelSignal ALWAYS = () -> true;

    boolean isCancelled();
}
