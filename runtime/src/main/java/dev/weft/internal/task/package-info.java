/**
 * Tasks: one {@link dev.weft.internal.task.Task} per spawned future, which is at once its
 * waker, its JoinHandle, the cancel signal of its Context (a
 * {@link dev.weft.internal.context.ContextSource}: the Context holds only the task) and, once
 * complete, its own ready Poll. Internal use only.
 *
 * <p>Size (issue 8): an idle task is the Task (48 bytes) and its Context (16 bytes), plus what
 * its future holds. What keeps it there: the future and the outcome share one field (the
 * outcome replaces the future at completion), the live-task list's stripe sits in the state
 * word's high bits, the run queues are intrusive (one link in the task), and joining a complete
 * task returns the task itself as the ready poll.
 *
 * <p>The state word ({@link dev.weft.internal.task.TaskState}, after Tokio's
 * {@code task/state.rs}):
 * <pre>
 *  bit   31..8          4           3          2          1          0
 *      | stripe + 1 | | CANCELLED | COMPLETE | NOTIFIED | RUNNING  | SCHEDULED |
 * </pre>
 * The stripe bits are written once (by the live-task list's add, before the task is shared) and
 * kept by every transition.
 * All transitions are CAS loops in named methods returning what the caller must do.
 * SCHEDULED and RUNNING exclude each other; COMPLETE and CANCELLED, once set, are never unset;
 * NOTIFIED exists only together with RUNNING.
 *
 * <p>Run protocol (the executor, for each task it takes from a run queue):
 * <ol>
 *   <li>{@code transitionToRunning}: SCHEDULED -> RUNNING. If CANCELLED is set, go to 5.
 *   <li>poll the future with the task's Context. Ready or thrown: go to 6. (A chain of
 *       suspended lazy frames resumes at its innermost frame and completes in a loop, inside
 *       {@code Coroutine.poll}.)
 *   <li>{@code transitionToIdle}: CANCELLED set -> go to 5 (on this thread, no re-queue);
 *       NOTIFIED set (woken during the poll) -> SCHEDULED and re-queue, once; else idle.
 *   <li>(a wake of an idle task: idle -> SCHEDULED and the waker enqueues it; of a scheduled or
 *       notified task: nothing; of a running one: NOTIFIED.)
 *   <li>cancel: call {@code future.cancel()} on this thread, complete with CancellationException.
 *   <li>complete: store the outcome, set COMPLETE (the release that publishes it), leave the
 *       runtime's live-task list, wake the joiner, complete the CompletableFuture view.
 * </ol>
 * Without step 3's re-queue a wake during the poll would be lost (the waker saw RUNNING and did
 * not enqueue); without SCHEDULED's "wakes do nothing" N wakes would enqueue N times and two
 * workers could poll one task at once.
 *
 * <p>Cancel protocol: {@code JoinHandle.cancel()} sets CANCELLED and, if the task is idle,
 * schedules it; the task's Context reports cancelled from then on, so a poll already running
 * sees it at its pending await. Awaiting a JoinHandle and being cancelled cancels that handle
 * (the woven await calls {@code cancel()} on what it awaited), which aborts the awaited task.
 * {@code Task.cancelNow()} (structured concurrency) is the same transition, except that for an
 * idle task the canceller keeps the SCHEDULED bit it was handed and runs step 5 itself, on its
 * own thread, instead of queueing the task: still one poller, and no queue holds the task.
 *
 * <p>Tasks reach their scheduler only through {@link dev.weft.internal.task.Schedule}. The
 * scheduler may link a SCHEDULED task into an intrusive queue through
 * {@code Task.queueNext} (one link: a task is in at most one queue); the live-task list
 * ({@link dev.weft.internal.task.TaskList}) is striped by spawning thread so spawns and
 * completions on different workers do not contend.
 *
 * <p>Cooperative budget ({@link dev.weft.internal.context.Coop}): the counter lives in the worker
 * thread ({@code WorkerThread}); leaf futures call {@code Coop.proceed(cx)} and answer Pending
 * (after waking the task) once 128 operations were completed in one poll. Threads that are not
 * worker threads have no budget.
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): above {@code
 * internal.coroutine} and {@code internal.context}; a task reaches its scheduler only through
 * {@code Schedule} and its runtime through {@code RuntimeHandle}, so it never names a scheduler,
 * a driver or a future of {@code internal.future}.
 */
package dev.weft.internal.task;
