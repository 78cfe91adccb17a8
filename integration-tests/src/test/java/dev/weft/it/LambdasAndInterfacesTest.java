package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** Async lambdas (synthetic methods) and async methods in interfaces. */
class LambdasAndInterfacesTest {

    @BothModes
    void nonCapturingLambda(Mode mode) {
        Supplier<Future<Integer>> s = () -> Future.ready(await(Leaf.of(1)) + 1);
        assertEquals(2, Drive.value(mode, s));
    }

    final String prefix = "p";

    @BothModes
    void capturingLambdas(Mode mode) {
        int k = 5;
        long big = 1L << 33;
        Function<Integer, Future<String>> f =
                x -> Future.ready(prefix + (await(Leaf.of(x)) * k + big));
        assertEquals("p8589934607", Drive.value(mode, () -> f.apply(3)));

        BiFunction<String, Double, Future<String>> g =
                (a, d) -> {
                    String got = await(Leaf.of(a));
                    double sum = d + await(Leaf.of(0.5));
                    return Future.ready(got + sum + k);
                };
        assertEquals("x2.05", Drive.value(mode, () -> g.apply("x", 1.5)));
    }

    @BothModes
    void lambdaAwaitingAnotherLambda(Mode mode) {
        Function<Integer, Future<Integer>> inc = x -> Future.ready(await(Leaf.of(x)) + 1);
        Function<Integer, Future<Integer>> twice =
                x -> Future.ready(await(inc.apply(await(inc.apply(x)))));
        assertEquals(12, Drive.value(mode, () -> twice.apply(10)));
    }

    interface Service {
        Future<Integer> base(int x);

        default Future<Integer> doubled(int x) {
            int b = await(base(x));
            return Future.ready(2 * b + await(helper(b)));
        }

        private Future<Integer> helper(int b) {
            return Future.ready(await(Leaf.of(b)) % 3);
        }

        static Future<String> describe(Service s, int x) {
            return Future.ready("s" + await(s.doubled(x)) + await(Leaf.of("!")));
        }
    }

    static final class Impl implements Service {
        @Override
        public Future<Integer> base(int x) {
            return Future.ready(await(Leaf.of(x)) + 1);
        }
    }

    @BothModes
    void interfaceDefaultPrivateAndStaticAsyncMethods(Mode mode) {
        // base(4) = 5; doubled = 10 + 5 % 3 = 12
        assertEquals(12, Drive.value(mode, () -> new Impl().doubled(4)));
        assertEquals("s12!", Drive.value(mode, () -> Service.describe(new Impl(), 4)));
    }

    @BothModes
    void anonymousClassImplementingTheInterface(Mode mode) {
        Service anon =
                new Service() {
                    @Override
                    public Future<Integer> base(int x) {
                        return Future.ready(await(Leaf.of(x * 10)));
                    }
                };
        // base(2) = 20; doubled = 40 + 20 % 3 = 42
        assertEquals(42, Drive.value(mode, () -> anon.doubled(2)));
    }
}
