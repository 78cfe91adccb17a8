package dev.weft.internal.coroutine;

import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;

/**
 * Defines a woven class's companion state classes in the host's own class loader and package.
 *
 * <p>The weaver embeds each companion's class file in its host as string constants (one char per
 * byte, ISO-8859-1) and prepends a call to {@link #define} to the host's static initializer, so
 * that load-time and build-time weaving yield identical classes and no extra files. The host's
 * bytecode uses a companion only where its exact type or an interface is expected, so verifying
 * the host never loads it before it is defined here.
 */
public final class CompanionLoader implements Runnable {

    private final MethodHandles.Lookup host;
    private final String[] chunks;
    private Throwable failed;

    private CompanionLoader(MethodHandles.Lookup host, String[] chunks) {
        this.host = host;
        this.chunks = chunks;
    }

    /**
     * Defines the class whose bytes are the concatenation of {@code chunks}.
     *
     * @param host the host's full-privilege lookup ({@code MethodHandles.lookup()} in its clinit)
     */
    public static void define(MethodHandles.Lookup host, String... chunks) {
        try {
            defineHere(host, chunks);
        } catch (StackOverflowError e) {
            // The host is first used at the bottom of a deep recursion, and its thread ran out of
            // stack here. A static initializer that throws leaves its class unusable for the life
            // of the JVM (JVMS 5.5), so the companion is defined on a thread of its own instead.
            // This class is already loaded and Thread is the JDK's: nothing new to load here.
            onFreshStack(new CompanionLoader(host, chunks));
            synchronized (CompanionLoader.class) {
                freshStackDefines++;
            }
        }
    }

    // no initial value: this class must have no static initializer, which could itself run out
    // of stack and leave every woven class unable to initialise (EarlyInit)
    private static int freshStackDefines;

    /** How many companions were defined on a thread of their own because the host's ran out of stack. */
    static synchronized int definedOnFreshStack() {
        return freshStackDefines;
    }

    private static void onFreshStack(CompanionLoader work) {
        Thread t = new Thread(null, work, "weft-define", 0);
        t.setDaemon(true);
        t.start();
        joinUninterruptibly(t);
        Throwable failed;
        synchronized (work) {
            failed = work.failed;
        }
        if (failed instanceof RuntimeException) {
            throw (RuntimeException) failed;
        }
        if (failed instanceof Error) {
            throw (Error) failed;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }

    /**
     * Waits for {@code t} to end: a static initializer cannot be interrupted, so an interrupt
     * only stays set for the caller. It lives here, not in EarlyInit, which uses it too: this
     * class is always loaded when EarlyInit runs (define calls it), so the fallback of a define
     * that ran out of stack loads no other class.
     */
    static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        for (; ; ) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #define} on the helper thread of {@link #onFreshStack}. */
    @Override
    public void run() {
        Throwable thrown = null;
        try {
            defineHere(host, chunks);
        } catch (Throwable e) {
            thrown = e;
        }
        synchronized (this) {
            failed = thrown;
        }
    }

    private static void defineHere(MethodHandles.Lookup host, String[] chunks) {
        // before any async method of the host can run: see EarlyInit for why
        EarlyInit.ensure();
        // one char per byte: ISO-8859-1 turns each char back into its byte, a bulk copy for the
        // Latin-1 strings these constants are (a loop of charAt ran interpreted at start-up)
        byte[] bytes;
        if (chunks.length == 1) {
            bytes = chunks[0].getBytes(StandardCharsets.ISO_8859_1);
        } else {
            int n = 0;
            for (String c : chunks) {
                n += c.length();
            }
            bytes = new byte[n];
            int i = 0;
            for (String c : chunks) {
                byte[] b = c.getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(b, 0, bytes, i, b.length);
                i += b.length;
            }
        }
        try {
            host.defineClass(bytes);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                    "weft: cannot define companion class in " + host.lookupClass(), e);
        }
    }
}
