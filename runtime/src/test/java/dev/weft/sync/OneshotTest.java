package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.testkit.CountingWaker;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Oneshot by manual polling and across threads. */
class OneshotTest {

    private final CountingWaker a = new CountingWaker();
    private final CountingWaker b = new CountingWaker();

    @Test
    void completesOnceAndWakesEveryAwaiter() {
        Oneshot<String> o = new Oneshot<>();
        Future<String> f1 = o.future();
        Future<String> f2 = o.future();
        a.pending(f1);
        b.pending(f2);
        assertTrue(o.complete("v"));
        assertFalse(o.complete("w"));
        assertFalse(o.fail(new IOException()));
        assertTrue(o.isDone());
        assertEquals(1, a.wakes());
        assertEquals(1, b.wakes());
        assertEquals("v", a.ready(f1));
        assertEquals("v", b.ready(f2));
        assertEquals("v", a.ready(o.future()));
    }

    @Test
    void failureIsRethrownAsTheOriginalObject() {
        Oneshot<String> o = new Oneshot<>();
        IOException e = new IOException("boom");
        Future<String> f = o.future();
        a.pending(f);
        assertTrue(o.fail(e));
        assertFalse(o.complete("late"));
        assertSame(e, assertThrows(IOException.class, () -> a.poll(f)));
        assertThrows(NullPointerException.class, () -> new Oneshot<>().fail(null));
    }

    @Test
    void nullValueIsAllowed() {
        Oneshot<Void> o = new Oneshot<>();
        assertTrue(o.complete(null));
        assertNull(a.ready(o.future()));
    }

    @Test
    void cancelledAwaiterIsNotWokenAndLosesNothingForOthers() {
        Oneshot<String> o = new Oneshot<>();
        Future<String> f1 = o.future();
        Future<String> f2 = o.future();
        a.pending(f1);
        b.pending(f2);
        f1.cancel();
        o.complete("v");
        assertEquals(0, a.wakes());
        assertEquals("v", b.ready(f2));
    }

    @Test
    void completedFromAnotherThread() throws Exception {
        Oneshot<Integer> o = new Oneshot<>();
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            Thread t = new Thread(() -> o.complete(42));
            t.start();
            assertEquals(42, rt.blockOn(o.future()));
            t.join();
        }
    }
}
