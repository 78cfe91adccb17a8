/**
 * Structured concurrency behind {@code dev.weft.Scope}. Internal use only.
 *
 * <p>{@link dev.weft.internal.scope.ScopeFuture} is the scope's future, polled by its awaiter;
 * {@link dev.weft.internal.scope.ChildTasks} holds the live children, the first failure and
 * the poller's waker; each child task runs a {@link dev.weft.internal.scope.ChildFuture}
 * around the spawned future, which reports the child's end exactly once (ready, thrown, or
 * cancelled). The scope is built only on what exists: tasks, their JoinHandle cancellation and
 * the Context flag; no thread, no queue of its own.
 *
 * <p>Invariants:
 * <ul>
 *   <li>the scope's future completes only when its body is done, no child is live, and every
 *       child's task is complete (a child reports its end from its task's last poll, a moment
 *       before the task sets COMPLETE; the scope waits for that too);
 *   <li>the first failure is kept as the original object and never replaced; later ones are
 *       suppressed by it, never itself; CancellationExceptions are not failures of a child;
 *   <li>spawn after the scope closed throws; a spawn while the scope is cancelling is
 *       cancelled at once, so no child escapes a cancellation that raced with its spawn;
 *   <li>an idle child is cancelled on the canceller's thread ({@code Task.cancelNow}: the
 *       cancel transition hands it the task's SCHEDULED bit), so its finally blocks have run
 *       when the scope's cancel returns; a child being polled elsewhere is waited for; the
 *       future of a child in a run queue (whose next run can only be its cancellation) is
 *       cancelled by the scope in place, its task completing when taken; a failing scope, which
 *       need not block, lets queued children be cancelled when taken and waits for them.
 * </ul>
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): above {@code
 * internal.task}, {@code internal.coroutine} and {@code internal.context}; below {@code
 * internal.scheduler}.
 */
package dev.weft.internal.scope;
