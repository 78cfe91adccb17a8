package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.util.ArrayList;
import java.util.List;

/** Async methods in every kind of class: private, inner, subclasses, records, enums, generics. */
class ClassShapesTest {

    static final class Outer {
        private int secret = 7;

        private static String hidden(String s) {
            return "<" + s + ">";
        }

        private Future<Integer> privateAsync(int x) {
            return Future.ready(await(Leaf.of(x)) + secret);
        }

        final class Inner {
            private final int own = 100;

            Future<String> reach() {
                secret += await(Leaf.of(1));
                int p = await(privateAsync(own));
                return Future.ready(hidden(p + "/" + secret));
            }
        }

        static final class Nested {
            Future<String> reachStatic(Outer o) {
                return Future.ready(hidden("" + await(o.privateAsync(await(Leaf.of(o.secret))))));
            }
        }
    }

    @BothModes
    void privateMethodsAndInnerClassesReachTheOuterClassPrivates(Mode mode) {
        Outer o = new Outer();
        assertEquals("<108/8>", Drive.value(mode, () -> o.new Inner().reach()));
        assertEquals("<14>", Drive.value(mode, () -> new Outer.Nested().reachStatic(new Outer())));
    }

    static class Base {
        Future<String> name(String s) {
            return Future.ready("base(" + await(Leaf.of(s)) + ")");
        }

        String plain() {
            return "plain";
        }
    }

    static class Derived extends Base {
        @Override
        Future<String> name(String s) {
            String sup = await(super.name(s + "!"));
            return Future.ready("derived(" + sup + "," + super.plain() + await(Leaf.of("")) + ")");
        }

        @Override
        String plain() {
            return "overridden";
        }
    }

    @BothModes
    void superCallInsideAnAsyncMethod(Mode mode) {
        assertEquals("derived(base(x!),plain)", Drive.value(mode, () -> new Derived().name("x")));
    }

    record Point(int x, long y) {
        Future<String> describe() {
            return Future.ready(x + ":" + (y + await(Leaf.of(1L))));
        }

        static Future<Point> parse(String s) {
            String[] parts = await(Leaf.of(s)).split(",");
            return Future.ready(
                    new Point(
                            Integer.parseInt(parts[0]), await(Leaf.of(Long.parseLong(parts[1])))));
        }
    }

    @BothModes
    void records(Mode mode) {
        assertEquals("3:5", Drive.value(mode, () -> new Point(3, 4).describe()));
        assertEquals(new Point(1, 2), Drive.value(mode, () -> Point.parse("1,2")));
    }

    enum Op {
        ADD {
            @Override
            Future<Integer> apply(int a, int b) {
                return Future.ready(a + await(Leaf.of(b)));
            }
        },
        MUL {
            @Override
            Future<Integer> apply(int a, int b) {
                int r = a;
                r *= await(Leaf.of(b));
                return Future.ready(r + await(bonus()));
            }
        };

        abstract Future<Integer> apply(int a, int b);

        Future<Integer> bonus() {
            return Future.ready(await(Leaf.of(ordinal())));
        }
    }

    @BothModes
    void enumConstantBodies(Mode mode) {
        assertEquals(7, Drive.value(mode, () -> Op.ADD.apply(3, 4)));
        assertEquals(13, Drive.value(mode, () -> Op.MUL.apply(3, 4)));
    }

    static <T extends Comparable<T>> Future<T> max(Future<T> a, Future<T> b) {
        T x = await(a);
        T y = await(b);
        return Future.ready(x.compareTo(y) >= 0 ? x : y);
    }

    static <A, B> Future<List<Object>> zip(List<A> as, Future<B> fb) {
        List<Object> out = new ArrayList<>();
        B b = await(fb);
        for (A a : as) {
            out.add(await(Leaf.of(a)) + "" + b);
        }
        return Future.ready(out);
    }

    static final class Holder<T> {
        private final T value;

        Holder(T value) {
            this.value = value;
        }

        <R> Future<R> map(java.util.function.Function<? super T, ? extends R> f) {
            T v = await(Leaf.of(value));
            return Future.ready(f.apply(v));
        }
    }

    @BothModes
    void genericMethodsAndClasses(Mode mode) {
        assertEquals("pear", Drive.value(mode, () -> max(Leaf.of("apple"), Leaf.of("pear"))));
        assertEquals(9L, Drive.value(mode, () -> max(Leaf.of(9L), Leaf.of(-1L))));
        assertEquals(
                List.of("1z", "2z"), Drive.value(mode, () -> zip(List.of(1, 2), Leaf.of("z"))));
        assertEquals(3, Drive.value(mode, () -> new Holder<>("abc").map(String::length)));
    }

    static Future<String> anonymousInside(int k) {
        int base = await(Leaf.of(k));
        java.util.function.Function<Integer, Future<String>> f =
                new java.util.function.Function<>() {
                    @Override
                    public Future<String> apply(Integer x) {
                        return Future.ready("anon" + (await(Leaf.of(x)) + base));
                    }
                };
        return f.apply(1);
    }

    @BothModes
    void anonymousClassDeclaredInsideAnAsyncMethod(Mode mode) {
        assertEquals("anon6", Drive.value(mode, () -> anonymousInside(5)));
    }

    /** Polled by the static initializer: the companion must exist before user static code runs. */
    static final class UsedInStaticInit {
        static final int VALUE;

        static {
            Future<Integer> f = compute();
            VALUE = f.poll(dev.weft.Context.of(() -> {})).value();
        }

        static Future<Integer> compute() {
            return Future.ready(await(Future.ready(20)) + 1);
        }
    }

    @org.junit.jupiter.api.Test
    void asyncMethodPolledInItsOwnClassStaticInitializer() {
        assertEquals(21, UsedInStaticInit.VALUE);
    }
}
