package dev.weft;

import dev.weft.internal.scope.ChildTasks;
import dev.weft.internal.scope.ScopeFuture;
import java.util.Objects;
import java.util.function.Function;

/**
 * Structured concurrency: tasks spawned through a scope never outlive it (kotlinx's
 * {@code coroutineScope}, Java's {@code StructuredTaskScope}, Tokio's {@code JoinSet}).
 *
 * <pre>{@code
 * static Future<Page> loadPage(long id) {
 *     return Scope.run(scope -> assemble(scope, id));
 * }
 *
 * static Future<Page> assemble(Scope scope, long id) {
 *     JoinHandle<User> user = scope.spawn(loadUser(id));          // both run concurrently
 *     JoinHandle<List<Order>> orders = scope.spawn(loadOrders(id));
 *     return Future.ready(new Page(await(user), await(orders)));
 * }   // if loadOrders fails, loadUser is cancelled and the failure comes out of await(loadPage(id))
 * }</pre>
 *
 * <p>The rules:
 * <ul>
 *   <li><b>Lazy.</b> {@link #run} runs nothing; the first poll of the returned future (its
 *       first await) applies the body function and polls the body's future, with the
 *       awaiter's own context.
 *   <li><b>Children.</b> {@link #spawn} starts a task on the current runtime, as
 *       {@link Async#spawn} does; the body may await its handle as any other. A child may spawn
 *       further children into the same scope while the scope runs.
 *   <li><b>Completion.</b> The scope's future completes with the body's value only once every
 *       child has finished: its task is complete, so the runtime no longer counts it as live.
 *   <li><b>Failure.</b> The first failure, of the body or of a child, cancels everything still
 *       running in the scope (their {@code finally} blocks run) and is rethrown, once every
 *       child has ended, as the original object. Later failures (another child failing, a
 *       {@code finally} block throwing while cancelled) are added to it as suppressed; the
 *       CancellationExceptions of the scope's own cancelling are not failures, and a failure is
 *       never added to itself. A child that fails still fails the scope when the body awaited
 *       its handle and caught the exception, as in kotlinx (StructuredTaskScope's default
 *       joiner, too, fails on any failed subtask): handle a failure inside the child's own
 *       future when it must not end the scope. A child that ends with CancellationException
 *       (cancelled through its handle) is no failure.
 *   <li><b>Cancellation.</b> Cancelling the scope's future (its awaiter is cancelled, a
 *       {@link Async#timeout} around it expires, a {@link Futures#race} drops it) cancels every
 *       child and then the body; their {@code finally} blocks have run when it returns. (A
 *       child waiting in a run queue at that moment is cancelled on the canceller's thread;
 *       its task then reports done as soon as a worker takes it from the queue.)
 *   <li><b>After the end.</b> {@link #spawn} on a scope whose future has completed or was
 *       cancelled throws IllegalStateException.
 * </ul>
 */
public final class Scope {

    private final ChildTasks children;

    private Scope(ChildTasks children) {
        this.children = children;
    }

    /**
     * A future that runs {@code body} with a new scope and completes with the body's value once
     * every task spawned through that scope has finished; see the class comment for failure
     * and cancellation.
     *
     * <pre>{@code
     * int total = await(Scope.run(scope -> {
     *     JoinHandle<Integer> a = scope.spawn(count(left));
     *     JoinHandle<Integer> b = scope.spawn(count(right));
     *     return sum(a, b);   // an async method awaiting both handles
     * }));
     * }</pre>
     *
     * @param body receives the scope and returns the body's future (typically an async method's)
     * @param <T> the type of the body's value
     * @return a lazy future of the body's value
     */
    public static <T> Future<T> run(Function<Scope, Future<T>> body) {
        Objects.requireNonNull(body, "body");
        ChildTasks children = new ChildTasks();
        return new ScopeFuture<>(body, new Scope(children), children);
    }

    /**
     * Spawns {@code future} as a task of this scope, on the current runtime: it starts at once
     * and runs concurrently with the body; the scope waits for it, and cancels it when the
     * scope fails or is cancelled.
     *
     * <pre>{@code
     * JoinHandle<User> user = scope.spawn(loadUser(id));
     * }</pre>
     *
     * @param future the child's future
     * @param <T> the type of its value
     * @return the child's handle; awaiting it works as for {@link Async#spawn}
     * @throws IllegalStateException when the scope has already ended, or the current thread
     *     belongs to no runtime
     */
    public <T> JoinHandle<T> spawn(Future<T> future) {
        return children.spawn(future);
    }
}
