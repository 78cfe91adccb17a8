package dev.weft.bench.timers

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout

/**
 * The Kotlin coroutines peers of the timer benchmarks: withTimeout over a block that returns at
 * once (kotlinx arms the timer on entry and disposes it on exit, in runBlocking's event loop),
 * and delay on Dispatchers.Default (delays go to kotlinx's DefaultExecutor thread).
 */
object KotlinTimers {

    @Volatile
    private var ready = 42L

    /** n times withTimeout(1 s) { ready }; returns the sum of what the blocks returned. */
    @JvmStatic
    fun withTimeoutReady(n: Int): Long = runBlocking {
        var sum = 0L
        repeat(n) {
            sum += withTimeout(1000L) { ready }
        }
        sum
    }

    /**
     * Every coroutine delays delaysMs[i] ms and stores its lateness (wake - (start + delay), in
     * ns) in lateNanos[i]; returns once all have woken.
     */
    @JvmStatic
    fun delays(delaysMs: IntArray, lateNanos: LongArray) = runBlocking(Dispatchers.Default) {
        for (i in delaysMs.indices) {
            launch {
                val d = delaysMs[i]
                val start = System.nanoTime()
                delay(d.toLong())
                lateNanos[i] = System.nanoTime() - start - d * 1_000_000L
            }
        }
    }
}
