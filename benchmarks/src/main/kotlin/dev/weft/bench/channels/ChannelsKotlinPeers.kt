package dev.weft.bench.channels

import dev.weft.bench.sync.SyncKotlinPeers
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.MutableSharedFlow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking

/**
 * The Kotlin coroutines peers of the channel benchmarks on Dispatchers.Default, written as
 * idiomatic Kotlin: Channel(RENDEZVOUS), MutableSharedFlow, MutableStateFlow.
 */
object ChannelsKotlinPeers {

    /** The sync benchmarks' mpsc peer on a rendezvous channel. */
    @JvmStatic
    fun rendezvous(producers: Int, perProducer: Int): Long =
        SyncKotlinPeers.manyToOne(Channel(Channel.RENDEZVOUS), producers, perProducer)

    /** [receivers] collectors each take all [n] values; the buffer holds them all (no suspension, no loss). */
    @JvmStatic
    fun broadcast(receivers: Int, n: Int): Long = runBlocking(Dispatchers.Default) {
        val flow = MutableSharedFlow<Int>(extraBufferCapacity = n)
        val sums = List(receivers) {
            async {
                var s = 0L
                flow.take(n).collect { s += it }
                s
            }
        }
        flow.subscriptionCount.first { it == receivers }
        for (i in 0 until n) {
            flow.emit(i)
        }
        sums.sumOf { it.await() }
    }

    /** [n] round trips: set ping to i, the other side copies it to pong, wait until pong is i. */
    @JvmStatic
    fun watchPingPong(n: Int): Long = runBlocking(Dispatchers.Default) {
        val ping = MutableStateFlow(0)
        val pong = MutableStateFlow(0)
        launch {
            ping.first { v ->
                pong.value = v
                v == n
            }
        }
        var trips = 0L
        for (i in 1..n) {
            ping.value = i
            pong.first { it == i }
            trips++
        }
        trips
    }
}
