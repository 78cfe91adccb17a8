package dev.weft.bench.stream

import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/**
 * The Kotlin peer of AsyncGeneratorBench: a cold `Flow` that calls a suspend function between
 * emissions, collected in `runBlocking` — the function returns at once (`ready`, the analogue of
 * awaiting a ready future) or suspends once through `yield()` (`suspending`).
 */
object StreamKotlinPeers {

    private var step = 1

    @Suppress("RedundantSuspendModifier")
    private suspend fun readyStep(): Int = step

    @JvmStatic
    fun ready(elements: Array<Int>): Long = runBlocking {
        var total = 0L
        flow {
            for (i in elements.indices) {
                val s = readyStep()
                emit(elements[i * s])
            }
        }.collect { total += it }
        total
    }

    @JvmStatic
    fun suspending(elements: Array<Int>): Long = runBlocking {
        var total = 0L
        flow {
            for (e in elements) {
                yield()
                emit(e)
            }
        }.collect { total += it }
        total
    }
}
