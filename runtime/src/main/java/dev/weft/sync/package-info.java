/**
 * Coordination between tasks without blocking threads, after Tokio's {@code sync} module and
 * kotlinx-coroutines' channels. Every waiting operation is a future: await it in an async
 * method; no thread blocks while it waits, and a task may await it on one worker and resume on
 * another.
 *
 * <h2>Which primitive</h2>
 * <ul>
 *   <li>{@link dev.weft.sync.Channel}: pass values from producers to consumers; bounded for
 *       backpressure ({@code send} waits while full), closed by the producer side
 *       ({@code receive} then drains and returns null). {@code Channel.rendezvous()} has no
 *       buffer: a send is ready once a waiting receive took its value.
 *   <li>{@link dev.weft.sync.Broadcast}: every subscribed receiver sees every value; the sender
 *       never waits, and a receiver that falls more than the capacity behind is told how many
 *       values it missed ({@code Broadcast.LaggedException}) and goes on.
 *   <li>{@link dev.weft.sync.Watch}: the latest value of something that changes; receivers
 *       await {@code changed()} and read the newest value, changes in between coalesce.
 *   <li>{@link dev.weft.sync.Oneshot}: one value (or failure) set once, awaited by any number of
 *       tasks; the bridge from a callback API into await.
 *   <li>{@link dev.weft.sync.Mutex}: mutual exclusion held across awaits, where
 *       {@code synchronized} is refused by the weaver; close the guard to unlock.
 *   <li>{@link dev.weft.sync.Semaphore}: limit concurrency (at most N requests in flight).
 *   <li>{@link dev.weft.sync.Notify}: wake a waiting task without passing data, for a condition
 *       kept elsewhere.
 * </ul>
 *
 * <pre>{@code
 * Channel<Job> jobs = Channel.bounded(100);
 * Mutex statsLock = new Mutex();
 *
 * static Future<Void> worker(Channel<Job> jobs, Mutex statsLock, Stats stats) {
 *     for (Job j = await(jobs.receive()); j != null; j = await(jobs.receive())) {
 *         Result r = await(run(j));
 *         try (Mutex.Guard g = await(statsLock.lock())) {
 *             await(stats.record(r));           // held across an await: fine with a Mutex
 *         }
 *     }
 *     return Future.done();
 * }
 * }</pre>
 *
 * <h2>Rules common to all of them</h2>
 * <ul>
 *   <li>Fair: waiters are served in the order they started waiting; a new request never
 *       overtakes a waiter.
 *   <li>Any thread may release, send, complete or notify; only the awaiting task polls or
 *       cancels the future it awaits.
 *   <li>Cancellation safe: {@code Async.timeout} and {@code Futures.race} may cancel any waiting
 *       future at any time and nothing is lost or leaked (details below, and in each class).
 * </ul>
 *
 * <h2>Cancellation, in one line per primitive</h2>
 * Receive never loses a message; send is delivered entirely or not at all, and not at all iff
 * cancel() came before ready (rendezvous too); lock/acquire never leak, granted-then-cancelled
 * passes the grant on; a notifyOne granted-then-cancelled is passed on; a oneshot's value stays
 * for every other awaiter; a broadcast receive or a watch {@code changed()} moves its receiver's
 * position only in the poll that returns ready, so a cancelled one consumed nothing.
 *
 * <p>How they are built (one small lock per primitive, waiters as intrusive queue nodes, the
 * wait and grant protocol) is described in the package-private {@code Waiter} class, and the
 * channel's own protocol in {@link dev.weft.sync.Channel}'s implementation notes.
 */
package dev.weft.sync;
