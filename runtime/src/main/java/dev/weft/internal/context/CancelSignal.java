package dev.weft.internal.context;

/** Where a {@link dev.weft.Context} reads its cancellation flag from: a task, or a child scope. */
@FunctionalInterface
public interface CancelSignal {

    // Classes, not lambdas: the first Context of a JVM would pay two lambda bootstraps, and
    // woven code builds one early (start-up, docs/benchmarks.md).

    /** Never cancelled: contexts made by hand with {@code Context.of}. */
    CancelSignal NEVER = new Constant(false);

    /** Always cancelled: the context a future is polled with while it is being cancelled. */
    CancelSignal ALWAYS = new Constant(true);

    boolean isCancelled();

    /** {@link #NEVER} and {@link #ALWAYS}. */
    final class Constant implements CancelSignal {
        private final boolean cancelled;

        private Constant(boolean cancelled) {
            this.cancelled = cancelled;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
