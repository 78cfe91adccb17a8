package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.Future;
import dev.weft.it.rejected.Rejected;
import dev.weft.it.rejected.RejectedConstructor;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Methods the weaver must refuse: calling them throws IllegalStateException with exactly
 * {@code <fqcn>.<method>(<File>.java:<line>): <reason>}; their classes otherwise work.
 */
class RejectionTest {

    private static final String PKG = "dev.weft.it.rejected.";

    static String expected(String simpleClass, String method, String reason) {
        int line =
                SourceLines.lineOf(
                        "dev/weft/it/rejected/" + simpleClass + ".java", "// REJECT " + method);
        return PKG
                + simpleClass
                + "."
                + method
                + "("
                + simpleClass
                + ".java:"
                + line
                + "): "
                + reason;
    }

    static final String SYNC_BLOCK =
            "await inside a synchronized block: a monitor cannot be held across a"
                    + " suspension; use dev.weft.sync.Mutex instead (try (var guard = await(mutex.lock())) { ... })";
    static final String SYNC_METHOD =
            "await in a synchronized method: a monitor cannot be held across a"
                    + " suspension; drop synchronized and use dev.weft.sync.Mutex (try (var guard = await(mutex.lock())) { ... })";
    static final String CONSTRUCTOR =
            "await in a constructor: a constructor cannot suspend; use a static async"
                    + " factory instead (static Future<T> create() { var x = await(...); return Future.ready(new T(x)); })";
    static final String VOID_METHOD =
            "await in a void method: return Future<Void> instead (declare Future<Void> and end with return Future.done();)";
    static final String JDK_FUTURE =
            "await in a method returning java.util.concurrent.Future: did you mean"
                    + " dev.weft.Future? (weft weaves methods returning dev.weft.Future, CompletableFuture or CompletionStage)";
    static final String LAMBDA =
            "the lambda's target type must return a future (for example Supplier<Future<T>>);"
                    + " a Function<T,R> passed to a stream cannot await";

    static void assertRejected(String expectedMessage, Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call);
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void awaitInsideASynchronizedBlock() {
        assertRejected(
                expected("Rejected", "syncBlock", SYNC_BLOCK), () -> new Rejected().syncBlock());
    }

    @Test
    void awaitInASynchronizedMethod() {
        assertRejected(expected("Rejected", "syncMethod", SYNC_METHOD), Rejected::syncMethod);
    }

    private static final String NOT_FUTURE =
            "await in a method whose return type is not Future, CompletableFuture or CompletionStage";

    @Test
    void awaitInAMethodReturningANonFutureType() {
        assertRejected(expected("Rejected", "notAFuture", NOT_FUTURE), Rejected::notAFuture);
    }

    @Test
    void awaitInAVoidMethodSuggestsFutureOfVoid() {
        assertRejected(expected("Rejected", "voidMethod", VOID_METHOD), Rejected::voidMethod);
    }

    @Test
    void awaitInAMethodReturningTheJdksFutureAsksForDevWeftFuture() {
        assertRejected(expected("Rejected", "jdkFuture", JDK_FUTURE), Rejected::jdkFuture);
    }

    @Test
    void awaitInAStreamLambdaNamesTheEnclosingMethodNotTheSyntheticOne() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, Rejected::lambdaInStream);
        assertEquals(
                "in a lambda in " + expected("Rejected", "lambdaInStream", LAMBDA), e.getMessage());
        assertTrue(!e.getMessage().contains("lambda$"), e.getMessage());
    }

    @Test
    void yieldOutsideAGenerator() {
        assertRejected(
                expected(
                        "Rejected",
                        "yieldOutsideGenerator",
                        "Generator.yield in a method whose return type is not Generator (declare Generator<T> to yield,"
                                + " or AsyncStream<T> to yield and await: an async generator)"),
                Rejected::yieldOutsideGenerator);
    }

    @Test
    void awaitInAGenerator() {
        assertRejected(
                expected(
                        "Rejected",
                        "awaitInGenerator",
                        "await in a generator (a method returning Generator cannot await): declare AsyncStream<T> instead,"
                                + " an async generator that may await and yield"
                                + " (consume it with while (await(s.hasNext())) { var x = s.next(); ... })"),
                Rejected::awaitInGenerator);
    }

    @BothModes
    void theRestOfARejectedClassIsWovenAndWorks(Mode mode) {
        assertEquals(6, Drive.value(mode, () -> Rejected.fine(5)));
        assertEquals(8, Drive.value(mode, () -> new Rejected().syncBeforeAwait()));
        assertEquals(6, new Rejected().plainSynchronized());
        assertEquals(List.of("a", "b"), Rejected.fineGenerator().stream().toList());
    }

    @Test
    void awaitInAConstructor() {
        assertRejected(
                expected("RejectedConstructor", "<init>", CONSTRUCTOR), RejectedConstructor::new);
    }

    @BothModes
    void theRestOfAClassWithARejectedConstructorWorks(Mode mode) {
        assertEquals(5, Drive.value(mode, () -> new RejectedConstructor(2).plus(3)));
    }

    @Test
    void awaitInAStaticInitializer() {
        ExceptionInInitializerError e =
                assertThrows(
                        ExceptionInInitializerError.class,
                        () ->
                                Class.forName(
                                        PKG + "RejectedStaticInit",
                                        true,
                                        getClass().getClassLoader()));
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(
                expected("RejectedStaticInit", "<clinit>", "await in a static initializer"),
                cause.getMessage());
    }

    @Test
    void rejectionIsLoggedToStandardErrorWhenTheClassLoads() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Class<?> c;
        try {
            c = Class.forName(PKG + "RejectedLogged", true, getClass().getClassLoader());
        } finally {
            System.setErr(original);
        }
        String message = expected("RejectedLogged", "logged", NOT_FUTURE);
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        assertTrue(log.contains("[weft] " + message), "System.err while loading was: " + log);
        InvocationTargetException ite =
                assertThrows(
                        InvocationTargetException.class, () -> c.getMethod("logged").invoke(null));
        assertInstanceOf(IllegalStateException.class, ite.getCause());
        assertEquals(message, ite.getCause().getMessage());
    }

    @Test
    void awaitAsAMethodReferenceThrowsInsteadOfBlocking() {
        Function<Future<Integer>, Integer> await = Async::await;
        Drive.reset(Mode.READY, true);
        // A ready future: a blocking fallback would return 1 instead of throwing.
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> await.apply(Leaf.of(1)));
        assertTrue(e.getMessage().contains("javaagent"), e.getMessage());
    }

    static Future<Integer> awaitViaReference() {
        Function<Future<Integer>, Integer> await = Async::await;
        int direct = Async.await(Leaf.of(1));
        return Future.ready(direct + await.apply(Leaf.of(2)));
    }

    @BothModes
    void awaitMethodReferenceInsideAnAsyncMethodThrowsFromPoll(Mode mode) {
        Drive.reset(mode, true);
        Future<Integer> f = awaitViaReference();
        Throwable t = Drive.poll(f, mode).error();
        assertInstanceOf(IllegalStateException.class, t);
    }
}
