package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** try/catch/finally with awaits in every part; exceptions keep their identity. */
class ExceptionsTest {

    /** A leaf factory that declares what its future can fail with (API.md's rule). */
    static Future<String> ioLeaf(boolean failing) throws IOException {
        return failing ? Leaf.fail(new IOException("io")) : Leaf.of("ok");
    }

    static Future<String> awaitInTry(boolean failing) {
        try {
            String v = await(ioLeaf(failing));
            return Future.ready("value " + v);
        } catch (IOException e) {
            return Future.ready("caught " + e.getMessage());
        }
    }

    @BothModes
    void awaitInTry(Mode mode) {
        assertEquals("value ok", Drive.value(mode, () -> awaitInTry(false)));
        assertEquals("caught io", Drive.value(mode, () -> awaitInTry(true)));
    }

    static Future<String> awaitInCatch() {
        long kept = 42L;
        try {
            await(Leaf.fail(new IllegalStateException("first")));
            return Future.ready("not reached");
        } catch (IllegalStateException e) {
            String more = await(Leaf.of("+more"));
            return Future.ready(e.getMessage() + more + kept);
        }
    }

    @BothModes
    void awaitInCatch(Mode mode) {
        assertEquals("first+more42", Drive.value(mode, ExceptionsTest::awaitInCatch));
    }

    static Future<String> awaitInFinally(List<String> log, boolean failing) {
        try {
            log.add("try " + await(Leaf.of(1)));
            if (failing) {
                throw new IllegalArgumentException("boom");
            }
            return Future.ready("done");
        } finally {
            log.add("finally " + await(Leaf.of(2)));
            log.add("finally end");
        }
    }

    @BothModes
    void suspendingFinallyOnNormalAndExceptionalPaths(Mode mode) {
        List<String> log = new ArrayList<>();
        assertEquals("done", Drive.value(mode, () -> awaitInFinally(log, false)));
        assertEquals(List.of("try 1", "finally 2", "finally end"), log);
        log.clear();
        assertEquals("boom", Drive.error(mode, () -> awaitInFinally(log, true)).getMessage());
        assertEquals(List.of("try 1", "finally 2", "finally end"), log);
    }

    @SuppressWarnings("finally")
    static Future<String> returnInFinally() {
        try {
            await(Leaf.of(0));
            throw new IllegalStateException("lost");
        } finally {
            return Future.ready("overridden " + await(Leaf.of("by finally")));
        }
    }

    @BothModes
    void returnInFinallyOverridesAThrow(Mode mode) {
        assertEquals("overridden by finally", Drive.value(mode, ExceptionsTest::returnInFinally));
    }

    static Future<String> nestedTry(List<String> log) {
        try {
            try {
                log.add("inner " + await(Leaf.of("a")));
                await(Leaf.fail(new UnsupportedOperationException("deep")));
            } catch (IllegalArgumentException wrongType) {
                log.add("wrong handler");
            } finally {
                log.add("inner finally " + await(Leaf.of("b")));
            }
            log.add("not reached");
        } catch (UnsupportedOperationException e) {
            log.add("outer catch " + e.getMessage() + await(Leaf.of("c")));
            try {
                throw new IllegalStateException(await(Leaf.of("rethrown")));
            } catch (IllegalStateException e2) {
                log.add("second " + e2.getMessage());
            }
        } finally {
            log.add("outer finally");
        }
        return Future.ready(String.join(";", log));
    }

    @BothModes
    void nestedTryCatchFinally(Mode mode) {
        List<String> log = new ArrayList<>();
        assertEquals(
                "inner a;inner finally b;outer catch deepc;second rethrown;outer finally",
                Drive.value(mode, () -> nestedTry(log)));
    }

    static final class Res implements AutoCloseable {
        final String name;
        final List<String> log;
        int closes;

        Res(String name, List<String> log) {
            this.name = name;
            this.log = log;
            log.add("open " + name);
        }

        @Override
        public void close() {
            closes++;
            log.add("close " + name);
        }
    }

    static Future<Res> open(String name, List<String> log) {
        return Future.ready(new Res(await(Leaf.of(name)), log));
    }

    static Future<String> withResources(List<String> log, List<Res> opened, boolean failing) {
        try (Res a = new Res("a", log);
                Res b = await(open("b", log))) {
            opened.add(a);
            opened.add(b);
            log.add("body " + await(Leaf.of(a.name + b.name)));
            if (failing) {
                throw new IllegalStateException("body failed");
            }
            log.add("body end " + await(Leaf.of(1)));
        }
        log.add("after " + await(Leaf.of(2)));
        return Future.ready("ok");
    }

