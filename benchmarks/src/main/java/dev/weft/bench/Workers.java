package dev.weft.bench;

/**
 * The worker count of the scheduler benchmarks: {@code -Dweft.bench.workers=N}, one per core when
 * unset. weft's runtime and the ForkJoinPool peers take it here; the peers whose pool is sized
 * once per JVM (the virtual-thread scheduler, Kotlin's Dispatchers.Default) get the same count
 * from the flags that {@code benchmarks/run/scaling} passes next to it.
 */
public final class Workers {

    public static final String PROPERTY = "weft.bench.workers";

    private Workers() {}

    public static int count() {
        int n = Integer.getInteger(PROPERTY, 0);
        return n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }
}
