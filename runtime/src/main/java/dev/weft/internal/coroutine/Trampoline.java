package dev.weft.internal.coroutine;

import java.util.ArrayDeque;

/**
 * Runs the eager coroutines woken on one thread one after another instead of one inside the other
 * (issue 12, point 2): completing an eager coroutine's CompletableFuture runs its dependents, among
 * them the wake of the eager coroutine awaiting it, whose completion wakes the next, and so on. Run
 * nested, a chain of N eager calls completing from its leaf took about 15 Java frames per level
 * and overflowed the completing thread's stack. Kotlin's {@code Dispatchers.Unconfined} solves the
 * same problem with the same device (a thread-local event loop, entered only when not already in
 * one).
 *
 * <p>Protocol, per thread:
 * <ol>
 *   <li>The first run on a thread (a wake or a start with no run in progress) enters the loop:
 *       it runs its coroutine, then every coroutine queued meanwhile, in wake order, then leaves.
 *   <li>A wake while the loop runs queues the coroutine (its run word is already RUNNING, so
 *       further wakes only mark it NOTIFIED) and returns at once: the stack stays constant
 *       whatever the chain's length.
 *   <li>A start inside the loop runs its body at once, on the caller's stack: eager methods run to
 *       their first suspension before they return, as plain Java calls do.
 *   <li>A run that throws (an error weft could not publish, see {@link EagerCoroutine}) does not
 *       stop the loop: the queued coroutines still run, and the first such error is rethrown
 *       when the loop leaves, the others attached to it as suppressed.
 * </ol>
 * Only the owning thread touches its instance, so nothing here is synchronized.
 */
final class Trampoline {

    /**
     * The current thread's loop. No lambda ({@code withInitial}): its bootstrap is deep, and this
     * class is initialised early by {@link EarlyInit} anyway.
     */
    private static final ThreadLocal<Trampoline> CURRENT = new ThreadLocal<>();

    /** True while this thread is inside {@link #run}. */
    boolean running;

    /** Coroutines woken while {@link #running}; each is RUNNING and runs exactly once from here. */
    private final ArrayDeque<EagerCoroutine<?>> queue = new ArrayDeque<>();

    private Trampoline() {}

    /** Runs {@code co} now, or queues it when this thread's loop is already running (step 2). */
    static void wake(EagerCoroutine<?> co) {
        Trampoline t = current();
        if (t.running) {
            t.queue.add(co);
            return;
        }
        t.run(co);
    }

    /**
     * The current thread's loop. A start (step 3) calls {@link EagerCoroutine#drive} itself when
     * {@link #running}, one frame less per level of an eager descent, else {@link #run}.
     */
    static Trampoline current() {
        Trampoline t = CURRENT.get();
        if (t == null) {
            t = new Trampoline();
            CURRENT.set(t);
        }
        return t;
    }

    /** Enters the loop with {@code first} (step 1); only when not {@link #running}. */
    void run(EagerCoroutine<?> first) {
        running = true;
        Throwable error = null;
        try {
            EagerCoroutine<?> co = first;
            do {
                try {
                    co.drive();
                } catch (Throwable e) {
                    if (error == null) {
                        error = e;
                    } else if (error != e) {
                        error.addSuppressed(e);
                    }
                }
            } while ((co = queue.poll()) != null);
        } finally {
            running = false;
        }
        if (error != null) {
            throw Sneaky.<RuntimeException>rethrow(error);
        }
    }
}
