package dev.weft;

/**
 * An executor plus its reactor (timers now, sockets later). Not {@code java.lang.Runtime}.
 *
 * <p>STUB: the runtime issue replaces this body; the signatures are the contract.
 */
public final class AsyncRuntime implements AutoCloseable {

    private AsyncRuntime() {}

    /** Multi-threaded, one worker per core. */
    public static AsyncRuntime create() {
        return builder().build();
    }

    /** Single-threaded: tasks run on the thread inside {@link #blockOn}. */
    public static AsyncRuntime currentThread() {
        throw new UnsupportedOperationException("not yet");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Drives {@code future} to completion from a thread that is not one of this runtime's. */
    public <T> T blockOn(Future<T> future) {
        throw new UnsupportedOperationException("not yet");
    }

    public <T> JoinHandle<T> spawn(Future<T> future) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {}

    /** Configures a multi-threaded runtime. */
    public static final class Builder {
        private int workers = Runtime.getRuntime().availableProcessors();
        private String threadNamePrefix = "weft-worker-";

        Builder() {}

        public Builder workers(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("workers must be >= 1: " + n);
            }
            this.workers = n;
            return this;
        }

        public Builder threadNamePrefix(String prefix) {
            this.threadNamePrefix = java.util.Objects.requireNonNull(prefix);
            return this;
        }

        public AsyncRuntime build() {
            throw new UnsupportedOperationException("not yet");
        }
    }
}
