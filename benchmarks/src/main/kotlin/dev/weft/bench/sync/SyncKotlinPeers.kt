package dev.weft.bench.sync

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import java.util.concurrent.atomic.AtomicInteger

/**
 * The Kotlin coroutines peers of the sync benchmarks on Dispatchers.Default, written as
 * idiomatic Kotlin: CompletableDeferred as the oneshot, kotlinx Channel as the channel.
 */
object SyncKotlinPeers {

    @JvmStatic
    fun pingPong(n: Int) = runBlocking(Dispatchers.Default) {
        val done = CompletableDeferred<Unit>()
        val remaining = AtomicInteger(n)
        repeat(n) {
            launch {
                val ping = CompletableDeferred<Unit>()
                val pong = CompletableDeferred<Unit>()
                launch {
                    ping.await()
                    pong.complete(Unit)
                }
                ping.complete(Unit)
                pong.await()
                if (remaining.decrementAndGet() == 0) {
                    done.complete(Unit)
                }
            }
        }
        done.await()
    }

    /** A server coroutine answering requests from a channel of capacity 10. */
    class Server {
        private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
        val requests = Channel<CompletableDeferred<Unit>>(10)

        init {
            scope.launch {
                for (reply in requests) {
                    reply.complete(Unit)
                }
            }
        }

        fun stop() {
            requests.close()
            scope.cancel()
        }
    }

    @JvmStatic
    fun requestReply(server: Server, n: Int) = runBlocking(Dispatchers.Default) {
        repeat(n) {
            val reply = CompletableDeferred<Unit>()
            server.requests.send(reply)
            reply.await()
        }
    }

    /** [capacity] 0 means unbounded. */
    @JvmStatic
    fun mpsc(capacity: Int, producers: Int, perProducer: Int): Long =
        manyToOne(Channel(if (capacity == 0) Channel.UNLIMITED else capacity), producers, perProducer)

    /** [producers] coroutines send 0 until [perProducer] each into [ch]; the sum received. */
    @JvmStatic
    fun manyToOne(ch: Channel<Int>, producers: Int, perProducer: Int): Long = runBlocking(Dispatchers.Default) {
        repeat(producers) {
            launch { repeat(perProducer) { i -> ch.send(i) } }
        }
        var sum = 0L
        repeat(producers * perProducer) { sum += ch.receive() }
        sum
    }
}
