package dev.weft.internal.dump;

import dev.weft.AsyncRuntime;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every live {@link AsyncRuntime} of this class loader's copy of weft, so that a tool outside the
 * program (the agent's {@code tasks} command, a JMX console) can dump them all. Weak: a runtime
 * that was dropped without close() disappears once collected; close() removes it at once.
 *
 * <p>The agent reaches this class by name through whatever loader defined it ({@link #dumpAll}
 * is its entry point), so it must keep its name and that method's signature.
 */
public final class RuntimeRegistry {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    /** Number to runtime, in creation order. */
    private static final Map<Integer, WeakReference<AsyncRuntime>> LIVE =
            new ConcurrentSkipListMap<>();

    private RuntimeRegistry() {}

    /**
     * Lists {@code runtime} (from its constructor) and offers it to JMX.
     *
     * @return its number, which names it ({@code runtime-<number>}) and removes it
     */
    public static int register(AsyncRuntime runtime) {
        int n = NEXT.getAndIncrement();
        LIVE.put(n, new WeakReference<>(runtime));
        JmxRegistration.offer(n);
        return n;
    }

    /** Removes runtime {@code n} (its close()); idempotent. */
    public static void unregister(int n) {
        if (LIVE.remove(n) != null) {
            JmxRegistration.withdraw(n);
        }
    }

    /** Runtime {@code n}, or null once closed or collected. */
    static AsyncRuntime get(int n) {
        WeakReference<AsyncRuntime> r = LIVE.get(n);
        AsyncRuntime rt = r == null ? null : r.get();
        if (r != null && rt == null) {
            unregister(n);
        }
        return rt;
    }

    /** The numbers of the runtimes listed now, in creation order. */
    static Iterable<Integer> numbers() {
        return LIVE.keySet();
    }

    /**
     * The dump of every live runtime, one after the other; what {@code java -jar weft-agent.jar
     * tasks <pid>} prints. Called reflectively by the agent inside the target JVM.
     */
    public static String dumpAll() {
        StringBuilder b = new StringBuilder();
        int runtimes = 0;
        for (Integer n : LIVE.keySet()) {
            AsyncRuntime rt = get(n);
            if (rt == null) {
                continue;
            }
            runtimes++;
            b.append(rt.dumpTasks()).append('\n');
        }
        if (runtimes == 0) {
            b.append("no live weft runtime\n");
        }
        return b.toString();
    }
}
