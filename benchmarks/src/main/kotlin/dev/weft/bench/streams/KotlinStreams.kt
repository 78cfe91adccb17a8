package dev.weft.bench.streams

import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.consumeAsFlow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.startCoroutine

/** The Kotlin peers of StreamBench, written as idiomatic Kotlin. */
object KotlinStreams {

    /**
     * A cold flow of every element, collected by a suspend call started by hand (no dispatcher,
     * no runBlocking): the Flow machinery alone, as the ready channel stream is polled by hand.
     */
    @JvmStatic
    fun readyFlow(elements: Array<Int>): Long {
        var total = 0L
        var result: Result<Unit>? = null
        val f = flow { for (x in elements) emit(x) }
        val body: suspend () -> Unit = { f.collect { total += it } }
        body.startCoroutine(Continuation(EmptyCoroutineContext) { result = it })
        result!!.getOrThrow() // a cold flow without suspension completes inside startCoroutine
        return total
    }

    /** A producer coroutine sends through Channel(capacity); the consumer collects it as a Flow. */
    @JvmStatic
    fun channelFlow(elements: Array<Int>, capacity: Int): Long = runBlocking {
        val ch = Channel<Int>(capacity)
        launch {
            for (x in elements) ch.send(x)
            ch.close()
        }
        var total = 0L
        ch.consumeAsFlow().collect { total += it }
        total
    }
}
