/**
 * Tasks: one {@link dev.weft.internal.task.Task} per spawned future, which is at once its
 * waker, its JoinHandle and the cancel signal of its Context. Internal use only.
 *
 * <p>The state word ({@link dev.weft.internal.task.TaskState}, after Tokio's
 * {@code task/state.rs}):
 * <pre>
 *  bit   4           3          2          1          0
 *      | CANCELLED | COMPLETE | NOTIFIED | RUNNING  | SCHEDULED |
 * </pre>
 * All transitions are CAS loops in named methods returning what the caller must do.
 * SCHEDULED and RUNNING exclude each other; COMPLETE and CANCELLED, once set, are never unset;
 * NOTIFIED exists only together with RUNNING.
 *
 * <p>Run protocol (the executor, for each task it takes from a run queue):
 * <ol>
 *   <li>{@code transitionToRunning}: SCHEDULED -> RUNNING. If CANCELLED is set, go to 5.
 *   <li>poll the future with the task's Context. Ready or thrown: go to 6.
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
 *
 * <p>Tasks reach their scheduler only through {@link dev.weft.internal.task.Schedule}.
 */
package dev.weft.internal.task;
