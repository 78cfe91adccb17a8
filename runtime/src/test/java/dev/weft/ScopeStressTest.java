package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.internal.scheduler.LiveTasks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scopes on the work-stealing runtime where children end, fail and spawn further children into
 * the scope on both workers at once: the scope never completes while one of them is unfinished,
 * and its outcome is the body's value or the one failure, as the original object.
 */
@Tag("stress")
@Timeout(120)
class ScopeStressTest {

    /** Pending (waking itself) {@code yields} times, then fails with {@code fail}, or spawns a grandchild into {@code scope} and is ready with {@code k}. */
    static Future<Integer> child(
            int k,
            int yields,
            RuntimeException fail,
            Scope scope,
            List<JoinHandle<Integer>> handles) {
        return new Future<>() {
            private int left = yields;

            @Override
            public Poll<Integer> poll(Context cx) {
                if (left-- > 0) {
                    cx.waker().wake();
                    return Poll.pending();
                }
                if (fail != null) {
                    throw fail;
                }
                if (k > 0 && k % 4 == 0) {
                    handles.add(scope.spawn(child(-k, k % 3, null, scope, handles)));
                }
                return Poll.ready(k);
            }
        };
    }

    static void assertAllDone(List<JoinHandle<Integer>> handles, int round) {
        for (JoinHandle<Integer> h : new ArrayList<>(handles)) {
            assertTrue(h.isDone(), "round " + round + ": a child outlived its scope");
        }
    }

    @Test
    void everyChildEndsBeforeTheScopeWhetherOneFailsOrNone() {
        int n = 40;
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            for (int r = 0; r < 400; r++) {
                int round = r;
                RuntimeException boom =
                        round % 2 == 0 ? new IllegalStateException("round " + round) : null;
                int failing = round % n;
                List<JoinHandle<Integer>> handles = Collections.synchronizedList(new ArrayList<>());
                Future<String> scope =
                        Scope.run(
                                s -> {
                                    for (int i = 1; i <= n; i++) {
                                        handles.add(
                                                s.spawn(
                                                        child(
                                                                i,
                                                                (i * 7 + round) % 5,
                                                                i == failing + 1 ? boom : null,
                                                                s,
                                                                handles)));
                                    }
                                    return Future.ready("round " + round);
                                });
                if (boom == null) {
                    assertEquals("round " + round, rt.blockOn(scope));
                    assertAllDone(handles, round);
                    long sum = 0;
                    for (JoinHandle<Integer> h : new ArrayList<>(handles)) {
                        sum += h.toCompletableFuture().getNow(null);
                    }
                    assertEquals(
                            (long) n * (n + 1) / 2 - (long) (n / 4) * (n / 4 + 1) * 2,
                            sum,
                            "every child and grandchild finished with its value");
                } else {
                    assertSame(
                            boom,
                            assertThrows(IllegalStateException.class, () -> rt.blockOn(scope)));
                    assertAllDone(handles, round);
                }
                assertEquals(List.of(), LiveTasks.of(rt));
            }
        }
    }
}
