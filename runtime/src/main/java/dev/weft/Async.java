package dev.weft;

import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.coroutine.NotWoven;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * The entry points of async code: {@code await} (a suspension point, rewritten by the weaver),
 * spawning, and the runtime's basic leaf futures.
 *
 * <pre>{@code
 * import static dev.weft.Async.await;
 *
 * static Future<String> slowHello(String name) throws TimeoutException {
 *     await(Async.sleep(Duration.ofMillis(100)));
 *     JoinHandle<String> greeting = Async.spawn(lookUpGreeting(name)); // runs concurrently
 *     String text = await(Async.timeout(Duration.ofSeconds(1), greeting));
 *     return Future.ready(text + ", " + name);
 * }
 * }</pre>
 */
public final class Async {

    private Async() {}

    /**
     * Suspends the enclosing async method until {@code future} is ready and returns its value,
     * or throws its exception (the original object, checked ones too). A ready future is not
     * suspended on and nothing is allocated.
     *
     * <pre>{@code
     * static Future<String> greet() {
     *     await(Async.sleep(Duration.ofMillis(200)));   // suspends; no thread is blocked
     *     String name = await(loadName());               // another async method
     *     return Future.ready("hello " + name);
     * }
     * }</pre>
     *
     * <h4>Where await is allowed</h4>
     * The weaver rewrites every method whose body calls {@code await}. It accepts the call in a
     * method whose declared return type is
     * <ul>
     *   <li>{@link Future dev.weft.Future}: a lazy method, nothing of its body runs before the
     *       returned future is first polled;
     *   <li>{@link java.util.concurrent.CompletableFuture}, a subclass of it with an accessible
     *       no-argument constructor, or {@link CompletionStage}: an eager method, its body runs on
     *       the caller's thread up to the first pending await.
     * </ul>
     * Everywhere else the method is rejected at weave time with a message naming
     * {@code Class.method(File.java:line)}, logged when the class loads; calling it throws
     * IllegalStateException with the same message:
     * <ul>
     *   <li>a method returning anything else ({@code void}, {@code String},
     *       {@code java.util.concurrent.Future}, ...): declare {@code dev.weft.Future<T>}, or
     *       {@code Future<Void>} for a method that returns nothing;
     *   <li>a {@code synchronized} method or block: a monitor cannot be held across a suspension
     *       (the task may resume on another thread); use {@link dev.weft.sync.Mutex};
     *   <li>a constructor or static initializer: write a static async factory method;
     *   <li>a lambda is a method of its own: it may await only when its functional interface
     *       returns a future, as in {@code Supplier<Future<T>>}; the lambda of a
     *       {@code Function<T, R>} passed to a stream cannot.
     * </ul>
     * In code that was not woven (no {@code -javaagent:weft-agent.jar}, no build-time weaving)
     * await throws IllegalStateException saying how to enable weaving: weft never falls back to
     * blocking a thread.
     *
     * <h4>Checked exceptions</h4>
     * Exceptions come out of await as the original object, but javac only knows what the
     * expression inside declares: {@code catch (IOException e)} compiles when the method that
     * created the future declares {@code throws IOException}, as weft's socket factories and
     * {@link #timeout} do. For a future whose creator does not declare it (a
     * {@code CompletionStage} from a library, a future stored in a field), name the type with
     * {@link #await(Future, Class)}:
     * <pre>{@code
     * try {
     *     HttpResponse<String> r = await(client.sendAsync(request, ofString()), IOException.class);
     * } catch (IOException e) {
     *     ...
     * }
     * }</pre>
     *
     * @param future the future to wait for
     * @param <T> the type of its value
     * @return the future's value
     * @throws IllegalStateException when the calling method was not woven
     */
    public static <T> T await(Future<T> future) {
        throw NotWoven.await();
    }

    /**
     * As {@link #await(Future)}, for a CompletionStage (see {@link Future#of}).
     *
     * @param stage the stage to wait for
     * @param <T> the type of its value
     * @return the stage's value
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw NotWoven.await();
    }

    /**
     * The same suspension point as {@link #await(Future)}, declaring {@code X} so that
     * {@code catch (X e)} compiles around it. The class argument is only for javac: the weaver
     * drops it, so this form costs exactly what {@code await(future)} costs, and a failure of
     * any other type still comes out as the original object.
     *
     * <pre>{@code
     * try {
     *     String line = await(reader.nextLine(), IOException.class);
     * } catch (IOException e) {
     *     ...
     * }
     * }</pre>
     *
     * @param future the future to wait for
     * @param mayThrow a checked exception type the future can fail with
     * @param <T> the type of its value
     * @param <X> the declared exception type
     * @return the future's value
     * @throws X when the future fails with it (as every other failure, the original object)
     */
    public static <T, X extends Throwable> T await(Future<T> future, Class<X> mayThrow) throws X {
        throw NotWoven.await();
    }

