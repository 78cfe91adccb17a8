package dev.weft;

import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.ContextAccess;
import dev.weft.internal.context.ContextSource;
import dev.weft.internal.context.Contexts;
import dev.weft.internal.context.RuntimeHandle;
import java.util.Objects;

/**
 * What a poll receives from its executor: the task's {@link Waker} and whether the task was
 * cancelled. Only a leaf future written by hand needs it; woven async methods pass it on
 * themselves.
 *
 * <pre>{@code
 * final class Flag implements Future<Void> {
 *     private volatile boolean set;
 *     private volatile Waker waiter;
 *
 *     public Poll<Void> poll(Context cx) {
 *         if (set) return Poll.ready(null);
 *         waiter = cx.waker();                       // who to wake when set() is called
 *         return set ? Poll.ready(null) : Poll.pending();  // re-check: set() may have raced
 *     }
 *
 *     void set() {
 *         set = true;
 *         Waker w = waiter;
 *         if (w != null) w.wake();
 *     }
 * }
 * }</pre>
 *
 * <p>One context per task, reused across polls; combinators that open a cancellation scope
 * ({@code timeout}, {@code race}) poll their children with a derived context. The runtime a
 * context belongs to and the derivations are internal ({@code dev.weft.internal.context.Contexts}).
 */
public final class Context {

    /*
     * Implementation note. Where the waker, the cancellation flag and the runtime come from: a
     * task (a ContextSource, which is its own waker and cancel signal) or, for every other
     * context, a Parts. One field keeps a task's context at 16 bytes. The internal operations
     * (create, withCancel, withWaker, runtime, cancelSignal) reach this class through
     * ContextAccess, registered below, as the JDK's internals reach java.lang through
     * SharedSecrets: public to weft's internal packages, absent from the public API.
     */
    private final Object source;

    /** The three parts of a context that is not a task's own. */
    private static final class Parts {
        final Waker waker;
        final CancelSignal cancel;
        final RuntimeHandle runtime;

        Parts(Waker waker, CancelSignal cancel, RuntimeHandle runtime) {
            this.waker = Objects.requireNonNull(waker, "waker");
            this.cancel = cancel;
            this.runtime = runtime;
        }
    }

    static {
        Contexts.register(new Access());
    }

    private Context(Object source) {
        this.source = source;
    }

    /**
     * A context for polling by hand (tests, manual polling as in the seed): never cancelled, and
     * bound to the runtime of the current thread if it is a runtime thread, otherwise to none
     * (timers then use weft's shared fallback timer thread).
     *
     * <pre>{@code
     * Context cx = Context.of(() -> System.out.println("woken"));
     * Poll<String> p = future.poll(cx);
     * }</pre>
     *
     * @param waker what to wake when a pending future can make progress
     * @return a new context
     */
    public static Context of(Waker waker) {
        return new Context(new Parts(waker, CancelSignal.NEVER, RuntimeHandle.current()));
    }

    /**
     * The waker to register when returning pending.
     *
     * @return this context's waker
     */
    public Waker waker() {
        Object s = source;
        return s instanceof Parts ? ((Parts) s).waker : (Waker) s;
    }

    /**
     * True when the task, or the enclosing timeout/race scope, was cancelled.
     *
     * @return whether the poll should give up
     */
    public boolean isCancelled() {
        return cancelSignal().isCancelled();
    }

    private RuntimeHandle runtime() {
        Object s = source;
        return s instanceof Parts ? ((Parts) s).runtime : ((ContextSource) s).contextRuntime();
    }

    private CancelSignal cancelSignal() {
        Object s = source;
        return s instanceof Parts ? ((Parts) s).cancel : (CancelSignal) s;
    }

    /** The internal operations, for {@link Contexts}. */
    private static final class Access implements ContextAccess {

        @Override
        public Context create(Waker waker, CancelSignal cancel, RuntimeHandle runtime) {
            if (waker == cancel
                    && waker instanceof ContextSource
                    && ((ContextSource) waker).contextRuntime() == runtime) {
                return new Context(waker);
            }
            return new Context(new Parts(waker, cancel, runtime));
        }

        @Override
        public RuntimeHandle runtime(Context cx) {
            return cx.runtime();
        }

        @Override
        public CancelSignal cancelSignal(Context cx) {
            return cx.cancelSignal();
        }

        @Override
        public Context withCancel(Context cx, CancelSignal signal) {
            return new Context(new Parts(cx.waker(), signal, cx.runtime()));
        }

        @Override
        public Context withWaker(Context cx, Waker other) {
            return new Context(new Parts(other, cx.cancelSignal(), cx.runtime()));
        }
    }
}
