/**
 * Timers, the mechanism: a hierarchical timing wheel, its driver and the clocks it reads. The
 * futures that arm timers ({@code sleep}, {@code timeout}) are in {@code internal.future}.
 * Internal use only.
 *
 * <ul>
 *   <li>{@link dev.weft.internal.time.TimerWheel}: Varghese &amp; Lauck's hierarchical wheel,
 *       Tokio's layout: 1 ms ticks, 6 levels x 64 slots, intrusive slot lists (O(1) insert and
 *       cancel), cascading; level 0 has two banks (the current 64-tick block and the next), and
 *       the next block's level-1 slot moves into its bank in per-tick shares, so entering a block
 *       does not re-place all of its entries at once. Single-threaded.
 *   <li>{@link dev.weft.internal.time.TimerDriver}: the wheel behind a lock, an injectable
 *       {@link dev.weft.internal.time.Clock}, and the park/unpark protocol with its driving
 *       thread; long timers armed while the driving thread reads every tick wait, unread, for
 *       its next reading (deferred arming); it tells schedulers which wakes are timer wakes
 *       ({@code isFiringOn}), for their timer lane.
 *   <li>{@link dev.weft.internal.time.TimerBatch}: per worker, the timers armed by the task it
 *       is polling, armed in one go (one clock read, one lock) when that poll ends; a timer
 *       cancelled within the poll never reaches the wheel.
 *   <li>{@link dev.weft.internal.time.VirtualClock}: the clock of a runtime built with
 *       {@code virtualTime()}. The driver never waits for one of its deadlines; while the runtime
 *       is quiescent (no task scheduled or running, no blockOn future woken or polled, no
 *       spawnBlocking work in flight) the reactor's turn jumps it to the wheel's next expiration
 *       and fires what is due, tied deadlines in arming order. The check, the read of the next
 *       deadline and the jump are one step against a party becoming busy (VirtualClock's jump
 *       lock): a party counted after the check waits until the jump is made.
 *   <li>Driving: each runtime's {@code internal.driver.Reactor} owns its TimerDriver and fires it
 *       on every turn, waiting in select (or parked) until the next expiration: the reactor's
 *       dedicated thread or an idle worker (multi-threaded runtime), the blockOn thread
 *       (current-thread runtime), the shared daemon fallback reactor for futures polled
 *       outside any runtime ({@code Contexts.runtime(cx) == null}).
 * </ul>
 *
 * <p>Invariants: a timer never fires early (deadlines round up to whole ticks; the wheel fires
 * only entries whose tick it has reached; a batched timer's delay counts from a clock reading
 * taken after the poll that armed it, a deferred one's from the driving thread's next reading); expired entries are woken outside the driver's lock;
 * a cancelled entry is out of the wheel before cancel returns (a concurrent expiry may still
 * deliver one wake, which wakers tolerate).
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): the bottom of
 * the runtime, above {@code internal.metrics} only. It names no Context, runtime, reactor or
 * task: the reactor owns a TimerDriver ({@code internal.driver}), a worker owns a TimerBatch
 * ({@code internal.context.WorkerThread}), and leaf futures find their driver through {@code
 * RuntimeHandle.timersOf}.
 */
package dev.weft.internal.time;