    /**
     * As {@link #await(Future, Class)}, for a CompletionStage: the same suspension point as
     * {@link #await(CompletionStage)}.
     *
     * <pre>{@code
     * HttpResponse<String> r = await(client.sendAsync(request, ofString()), IOException.class);
     * }</pre>
     *
     * @param stage the stage to wait for
     * @param mayThrow a checked exception type the stage can fail with
     * @param <T> the type of its value
     * @param <X> the declared exception type
     * @return the stage's value
     * @throws X when the stage fails with it (as every other failure, the original object)
     */
    public static <T, X extends Throwable> T await(CompletionStage<T> stage, Class<X> mayThrow)
            throws X {
        throw NotWoven.await();
    }

    /**
     * Spawns {@code future} as a task on the runtime of the current thread.
     *
     * <pre>{@code
     * JoinHandle<Integer> h = Async.spawn(count(words)); // starts now, on any worker
     * doSomethingElse();
     * int n = await(h);
     * }</pre>
     *
     * @param future the future to run as a task of its own
     * @param <T> the type of its value
     * @return the task's handle
     * @throws IllegalStateException when the current thread belongs to no runtime
     */
    public static <T> JoinHandle<T> spawn(Future<T> future) {
        return RuntimeHandle.require("Async.spawn").spawn(future);
    }

    /**
     * A leaf future that becomes ready once {@code duration} has elapsed; no thread is blocked.
     *
     * <pre>{@code
     * await(Async.sleep(Duration.ofMillis(200)));
     * }</pre>
     *
     * @param duration how long to wait (rounded up to the timer's 1 ms tick)
     * @return a future completing with null after {@code duration}
     */
    public static Future<Void> sleep(Duration duration) {
        return dev.weft.internal.future.Sleep.of(duration);
    }

    /**
     * Pending once, waking itself at once: lets other tasks run before this one goes on.
     *
     * <pre>{@code
     * for (Item item : items) {
     *     process(item);
     *     await(Async.yieldNow()); // a long loop that never waits otherwise
     * }
     * }</pre>
     *
     * @return a future that is pending on its first poll and ready on the next
     */
    public static Future<Void> yieldNow() {
        return new dev.weft.internal.future.YieldNow();
    }

    /**
     * {@code future}, unless {@code limit} elapses first: then the inner future is cancelled
     * (its finally blocks run) and this one fails with {@link TimeoutException}.
     *
     * <pre>{@code
     * try {
     *     String v = await(Async.timeout(Duration.ofSeconds(2), fetch()));
     * } catch (TimeoutException e) {
     *     ...
     * }
     * }</pre>
     *
     * @param limit how long to wait for {@code future}
     * @param future the future to wait for
     * @param <T> the type of its value
     * @return a future with the value or failure of {@code future}, or failing with TimeoutException
     * @throws TimeoutException never by this call: declared (as the socket factories declare
     *     IOException) so that {@code catch (TimeoutException e)} around the await compiles
     */
    public static <T> Future<T> timeout(Duration limit, Future<T> future) throws TimeoutException {
        return new dev.weft.internal.future.Timeout<>(limit, future);
    }

    /**
     * The current runtime's clock, in nanoseconds from an arbitrary origin (the scale of
     * {@link System#nanoTime()}): the clock its timers ({@link #sleep}, {@link #timeout}) are
     * measured against, so the difference of two readings is the time a sleep would see pass.
     * Outside a runtime it is {@code System.nanoTime()}, the clock of the shared timer that
     * sleeps use there.
     *
     * <pre>{@code
     * long start = Async.nanoTime();
     * await(work());
     * Duration took = Duration.ofNanos(Async.nanoTime() - start);
     * }</pre>
     *
     * @return the current reading of the runtime's monotonic clock
     */
    public static long nanoTime() {
        RuntimeHandle h = RuntimeHandle.current();
        return h != null ? h.timers().nanoTime() : System.nanoTime();
    }

    /**
     * Runs blocking {@code work} (JDBC, files, DNS) on weft's blocking pool, never on a worker;
     * the returned future completes with its result or exception.
     *
     * <pre>{@code
     * byte[] data = await(Async.spawnBlocking(() -> Files.readAllBytes(path)));
     * }</pre>
     *
     * @param work the blocking call
     * @param <T> the type of its result
     * @return a future of the call's result
     */
    public static <T> Future<T> spawnBlocking(Callable<T> work) {
        return dev.weft.internal.blocking.BlockingPool.submit(work);
    }
}
