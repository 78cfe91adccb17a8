package dev.weft.junit;

import dev.weft.AsyncRuntime;
import dev.weft.internal.scheduler.LiveTasks;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests a weft runtime. Jupiter test methods return {@code void}, so
 * instead of running the test as a future the extension hands it the runtime:
 *
 * <pre>{@code
 * @ExtendWith(WeftExtension.class)
 * class FetchTest {
 *     @Test
 *     void fetches(AsyncRuntime rt) {
 *         assertEquals("ok", rt.blockOn(client.fetch("/ok")));
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>A parameter of type {@code AsyncRuntime} (of a test method, or of its
 *       {@code @BeforeEach}/{@code @AfterEach} methods, which share the test's runtime) gets a
 *       fresh runtime per test, configured by {@link WeftTest} (current-thread by default;
 *       {@code @WeftTest(virtualTime = true)} for a virtual clock).
 *   <li>After the test (after its {@code @AfterEach} methods) the runtime is closed, whatever the
 *       outcome.
 *   <li>A test that leaves tasks running (neither complete nor cancelled) fails, naming each
 *       task's future and the line that spawned it. Await or cancel what you spawn.
 * </ul>
 */
public final class WeftExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(WeftExtension.class);

    /** Key of the test's runtime in the test method's store. */
    private static final String RUNTIME = "runtime";

    public WeftExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AsyncRuntime.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(
                    "WeftExtension: an AsyncRuntime parameter of "
                            + parameter.getDeclaringExecutable()
                            + " cannot be resolved: the runtime lives for one test,"
                            + " so only test methods and their @BeforeEach/@AfterEach methods can receive it");
        }
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(RUNTIME, key -> open(context), AsyncRuntime.class);
    }

    /** Closes the test's runtime; fails the test when tasks were still running. */
    @Override
    public void afterEach(ExtensionContext context) {
        AsyncRuntime rt = context.getStore(NAMESPACE).remove(RUNTIME, AsyncRuntime.class);
        if (rt == null) {
            return;
        }
        List<LiveTasks.LiveTask> leaked;
        try {
            leaked = LiveTasks.of(rt);
        } finally {
            rt.close();
        }
        if (!leaked.isEmpty()) {
            throw new AssertionError(leakMessage(context, leaked));
        }
    }

    private static AsyncRuntime open(ExtensionContext context) {
        Method test = context.getRequiredTestMethod();
        WeftTest options =
                find(test).or(() -> findOnClass(context.getRequiredTestClass())).orElse(null);
        AsyncRuntime rt;
        if (options == null || options.flavor() == WeftTest.Flavor.CURRENT_THREAD) {
            if (options != null && options.workers() != 0) {
                throw new ParameterResolutionException(
                        name(context)
                                + ": @WeftTest(workers = "
                                + options.workers()
                                + ") needs flavor = MULTI_THREAD (a current-thread runtime has no workers)");
            }
            rt =
                    options != null && options.virtualTime()
                            ? AsyncRuntime.builder().currentThread().virtualTime().build()
                            : AsyncRuntime.currentThread();
        } else {
            AsyncRuntime.Builder b =
                    AsyncRuntime.builder().threadNamePrefix("weft-test-" + test.getName() + "-");
            if (options.virtualTime()) {
                b.virtualTime();
            }
            if (options.workers() < 0) {
                throw new ParameterResolutionException(
                        name(context)
                                + ": @WeftTest(workers = "
                                + options.workers()
                                + "): workers must be >= 1, or 0 for one per core");
            }
            if (options.workers() > 0) {
                b.workers(options.workers());
            }
            rt = b.build();
        }
        // before the runtime reaches the test: every spawn from here on records its line
        LiveTasks.recordSpawnSites(rt);
        return rt;
    }

    private static Optional<WeftTest> find(AnnotatedElement element) {
        return Optional.ofNullable(element.getAnnotation(WeftTest.class));
    }

    /** The class's own (or inherited) annotation, else that of an enclosing class (@Nested tests). */
    private static Optional<WeftTest> findOnClass(Class<?> c) {
        for (; c != null; c = c.getEnclosingClass()) {
            Optional<WeftTest> found = find(c);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static String name(ExtensionContext context) {
        return context.getRequiredTestClass().getName()
                + "."
                + context.getRequiredTestMethod().getName();
    }

    private static String leakMessage(ExtensionContext context, List<LiveTasks.LiveTask> leaked) {
        StringBuilder b =
                new StringBuilder(name(context))
                        .append(" left ")
                        .append(leaked.size())
                        .append(leaked.size() == 1 ? " task" : " tasks")
                        .append(
                                " running (cancelled now, as the runtime closed); await or cancel every task a test spawns:");
        for (LiveTasks.LiveTask t : leaked) {
            b.append("\n  ")
                    .append(t.future())
                    .append(" spawned at ")
                    .append(t.spawnSite() == null ? "(unknown)" : t.spawnSite());
        }
        return b.toString();
    }
}
