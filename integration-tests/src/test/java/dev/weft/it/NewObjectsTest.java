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

/**
 * {@code new} with awaited constructor arguments: javac emits NEW/DUP before the arguments, so the
 * uninitialized object would be live across the suspension (it must be moved, not spilled).
 */
class NewObjectsTest {

    /** Records constructions, so that a constructor run twice (or in the wrong order) shows. */
    static final List<String> constructed = new ArrayList<>();

    static final class Foo {
        final String text;

        Foo(int a, String b, long c) {
            text = a + b + c;
            constructed.add("Foo:" + text);
        }
    }

    static final class Box {
        final Object v;

        Box(Object v) {
            this.v = v;
            constructed.add("Box:" + v);
        }

        Box(Object v, int k) {
            this(v + "#" + k);
        }

        @Override
        public String toString() {
            return "Box(" + v + ")";
        }
    }

    static Future<String> threeArgs(int a) {
        Foo f = new Foo(a, await(Leaf.of("b")), 3L);
        return Future.ready(f.text);
    }

    @BothModes
    void newWithAnAwaitedArgument(Mode mode) {
        constructed.clear();
        assertEquals("1b3", Drive.value(mode, () -> threeArgs(1)));
        assertEquals(List.of("Foo:1b3"), constructed);
    }

    static Future<String> nestedNew() {
        Box b =
                new Box(
                        new Box(new Foo(await(Leaf.of(1)), "x", await(Leaf.of(2L))).text),
                        await(Leaf.of(7)));
        return Future.ready(b.toString());
    }

    @BothModes
    void nestedNewWithAwaitsAtEveryLevel(Mode mode) {
        constructed.clear();
        assertEquals("Box(Box(1x2)#7)", Drive.value(mode, NewObjectsTest::nestedNew));
        assertEquals(List.of("Foo:1x2", "Box:1x2", "Box:Box(1x2)#7"), constructed);
    }

    static Future<String> newInTernary(boolean c) {
        Box b =
                c
                        ? new Box(await(Leaf.of("yes")))
                        : new Box(await(Leaf.of("no")), await(Leaf.of(2)));
        return Future.ready(b.toString());
    }

    @BothModes
    void newInBothBranchesOfATernary(Mode mode) {
        constructed.clear();
        assertEquals("Box(yes)", Drive.value(mode, () -> newInTernary(true)));
        assertEquals("Box(no#2)", Drive.value(mode, () -> newInTernary(false)));
        assertEquals(List.of("Box:yes", "Box:no#2"), constructed);
    }

    static Future<List<Object>> newInsideCallArguments() {
        List<Object> l =
                List.of(
                        new Box(1),
                        new Box(await(Leaf.of(2))),
                        new StringBuilder(await(Leaf.of("sb"))).reverse());
        return Future.ready(l);
    }

    @BothModes
    void newAmongOtherArgumentsOfACall(Mode mode) {
        assertEquals(
                "[Box(1), Box(2), bs]",
                Drive.value(mode, NewObjectsTest::newInsideCallArguments).toString());
    }

    /** An exception while evaluating an awaited constructor argument: no object is constructed. */
    static Future<Box> failingArgument() {
        return Future.ready(new Box(await(Leaf.fail(new IllegalStateException("arg")))));
    }

    @BothModes
    void failingConstructorArgumentConstructsNothing(Mode mode) {
        constructed.clear();
        assertEquals("arg", Drive.error(mode, NewObjectsTest::failingArgument).getMessage());
        assertEquals(List.of(), constructed);
    }
}
