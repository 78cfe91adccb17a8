package dev.weft.bench

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.joinAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield
import java.util.concurrent.CountDownLatch

/**
 * The Kotlin coroutines peers of the scheduler benchmarks, on Dispatchers.Default (its
 * CoroutineScheduler: one thread per core, work stealing), written as idiomatic Kotlin.
 */
object KotlinPeers {

    private suspend fun skynet(num: Long, size: Int): Long {
        if (size == 1) {
            return num
        }
        val sub = size / 10
        return coroutineScope {
            (0 until 10).map { i -> async { skynet(num + i.toLong() * sub, sub) } }.awaitAll().sum()
        }
    }

    @JvmStatic
    fun skynet(): Long = runBlocking(Dispatchers.Default) { skynet(0, 1_000_000) }

    @JvmStatic
    fun spawnManyFromWorker(n: Int) = runBlocking(Dispatchers.Default) {
        repeat(n) { launch { } }
    }

    private val outside = CoroutineScope(Dispatchers.Default)

    @JvmStatic
    fun spawnManyFromOutside(n: Int) {
        val latch = CountDownLatch(n)
        repeat(n) { outside.launch { latch.countDown() } }
        latch.await()
    }

    private fun chain(scope: CoroutineScope, n: Int, done: CountDownLatch) {
        if (n == 0) {
            done.countDown()
        } else {
            scope.launch { chain(scope, n - 1, done) }
        }
    }

    @JvmStatic
    fun chainedSpawn(n: Int) {
        val done = CountDownLatch(1)
        outside.launch { chain(outside, n, done) }
        done.await()
    }

    @JvmStatic
    fun yieldMany(tasks: Int, yields: Int) = runBlocking(Dispatchers.Default) {
        val jobs = ArrayList<Job>(tasks)
        repeat(tasks) {
            jobs.add(launch { repeat(yields) { yield() } })
        }
        jobs.joinAll()
    }
}
