/**
 * The shared test kit: the two-mode harness every construct test runs under ({@link
 * dev.weft.testkit.Leaf}, {@link dev.weft.testkit.Mode}, {@link dev.weft.testkit.Drive}), a
 * {@link dev.weft.testkit.CountingWaker} for polling by hand, the {@link
 * dev.weft.testkit.AllocationMeter}, and {@link dev.weft.testkit.Interleavings}, the small-scope
 * explorer that runs every interleaving of a model's actions (the exhaustive sync tests). It lives in runtime's test tree so that runtime's own tests
 * use it; the module {@code testkit} (weft-testkit, never published) packages this one package
 * for the agent's and the integration tests. It depends on weft-runtime and JUnit only, and it
 * never calls {@code Async.await}, so the agent never weaves it.
 *
 * <p>Purpose: prove that a woven method computes the same thing whether its awaits never suspend
 * or all of them suspend. Tests await only {@link dev.weft.testkit.Leaf} futures, whose
 * behaviour comes from the current {@link dev.weft.testkit.Mode}; {@link
 * dev.weft.testkit.Drive} polls the outermost future by hand with {@code Context.of(waker)}.
 *
 * <p>Invariants the driver checks on every run:
 * <ol>
 *   <li>READY mode: no leaf is ever pending, so the outer future completes on its first poll.
 *   <li>PENDING mode: every leaf returns Pending one or two times before its outcome; half of them
 *       wake the waker during the poll (self-wake), the rest park the waker with the harness and
 *       are woken by the driver only when the task went idle (the reactor's role).
 *   <li>Every Pending returned by a leaf makes the outer future return Pending exactly once (a
 *       woven await propagates suspension, it never swallows or invents one).
 *   <li>The outer future never returns Pending without a wake having been arranged (no lost
 *       wake-up) and never completes while a leaf it polled is still in flight (never ready early).
 *   <li>No leaf is polled again after it produced its outcome.
 * </ol>
 *
 * <p>Runs are single-threaded (the test's thread) and use static state, so test classes in this
 * module must not run in parallel.
 */
package dev.weft.testkit;