    @BothModes
    void tryWithResourcesClosesOnceAfterTheBody(Mode mode) {
        List<String> log = new ArrayList<>();
        List<Res> opened = new ArrayList<>();
        assertEquals("ok", Drive.value(mode, () -> withResources(log, opened, false)));
        assertEquals(
                List.of(
                        "open a",
                        "open b",
                        "body ab",
                        "body end 1",
                        "close b",
                        "close a",
                        "after 2"),
                log);
        assertEquals(1, opened.get(0).closes);
        assertEquals(1, opened.get(1).closes);

        log.clear();
        opened.clear();
        assertEquals(
                "body failed",
                Drive.error(mode, () -> withResources(log, opened, true)).getMessage());
        assertEquals(List.of("open a", "open b", "body ab", "close b", "close a"), log);
        assertEquals(1, opened.get(0).closes);
        assertEquals(1, opened.get(1).closes);
    }

    static final IllegalArgumentException EARLY =
            new IllegalArgumentException("before the first await");

    static Future<Integer> throwsEarly(int[] ran) {
        ran[0]++;
        if (ran.length > 0) {
            throw EARLY;
        }
        return Future.ready(await(Leaf.of(1)));
    }

    @BothModes
    void exceptionBeforeTheFirstAwaitComesOutOfPollNotTheCall(Mode mode) {
        int[] ran = {0};
        Drive.reset(mode, true);
        Future<Integer> f = throwsEarly(ran); // must not throw
        assertEquals(0, ran[0], "nothing runs before the first poll");
        Drive.Outcome<Integer> o = Drive.poll(f, mode);
        assertSame(EARLY, o.error());
        assertEquals(1, ran[0]);
    }

    static final IOException CHECKED = new IOException("checked");
    static final TimeoutException TIMEOUT = new TimeoutException("t");

    static Future<String> checkedFromLeaf() throws IOException {
        String a = await(Leaf.of("a"));
        return Future.ready(a + await(Leaf.<String>fail(CHECKED)));
    }

    static Future<String> checkedThrownDirectly() throws TimeoutException {
        String a = await(Leaf.of("a"));
        if (!a.isEmpty()) {
            throw TIMEOUT;
        }
        return Future.ready(a);
    }

    static Future<String> checkedThroughTwoLevels() throws IOException {
        return Future.ready(await(checkedFromLeaf()) + "never");
    }

    @BothModes
    void checkedExceptionsPassThroughUnwrapped(Mode mode) {
        assertSame(
                CHECKED,
                Drive.error(
                        mode,
                        () -> {
                            try {
                                return checkedFromLeaf();
                            } catch (IOException e) {
                                throw new AssertionError("the call must not throw", e);
                            }
                        }));
        assertSame(
                TIMEOUT,
                Drive.error(
                        mode,
                        () -> {
                            try {
                                return checkedThrownDirectly();
                            } catch (TimeoutException e) {
                                throw new AssertionError("the call must not throw", e);
                            }
                        }));
        assertSame(
                CHECKED,
                Drive.error(
                        mode,
                        () -> {
                            try {
                                return checkedThroughTwoLevels();
                            } catch (IOException e) {
                                throw new AssertionError("the call must not throw", e);
                            }
                        }));
    }

    static Future<String> catchAndInspect() throws IOException {
        try {
            return Future.ready(await(checkedFromLeaf()));
        } catch (IOException e) {
            boolean same = e == CHECKED;
            return Future.ready("same=" + same + await(Leaf.of("")));
        }
    }

    @BothModes
    void checkedExceptionCaughtAroundAnAwaitIsTheSameObject(Mode mode) {
        assertEquals(
                "same=true",
                Drive.value(
                        mode,
                        () -> {
                            try {
                                return catchAndInspect();
                            } catch (IOException e) {
                                throw new AssertionError(e);
                            }
                        }));
    }

    static Future<String> errorsAndFinallyOrder(List<String> log) {
        try {
            await(Leaf.fail(new StackOverflowError("err")));
        } catch (Error e) {
            log.add("error " + e.getMessage());
        } finally {
            log.add("f");
        }
        boolean ran = false;
        try {
            ran = await(Leaf.of(true));
        } finally {
            log.add("f2 " + ran);
        }
        return Future.ready(String.join(",", log));
    }

    @BothModes
    void errorsAreCatchable(Mode mode) {
        List<String> log = new ArrayList<>();
        assertEquals("error err,f,f2 true", Drive.value(mode, () -> errorsAndFinallyOrder(log)));
        assertFalse(log.isEmpty());
        assertTrue(log.contains("f"));
    }
}
