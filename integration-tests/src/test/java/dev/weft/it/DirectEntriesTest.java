package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Which awaits the weaver turns into direct calls: it generates a direct entry (a static overload
 * ending in {@code (Context, Object)}) exactly for the lazy methods of a class that some await in
 * that class calls directly and provably without dispatch. The shapes below pin that set; every
 * shape also runs, so the lazy fallbacks are checked for their values too.
 */
class DirectEntriesTest {

    static class Shapes {
        static Future<Integer> leaf(int v) {
            return Future.ready(await(Leaf.of(v)));
        }

        static Future<Integer> onlyStored(int v) {
            return Future.ready(await(Leaf.of(v)));
        }

        static Future<Integer> inATernary(int v) {
            return Future.ready(await(Leaf.of(v)));
        }

        private Future<Integer> privateOnThis(int v) {
            return Future.ready(await(Leaf.of(v)));
        }

        private Future<Integer> privateOnOther(int v) {
            return Future.ready(await(Leaf.of(v)));
        }

        final Future<Integer> finalOnThis(int v) {
            return Future.ready(await(Leaf.of(v)));
        }

        Future<Integer> overridable(int v) {
            return Future.ready(await(Leaf.of(v)));
        }

        static CompletableFuture<Integer> eager(int v) {
            return CompletableFuture.completedFuture(await(Leaf.of(v)));
        }

        Future<Integer> all(Shapes other, boolean flag) {
            int sum = await(leaf(1)); // direct: static
            Future<Integer> stored = onlyStored(2); // lazy: not awaited at the call
            sum += await(stored);
            sum += await(flag ? inATernary(3) : leaf(3)); // lazy: a branch joins before the await
            sum += await(privateOnThis(4)); // direct: private, on this
            sum += await(other.privateOnOther(5)); // lazy: receiver may be null
            sum += await(finalOnThis(6)); // direct: final, on this
            sum += await(overridable(7)); // lazy: a subclass may override
            sum += await(eager(8)); // lazy: eager methods keep their start
            return Future.ready(sum);
        }
    }

    private static Set<String> directEntries(Class<?> c) {
        Set<String> names = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (Modifier.isStatic(m.getModifiers())
                    && m.isSynthetic()
                    && p.length >= 2
                    && p[p.length - 2] == Context.class
                    && p[p.length - 1] == Object.class) {
                names.add(m.getName());
            }
        }
        return names;
    }

    @BothModes
    void directEntriesExistExactlyForProvablyDirectAwaits(Mode mode) {
        assertEquals(36, Drive.value(mode, () -> new Shapes().all(new Shapes(), true)));
        assertEquals(Set.of("leaf", "privateOnThis", "finalOnThis"), directEntries(Shapes.class));
    }

    /** The behaviour tests of DirectAwaitTest do exercise direct entries. */
    @org.junit.jupiter.api.Test
    void theChainTestsUseDirectEntries() {
        Set<String> all = new TreeSet<>(directEntries(DirectAwaitTest.class));
        all.addAll(directEntries(DirectAwaitTest.Node.class));
        all.addAll(directEntries(DirectAwaitTest.Inner.class));
        assertEquals(
                Set.of(
                        "chain",
                        "failing",
                        "returnsATail",
                        "thrower",
                        "throwsBeforeItsAwait",
                        "top",
                        "waitsAt",
                        "walk",
                        "wide",
                        "wideOnThis",
                        "readyChain"),
                all);
    }
}
