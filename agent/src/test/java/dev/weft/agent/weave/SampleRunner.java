package dev.weft.agent.weave;

import dev.weft.Future;
import dev.weft.Generator;
import dev.weft.agent.testkit.WeavingLoader;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Mode;
import dev.weft.testkit.Poller;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Calls a woven sample's static entry point and drives its result to completion. */
final class SampleRunner {

    /** One loader for the whole run: samples are woven once. */
    static final WeavingLoader LOADER = new WeavingLoader();

    static {
        mode(false); // untracked from the first leaf: samples may create leaves on other threads
    }

    private SampleRunner() {}

    static Class<?> sample(String simpleName) {
        try {
            return Class.forName(WeavingLoader.SAMPLES + simpleName, true, LOADER);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Invokes {@code Class.method(args)} in the given mode and returns the completed value. */
    static Object run(boolean pending, String className, String method, Object... args)
            throws Throwable {
        mode(pending);
        try {
            Object r = invoke(sample(className), method, args);
            return complete(r);
        } finally {
            mode(false);
        }
    }

    /** Leaves created from now on: pending exactly once each (waking themselves), or ready. */
    static void mode(boolean pending) {
        Drive.mode(pending ? Mode.ONCE : Mode.READY);
    }

    static Object invoke(Class<?> c, String method, Object... args) throws Throwable {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(method)
                    && m.getParameterCount() == args.length
                    && !m.isSynthetic()) {
                m.setAccessible(true);
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new AssertionError("no method " + method);
    }

    static Object complete(Object r) throws Throwable {
        if (r instanceof Future) {
            return Poller.drive((Future<?>) r);
        }
        if (r instanceof CompletionStage) {
            try {
                return ((CompletionStage<?>) r).toCompletableFuture().join();
            } catch (CompletionException e) {
                throw e.getCause();
            }
        }
        if (r instanceof Generator) {
            List<Object> out = new ArrayList<>();
            for (Object o : (Generator<?>) r) {
                out.add(o);
            }
            return out;
        }
        return r;
    }

    static boolean isDone(Object r) {
        return !(r instanceof CompletableFuture) || ((CompletableFuture<?>) r).isDone();
    }
}
