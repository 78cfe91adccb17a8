package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;

/**
 * {@code new Box(switch ... { try { yield await(..) } ... })}: javac itself spills the operand
 * stack, including the uninitialized {@code new Box} and its DUP, into locals before a try inside
 * an expression, so an uninitialized object sits in a local (not on the stack) across the
 * suspension. Its own class, so that a verify error here cannot hide the other tests.
 */
class NewAroundSwitchWithTryTest {

    static final class Box {
        final Object v;

        Box(Object v) {
            this.v = v;
        }

        @Override
        public String toString() {
            return "Box(" + v + ")";
        }
    }

    /**
     * The async method lives in a nested class: if the weaver breaks it, the VerifyError fails
     * this test by name instead of JUnit's discovery of the whole test class.
     */
    static final class Fixture {
        /** A switch expression containing a try inside constructor arguments. */
        static Future<String> newAroundSwitchWithTry(int k) {
            Box b =
                    new Box(
                            switch (k) {
                                case 1 -> {
                                    try {
                                        yield await(
                                                Leaf.<String>fail(
                                                        new IllegalStateException("in switch")));
                                    } catch (IllegalStateException e) {
                                        yield "caught " + await(Leaf.of(e.getMessage()));
                                    }
                                }
                                default -> "d" + await(Leaf.of(k));
                            });
            return Future.ready(b.toString());
        }
    }

    @BothModes
    void newAroundASwitchExpressionWithTryAndAwaits(Mode mode) {
        assertEquals(
                "Box(caught in switch)",
                Drive.value(mode, () -> Fixture.newAroundSwitchWithTry(1)));
        assertEquals("Box(d2)", Drive.value(mode, () -> Fixture.newAroundSwitchWithTry(2)));
    }
}
