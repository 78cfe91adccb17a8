package dev.weft.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How {@link WeftExtension} builds the {@code AsyncRuntime} of a test: on a test method, or on
 * its class (for every test in it; a method's own annotation wins). It registers the extension
 * itself, so {@code @WeftTest} alone is enough; it does not make a method a test ({@code @Test}
 * still does). Without it, a test gets a current-thread runtime.
 *
 * <pre>{@code
 * @Test
 * @WeftTest(flavor = WeftTest.Flavor.MULTI_THREAD, workers = 2)
 * void parallel(AsyncRuntime rt) { ... }
 * }</pre>
 *
 * <pre>{@code
 * @Test
 * @WeftTest(virtualTime = true)
 * void timesOut(AsyncRuntime rt) {   // takes milliseconds of wall time
 *     assertThrows(TimeoutException.class, () -> rt.blockOn(Async.timeout(Duration.ofHours(1), neverReplies())));
 * }
 * }</pre>
 *
 * <p>Options are elements with defaults, so new ones can be added without breaking tests
 * compiled against this one.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(WeftExtension.class)
public @interface WeftTest {

    /** Which executor the runtime uses. */
    enum Flavor {
        /** {@code AsyncRuntime.currentThread()}: tasks run only inside blockOn, on the test's thread. */
        CURRENT_THREAD,
        /** {@code AsyncRuntime.builder()}: work-stealing workers ({@link #workers()} of them). */
        MULTI_THREAD
    }

    /** The executor; current-thread by default (deterministic, like {@code #[tokio::test]}). */
    Flavor flavor() default Flavor.CURRENT_THREAD;

    /** Worker threads of a {@link Flavor#MULTI_THREAD} runtime; 0 (the default) means one per core. */
    int workers() default 0;

    /**
     * The runtime runs on virtual time ({@code AsyncRuntime.Builder.virtualTime()}): its clock
     * jumps to the next timer deadline whenever every task is idle, so sleeps and timeouts take
     * no wall time and fire in a deterministic order; sockets are refused. Either flavor.
     */
    boolean virtualTime() default false;
}
