package dev.weft.internal.context;

import dev.weft.Context;
import dev.weft.Waker;
import java.lang.invoke.MethodHandles;

/**
 * Static entry points to the internal operations of {@link Context} (see {@link ContextAccess}).
 * Context registers its implementation from its static initializer; a call that comes first
 * initializes Context, as {@code jdk.internal.access.SharedSecrets} does for java.lang.
 */
public final class Contexts {

    /**
     * Set once by Context's static initializer. A thread that still reads null initializes
     * Context itself, or waits for the thread doing it, which makes the write visible; the
     * registered object has no state, so a racy read that sees it is safe.
     */
    private static ContextAccess access;

    private Contexts() {}

    /** Called by Context's static initializer only. */
    public static void register(ContextAccess a) {
        if (access != null) {
            throw new IllegalStateException("Context access registered twice");
        }
        access = a;
    }

    private static ContextAccess access() {
        ContextAccess a = access;
        if (a == null) {
            try {
                MethodHandles.lookup().ensureInitialized(Context.class);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            a = access;
        }
        return a;
    }

    /** See {@link ContextAccess#create}. */
    public static Context create(Waker waker, CancelSignal cancel, RuntimeHandle runtime) {
        return access().create(waker, cancel, runtime);
    }

    /** See {@link ContextAccess#runtime}. */
    public static RuntimeHandle runtime(Context cx) {
        return access().runtime(cx);
    }

    /** See {@link ContextAccess#cancelSignal}. */
    public static CancelSignal cancelSignal(Context cx) {
        return access().cancelSignal(cx);
    }

    /** See {@link ContextAccess#withCancel}. */
    public static Context withCancel(Context cx, CancelSignal signal) {
        return access().withCancel(cx, signal);
    }

    /** See {@link ContextAccess#withWaker}. */
    public static Context withWaker(Context cx, Waker other) {
        return access().withWaker(cx, other);
    }
}
