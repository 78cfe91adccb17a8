package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.it.elsewhere.ProtectedTask;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 point 6: eager methods declared to return a CompletableFuture subclass (EA Async's
 * {@code Task<T>}) return an object of that subclass, completed with the value or the original
 * exception; return types weft cannot create are rejected with the reason.
 */
class EagerTaskTest {

    /** EA Async's shape: a public class with a public no-arg constructor. */
    public static class Task<T> extends CompletableFuture<T> {
        public Task() {}

        static <T> Task<T> done(T value) {
            Task<T> t = new Task<>();
            t.complete(value);
            return t;
        }
    }

    /** Package access, from the same package: creatable too. */
    static class LocalTask<T> extends CompletableFuture<T> {
        LocalTask() {}
    }

    public abstract static class AbstractTask<T> extends CompletableFuture<T> {}

    public static class NeedsArgument<T> extends CompletableFuture<T> {
        public NeedsArgument(int ignored) {}
    }

    public static class PrivateTask<T> extends CompletableFuture<T> {
        private PrivateTask() {}
    }

    public interface Stage<T> extends CompletionStage<T> {}

    static Task<Integer> sum(int n) {
        int s = 0;
        for (int i = 1; i <= n; i++) {
            s += await(Leaf.of(i));
        }
        return Task.done(s);
    }

    static Task<String> caught(List<String> log) {
        String r;
        try {
            log.add("try");
            r = await(Leaf.<String>fail(new IllegalArgumentException("leaf failed")));
        } catch (IllegalArgumentException e) {
            r = "caught " + e.getMessage() + " then " + await(Leaf.of("more"));
        } finally {
            log.add("finally");
        }
        return Task.done(r);
    }

    static final IllegalStateException FAILURE = new IllegalStateException("task failure");

    static Task<Integer> fails() {
        await(Leaf.of(1));
        throw FAILURE;
    }

    static Task<Integer> depth(int n) {
        if (n == 0) {
            return Task.done(await(Leaf.of(0)));
        }
        int below = await(depth(n - 1));
        return Task.done(below + await(Leaf.of(1)));
    }

    static LocalTask<String> local() {
        String v = await(Leaf.of("local"));
        LocalTask<String> t = new LocalTask<>();
        t.complete(v);
        return t;
    }

    static AbstractTask<Integer> abstractReturn() {
        await(Leaf.of(1));
        return null;
    }

    static NeedsArgument<Integer> needsArgument() {
        await(Leaf.of(2));
        return null;
    }

    static PrivateTask<Integer> privateConstructor() {
        await(Leaf.of(3));
        return null;
    }

    static ProtectedTask<Integer> protectedElsewhere() {
        await(Leaf.of(4));
        return null;
    }

    static Stage<Integer> stageInterface() {
        await(Leaf.of(5));
        return null;
    }

    /** Calls {@code body}, waking parked leaves until the eager result is done, and checks its class. */
    private static <T> CompletableFuture<T> settle(
            Mode mode, Class<?> type, Supplier<CompletableFuture<T>> body) {
        Drive.reset(mode, true);
        CompletableFuture<T> cf = body.get();
        assertSame(type, cf.getClass(), "the object returned is the declared subclass");
        int rounds = 0;
        while (!cf.isDone()) {
            assertTrue(Drive.wakeParked() > 0, "pending with nothing parked");
            rounds++;
        }
        if (mode == Mode.READY) {
            assertEquals(0, rounds);
        }
        return cf;
    }

    @BothModes
    void aTaskFromALoopCompletesWithTheValue(Mode mode) {
        assertEquals(55, settle(mode, Task.class, () -> sum(10)).join());
    }

    @BothModes
    void aTaskFromTryCatchFinally(Mode mode) {
        List<String> log = new ArrayList<>();
        assertEquals(
                "caught leaf failed then more", settle(mode, Task.class, () -> caught(log)).join());
        assertEquals(List.of("try", "finally"), log);
    }

    @BothModes
    void aFailingTaskCompletesWithTheOriginalException(Mode mode) {
        CompletableFuture<Integer> t = settle(mode, Task.class, EagerTaskTest::fails);
        assertTrue(t.isCompletedExceptionally());
        ExecutionException e = assertThrows(ExecutionException.class, t::get);
        assertSame(FAILURE, e.getCause());
        assertSame(FAILURE, t.handle((v, x) -> x).join());
    }

    @BothModes
    void recursiveTasksAwaitEachOther(Mode mode) {
        assertEquals(50, settle(mode, Task.class, () -> depth(50)).join());
    }

    @BothModes
    void aPackageAccessSubclassFromTheSamePackage(Mode mode) {
        assertEquals("local", settle(mode, LocalTask.class, EagerTaskTest::local).join());
    }

    @Test
    void cancellingTheTaskCancelsTheCoroutine() {
        CompletableFuture<String> gate = new CompletableFuture<>();
        List<String> log = new ArrayList<>();
        Task<String> t = gated(gate, log);
        assertFalse(t.isDone());
        assertTrue(t.cancel(false));
        assertEquals(List.of("cancelled"), log);
        assertTrue(gate.isCancelled(), "the awaited stage is cancelled in turn");
    }

    static Task<String> gated(CompletableFuture<String> gate, List<String> log) {
        try {
            return Task.done(await(gate));
        } catch (java.util.concurrent.CancellationException e) {
            log.add("cancelled");
            throw e;
        }
    }

    private static final String WHY = "await in a method whose return type weft cannot use: ";

    private static void rejected(Supplier<?> call, String reason) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call::get);
        assertTrue(e.getMessage().startsWith("dev.weft.it.EagerTaskTest."), e.getMessage());
        assertTrue(e.getMessage().endsWith(WHY + reason), e.getMessage());
    }

    @Test
    void returnTypesWeftCannotCreateAreRejectedWithTheReason() {
        String p = "dev.weft.it.EagerTaskTest$";
        rejected(
                EagerTaskTest::abstractReturn,
                "the return type "
                        + p
                        + "AbstractTask is abstract: weft must create the object it returns");
        rejected(
                EagerTaskTest::needsArgument,
                "the return type "
                        + p
                        + "NeedsArgument has no no-arg constructor:"
                        + " weft creates the object it returns with new EagerTaskTest.NeedsArgument()");
        rejected(
                EagerTaskTest::privateConstructor,
                "the no-arg constructor of the return type "
                        + p
                        + "PrivateTask is not accessible from dev.weft.it: weft creates the object it returns with new"
                        + " EagerTaskTest.PrivateTask()");
        rejected(
                EagerTaskTest::protectedElsewhere,
                "the no-arg constructor of the return type"
                        + " dev.weft.it.elsewhere.ProtectedTask is not accessible from dev.weft.it: weft creates the object it"
                        + " returns with new ProtectedTask()");
        rejected(
                EagerTaskTest::stageInterface,
                "the return type "
                        + p
                        + "Stage is an interface: an eager method"
                        + " must declare CompletionStage, CompletableFuture or a CompletableFuture subclass");
    }
}
