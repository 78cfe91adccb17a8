package dev.weft.internal.coroutine;

/**
 * Initialises the classes an await needs before any await runs (issue 12, point 3).
 *
 * <p>Why: a class whose static initializer throws is unusable for the rest of the JVM's life
 * (JVMS 5.5: every later use throws NoClassDefFoundError). When the first await of a JVM happened
 * deep in a recursion, {@code Await}'s initializer (which loads a class) overflowed the stack, and
 * every await after it failed. So the initializers run here, early and on a thread of their own
 * with a fresh stack: called first thing by {@link CompanionLoader#define}, that is from the
 * static initializer of every woven class, which runs before any of its async methods can.
 *
 * <p>Invariants: this class has no static initializer itself (its only static field has no
 * initial value), so it cannot be the class that fails; if the helper thread cannot even be
 * started (the caller is itself at the end of its stack), nothing has been initialised and the
 * next woven class tries again.
 */
public final class EarlyInit implements Runnable {

    /** True once every class below is initialised; never reset. */
    private static volatile boolean done;

    private EarlyInit() {}

    /** Initialises weft's await-path classes once per class loader of the runtime. */
    public static void ensure() {
        if (done) {
            return;
        }
        Thread t;
        try {
            t = new Thread(null, new EarlyInit(), "weft-init", 0);
            t.setDaemon(true);
            t.start();
        } catch (StackOverflowError e) {
            throw e; // the caller is at the end of its stack: initialising here would fail too
        } catch (Throwable e) {
            // no thread to be had (a restricted environment): the caller's stack it is
            new EarlyInit().run();
            return;
        }
        CompanionLoader.joinUninterruptibly(t);
    }

    /** Initialises each class; on the helper thread, or on the caller's as a fallback. */
    @Override
    public void run() {
        String[] classes = {
            "dev.weft.internal.coroutine.Await",
            "dev.weft.internal.coroutine.Trampoline",
            "dev.weft.internal.coroutine.GeneratorCoroutine",
            "dev.weft.Poll$Pending",
            "dev.weft.internal.coroutine.Ready",
            "dev.weft.internal.context.CancelSignal",
            "dev.weft.internal.context.RuntimeHandle",
            "java.util.concurrent.CompletableFuture",
        };
        ClassLoader loader = EarlyInit.class.getClassLoader();
        for (String c : classes) {
            try {
                Class.forName(c, true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(
                        "weft: EarlyInit.run(EarlyInit.java): missing runtime class " + c, e);
            }
        }
        done = true;
    }
}
