package dev.weft.agent;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs weaves on a thread of the agent's own with a large stack ({@code weft-weaver}, a daemon
 * started by the first class that may be woven and parked while idle), while the loading thread
 * waits: for a class
 * whose loading thread ran out of stack in the weaver, and for the first weave for each class
 * loader (see {@link WeavingTransformer#transformHere}).
 *
 * <p>Why a thread that stays: handing a weave to it takes a few small frames (a queue, an unpark,
 * a park), where starting a thread takes many. A loading thread that ran out of stack in the
 * weaver often has too little left to start one.
 *
 * <p>Invariants: the weaving thread loads no class of the loader it weaves for (the weaver reads
 * class files as resources), except weft-runtime's {@code CompanionLoader} and {@code EarlyInit}
 * (initialised, which runs no code: neither has a static initializer), and only for a loader
 * whose lock the loading thread does not hold ({@link #mayRunFor}); every wait is bounded, so a
 * loader that locks while it serves resources cannot hang a class load.
 */
final class FreshStack implements Runnable {

    /** Enough for any weave: the weaver's deepest recursion is over nested types and handlers. */
    static final long STACK_BYTES = 64L << 20;

    /** How long the loading thread waits before it gives up and loads the class unwoven. */
    static final long WAIT_SECONDS = 60;

    /** What a woven class's static initializer calls first: CompanionLoader, then EarlyInit. */
    static final String[] RUNTIME_ENTRY = {
        "dev.weft.internal.coroutine.CompanionLoader", "dev.weft.internal.coroutine.EarlyInit"
    };

    /**
     * Waiting requests, guarded by their own monitor: an ArrayDeque is loaded by every JVM at
     * start-up, where a ConcurrentLinkedQueue brought up the VarHandle machinery in premain.
     */
    private static final ArrayDeque<Request> REQUESTS = new ArrayDeque<>();

    private static volatile Thread servant;

    private FreshStack() {}

    /** One weave handed over: filled in by the weaving thread, then {@link #done} is set. */
    private static final class Request {
        final WeavingTransformer transformer;
        final ClassLoader loader;
        final String className;
        final byte[] bytes;
        final Thread waiter;
        byte[] woven;
        Throwable failed;
        volatile boolean done;

        Request(
                WeavingTransformer transformer,
                ClassLoader loader,
                String className,
                byte[] bytes,
                Thread waiter) {
            this.transformer = transformer;
            this.loader = loader;
            this.className = className;
            this.bytes = bytes;
            this.waiter = waiter;
        }
    }

    /** Loads what a handover needs while the agent starts, so that no transform has to. */
    static void preload() {
        new Request(null, null, null, null, null).done = true;
    }

    /**
     * Starts the weft-weaver thread unless it runs: called for every class that may be woven,
     * so that it runs before the first one that needs it, usually near the top of a stack (a
     * JVM that weaves nothing starts no thread).
     */
    static void ensureStarted() {
        if (servant == null) {
            startServant();
        }
    }

    /**
     * False on the weft-weaver thread itself, and when the calling thread holds {@code loader}'s
     * lock (a loader that is not parallel-capable).
     */
    static boolean mayRunFor(ClassLoader loader) {
        return Thread.currentThread() != servant && !Thread.holdsLock(loader);
    }

    /**
     * {@link WeavingTransformer#transformHere} of the class on the weaving thread: its result,
     * or null (the class loads unwoven) if the weave found nothing to weave.
     *
     * @throws Throwable what the weave threw, or an IllegalStateException when it did not
     *     finish in {@link #WAIT_SECONDS}
     */
    static byte[] run(
            WeavingTransformer transformer, ClassLoader loader, String className, byte[] bytes)
            throws Throwable {
        Thread s = servant != null ? servant : startServant();
        if (s == Thread.currentThread()) {
            throw new IllegalStateException("the weave ran out of stack on the weft-weaver thread");
        }
        Request r = new Request(transformer, loader, className, bytes, Thread.currentThread());
        synchronized (REQUESTS) {
            REQUESTS.addLast(r);
        }
        LockSupport.unpark(s);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        boolean interrupted = false;
        while (!r.done) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(
                        "the weave on the weft-weaver thread did not finish in "
                                + WAIT_SECONDS
                                + " s");
            }
            LockSupport.parkNanos(r, left);
            // a class load is not interruptible: keep the flag for the caller
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (r.failed != null) {
            throw r.failed;
        }
        return r.woven;
    }

    private static synchronized Thread startServant() {
        if (servant == null) {
            Thread t = new Thread(null, new FreshStack(), "weft-weaver", STACK_BYTES);
            t.setDaemon(true);
            t.start();
            servant = t;
        }
        return servant;
    }

    /** The weft-weaver thread: serves requests, parked while there are none. */
    @Override
    public void run() {
        for (; ; ) {
            Request r;
            synchronized (REQUESTS) {
                r = REQUESTS.pollFirst();
            }
            if (r == null) {
                LockSupport.park(FreshStack.class);
                continue;
            }
            try {
                r.woven = r.transformer.transformHere(r.loader, r.className, null, r.bytes);
                if (r.woven != null) {
                    preloadRuntimeEntry(r.loader);
                }
            } catch (Throwable e) {
                r.failed = e;
            }
            r.done = true; // publishes woven and failed
            LockSupport.unpark(r.waiter);
        }
    }

    /**
     * Loads and initialises, in the loader of a class just woven, the weft-runtime classes that
     * class's static initializer calls first. Loaded and linked there later, at the bottom of a
     * deep recursion, one of them could run out of stack inside that initializer (a sweep caught
     * the call to {@code CompanionLoader.define} doing so while it linked the class) and leave the
     * woven class failed for good. Initialising them runs no code: neither has a static
     * initializer (an invariant of theirs, which keeps them from failing this way themselves).
     */
    private static void preloadRuntimeEntry(ClassLoader loader) {
        for (String name : RUNTIME_ENTRY) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // the weave reported a missing runtime already; the class fails at its first call
                return;
            }
        }
    }
}
