package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.check.Rejection;
import dev.weft.agent.testkit.WeavingLoader;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact rejection messages, thrown at call time; the rest of the class still woven. */
class RejectionTest {

    private static final String CLS = "dev.weft.agent.samples.Rejected";

    /** The line of the unique source text {@code marker} in Rejected.java. */
    private static int line(String marker) throws IOException {
        List<String> lines =
                Files.readAllLines(Path.of("src/test/java/dev/weft/agent/samples/Rejected.java"));
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                assertEquals(-1, found, "marker not unique: " + marker);
                found = i + 1;
            }
        }
        return found;
    }

    private static String msg(String method, String marker, String reason) throws IOException {
        return CLS + "." + method + "(Rejected.java:" + line(marker) + "): " + reason;
    }

    @Test
    void everyRejectionIsReportedExactly() throws Exception {
        SampleRunner.sample("Rejected");
        List<String> got = new ArrayList<>();
        for (Rejection r : SampleRunner.LOADER.woven.get(CLS).rejections) {
            got.add(r.message);
        }
        List<String> expected =
                List.of(
                        msg("<init>", "await(Leaf.of(x))", Rejection.CONSTRUCTOR),
                        msg("syncBlock", "await(Leaf.of(1))", Rejection.SYNCHRONIZED_BLOCK),
                        msg("syncMethod", "await(Leaf.of(2))", Rejection.SYNCHRONIZED_METHOD),
                        msg("wrongReturn", "await(Leaf.of(3))", Rejection.NOT_A_FUTURE),
                        msg(
                                "yieldOutside",
                                "Generator.yield(1)",
                                Rejection.YIELD_OUTSIDE_GENERATOR),
                        msg("awaitInGenerator", "await(Leaf.of(4))", Rejection.AWAIT_IN_GENERATOR),
                        msg("<clinit>", "await(Leaf.of(7))", Rejection.STATIC_INITIALIZER),
                        msg("voidMethod", "await(Leaf.of(8))", Rejection.VOID_METHOD),
                        msg("jdkFuture", "await(Leaf.of(9))", Rejection.JDK_FUTURE),
                        "in a lambda in "
                                + msg("lambdaInStream", "await(Leaf.of(x + 10))", Rejection.LAMBDA),
                        "in a lambda in "
                                + msg("nestedLambda", "await(Leaf.of(x + 20))", Rejection.LAMBDA),
                        "in a lambda in "
                                + msg("forEachLambda", "await(Leaf.of(x + 30))", Rejection.LAMBDA));
        assertEquals(expected.size(), got.size(), String.join("\n", got));
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(got));
        assertEquals(
                "dev.weft.agent.samples.Rejected.syncBlock(Rejected.java:"
                        + line("await(Leaf.of(1))")
                        + "): await inside a synchronized block: a monitor cannot be held across a suspension;"
                        + " use dev.weft.sync.Mutex instead (try (var guard = await(mutex.lock())) { ... })",
                expected.get(1));
        for (String m : got) {
            assertFalse(m.contains("lambda$"), "a synthetic name in: " + m);
        }
    }

    /** Each rejection names the fix; pinned here word for word so a rewording is a decision. */
    @Test
    void rejectionsSuggestTheFix() {
        assertTrue(
                Rejection.JDK_FUTURE.contains("did you mean dev.weft.Future?"),
                Rejection.JDK_FUTURE);
        assertTrue(
                Rejection.SYNCHRONIZED_BLOCK.contains("dev.weft.sync.Mutex"),
                Rejection.SYNCHRONIZED_BLOCK);
        assertTrue(
                Rejection.SYNCHRONIZED_METHOD.contains("dev.weft.sync.Mutex"),
                Rejection.SYNCHRONIZED_METHOD);
        assertTrue(Rejection.VOID_METHOD.contains("return Future<Void>"), Rejection.VOID_METHOD);
        assertTrue(Rejection.CONSTRUCTOR.contains("static async factory"), Rejection.CONSTRUCTOR);
        assertEquals(
                "the lambda's target type must return a future (for example Supplier<Future<T>>);"
                        + " a Function<T,R> passed to a stream cannot await",
                Rejection.LAMBDA);
    }

    @Test
    void aLambdaIsNamedByItsEnclosingMethodWhenCalled() throws Throwable {
        Class<?> c = SampleRunner.sample("Rejected");
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> call(c, null, "lambdaInStream"));
        assertEquals(
                "in a lambda in "
                        + msg("lambdaInStream", "await(Leaf.of(x + 10))", Rejection.LAMBDA),
                e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> call(c, null, "voidMethod"));
        assertEquals(msg("voidMethod", "await(Leaf.of(8))", Rejection.VOID_METHOD), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> call(c, null, "jdkFuture"));
        assertEquals(msg("jdkFuture", "await(Leaf.of(9))", Rejection.JDK_FUTURE), e.getMessage());
    }

    @Test
    void rejectedMethodsThrowTheMessageAndTheRestWorks() throws Throwable {
        Class<?> c = SampleRunner.sample("Rejected");
        Object ok = c.getConstructor().newInstance();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> call(c, ok, "syncBlock"));
        assertEquals(
                msg("syncBlock", "await(Leaf.of(1))", Rejection.SYNCHRONIZED_BLOCK),
                e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> call(c, ok, "syncMethod"));
        assertEquals(
                msg("syncMethod", "await(Leaf.of(2))", Rejection.SYNCHRONIZED_METHOD),
                e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> call(c, null, "wrongReturn"));
        assertEquals(
                msg("wrongReturn", "await(Leaf.of(3))", Rejection.NOT_A_FUTURE), e.getMessage());
        e =
                assertThrows(
                        IllegalStateException.class,
                        () -> unwrap(() -> c.getConstructor(int.class).newInstance(1)));
        assertEquals(msg("<init>", "await(Leaf.of(x))", Rejection.CONSTRUCTOR), e.getMessage());
        for (boolean pending : new boolean[] {false, true}) {
            assertEquals("fine5", SampleRunner.run(pending, "Rejected", "fine"));
            SampleRunner.mode(pending);
            try {
                assertEquals(6, SampleRunner.complete(call(c, ok, "afterSyncBlock")));
            } finally {
                SampleRunner.mode(false);
            }
        }
    }

    private interface Call {
        Object call() throws Exception;
    }

    private static Object unwrap(Call call) throws Throwable {
        try {
            return call.call();
        } catch (InvocationTargetException x) {
            throw x.getCause();
        }
    }

    private static Object call(Class<?> c, Object target, String name) throws Throwable {
        return unwrap(() -> c.getMethod(name).invoke(target));
    }

    static WeavingLoader loader() {
        return SampleRunner.LOADER;
    }
}
