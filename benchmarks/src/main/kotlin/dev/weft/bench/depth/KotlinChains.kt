package dev.weft.bench.depth

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.suspendCancellableCoroutine
import java.util.concurrent.atomic.AtomicInteger
import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.intrinsics.COROUTINE_SUSPENDED
import kotlin.coroutines.intrinsics.suspendCoroutineUninterceptedOrReturn
import kotlin.coroutines.resume
import kotlin.coroutines.startCoroutine
import kotlin.coroutines.suspendCoroutine

/**
 * The Kotlin peers of the depth and footprint groups: chains of suspend funs with three long
 * locals live across the call, the same shape as WeftChains and JdkChains. Kotlin compiles
 * before the Java benchmarks, so this file knows none of them; they call it.
 */
object KotlinChains {

    /** A reusable one-bit signal between two coroutines of one thread (runBlocking's loop). */
    class Flag {
        private var set = false
        private var waiter: Continuation<Unit>? = null

        suspend fun await(): Long {
            if (!set) {
                suspendCoroutine<Unit> { waiter = it }
            }
            set = false
            return 1
        }

        fun signal() {
            set = true
            val w = waiter
            if (w != null) {
                waiter = null
                w.resume(Unit)
            }
        }
    }

    private suspend fun pingChain(d: Int, x: Long, ping: Flag, pong: Flag, rounds: Int): Long {
        val a = x * 3
        val b = x xor 0x5DEECE66DL
        val c = x + d
        var v = 0L
        if (d <= 1) {
            for (i in 0 until rounds) {
                v += ping.await()
                pong.signal()
            }
        } else {
            v = pingChain(d - 1, x + 1, ping, pong, rounds)
        }
        return (a + b + c + v) and 63
    }

    /** (a): ROUNDS suspend/resume cycles of a chain of [depth] frames against a partner, one thread. */
    @JvmStatic
    fun pingPong(depth: Int, rounds: Int): Long = runBlocking {
        val ping = Flag()
        val pong = Flag()
        var result = 0L
        val chain = launch { result = pingChain(depth, 1, ping, pong, rounds) }
        for (i in 0 until rounds) {
            ping.signal()
            pong.await()
        }
        chain.join()
        result
    }

    // ---- (c): a chain whose leaf is ready, driven by hand without a dispatcher ----

    private var readyLeafFlag = true

    private suspend fun readyLeaf(x: Long): Long = suspendCoroutineUninterceptedOrReturn { c ->
        if (readyLeafFlag) x else { waiterOfLeaf = c; COROUTINE_SUSPENDED }
    }

    @Suppress("unused")
    private var waiterOfLeaf: Continuation<Long>? = null

    private suspend fun readyChain(d: Int, x: Long): Long {
        val a = x * 3
        val b = x xor 0x5DEECE66DL
        val c = x + d
        val v = if (d <= 1) readyLeaf(x) else readyChain(d - 1, x + 1)
        return (a + b + c + v) and 63
    }

    /** A long-lived coroutine that awaits a ready chain, then suspends; step() resumes it once. */
    class ReadyDriver(private val depth: Int) {
        private var tick: Continuation<Unit>? = null
        var sum = 0L
            private set

        init {
            suspend { loop() }.startCoroutine(Continuation(EmptyCoroutineContext) { })
        }

        private suspend fun loop() {
            while (true) {
                sum += readyChain(depth, 1)
                suspendCoroutineUninterceptedOrReturn<Unit> { c -> tick = c; COROUTINE_SUSPENDED }
            }
        }

        /** One op: resumes the driver, which runs the ready chain once and suspends again. */
        fun step(): Long {
            val c = tick!!
            tick = null
            c.resume(Unit)
            return sum
        }
    }

    // ---- idle tasks for the footprint measurements ----

    private suspend fun idleChain(d: Int, x: Long, parked: AtomicInteger): Long {
        val a = x * 3
        val b = x xor 0x5DEECE66DL
        val c = x + d
        val v = if (d <= 1) idleLeaf(parked) else idleChain(d - 1, x + 1, parked)
        return (a + b + c + v) and 63
    }

    private suspend fun idleLeaf(parked: AtomicInteger): Long = suspendCancellableCoroutine { parked.incrementAndGet() }

    private val scope = CoroutineScope(Dispatchers.Default)

    /**
     * Starts handles.size coroutines on Dispatchers.Default, each suspended for good (MODE
     * suspend: DEPTH frames of three longs, or DEPTH 0: suspendCancellableCoroutine directly) or
     * in delay(sleepMillis) (MODE sleep); returns once all are suspended.
     */
    @JvmStatic
    fun startIdle(mode: String, depth: Int, handles: Array<Any?>, sleepMillis: Long) {
        val parked = AtomicInteger()
        for (i in handles.indices) {
            handles[i] = when {
                mode == "sleep" -> scope.launch { parked.incrementAndGet(); delay(sleepMillis) }
                depth == 0 -> scope.launch { idleLeaf(parked) }
                else -> scope.launch { idleChain(depth, i.toLong(), parked) }
            }
        }
        while (parked.get() < handles.size) {
            Thread.sleep(10)
        }
        Thread.sleep(200) // the last increments happen just before their suspension
    }
}
