package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;

/** Switch statements on strings and enums and switch expressions, awaiting everywhere. */
class SwitchTest {

    enum Color {
        RED,
        GREEN,
        BLUE
    }

    @SuppressWarnings("fallthrough") // the fall-through into "Aa" is under test
    static Future<String> onString(String key) {
        String r;
        switch (await(Leaf.of(key))) {
            case "one":
                r = "1" + await(Leaf.of("!"));
                break;
            case "two":
            case "deux":
                r = "2";
                r += await(Leaf.of("?"));
            // fall through
            case "Aa": // same hashCode as "BB": the string switch must compare with equals
                r = "fell" + await(Leaf.of(":"));
                break;
            case "BB":
                r = "BB";
                break;
            default:
                r = "other:" + await(Leaf.of(key.length()));
        }
        return Future.ready(r);
    }

    @BothModes
    void switchOnStrings(Mode mode) {
        assertEquals("1!", Drive.value(mode, () -> onString("one")));
        assertEquals("fell:", Drive.value(mode, () -> onString("deux")));
        assertEquals("fell:", Drive.value(mode, () -> onString("Aa")));
        assertEquals("BB", Drive.value(mode, () -> onString("BB")));
        assertEquals("other:5", Drive.value(mode, () -> onString("hello")));
    }

    static Future<Integer> onEnum(Color c) {
        int r = 0;
        switch (await(Leaf.of(c))) {
            case RED:
                r += await(Leaf.of(1));
                break;
            case GREEN:
                r += 10;
                r += await(Leaf.of(10));
                break;
            default:
                r = -await(Leaf.of(100));
        }
        return Future.ready(r);
    }

    @BothModes
    void switchOnEnums(Mode mode) {
        assertEquals(1, Drive.value(mode, () -> onEnum(Color.RED)));
        assertEquals(20, Drive.value(mode, () -> onEnum(Color.GREEN)));
        assertEquals(-100, Drive.value(mode, () -> onEnum(Color.BLUE)));
    }

    static Future<String> expression(Color c, int n) {
        String s =
                switch (c) {
                    case RED -> "r" + await(Leaf.of(n));
                    case GREEN -> {
                        long l = await(Leaf.of((long) n)) * 2;
                        yield "g" + l;
                    }
                    case BLUE -> throw new IllegalArgumentException("blue" + await(Leaf.of(n)));
                };
        int k =
                switch (await(Leaf.of(n))) {
                    case 1, 2 -> await(Leaf.of(100));
                    case 3 -> 300;
                    default -> {
                        int t = await(Leaf.of(n * 1000));
                        yield t + 1;
                    }
                };
        return Future.ready(s + "/" + k);
    }

    @BothModes
    void switchExpressions(Mode mode) {
        assertEquals("r1/100", Drive.value(mode, () -> expression(Color.RED, 1)));
        assertEquals("g6/300", Drive.value(mode, () -> expression(Color.GREEN, 3)));
        assertEquals("r7/7001", Drive.value(mode, () -> expression(Color.RED, 7)));
        assertEquals("blue4", Drive.error(mode, () -> expression(Color.BLUE, 4)).getMessage());
    }

    /** A switch expression whose value sits on the stack below later awaits. */
    static Future<String> switchValueOnStack(int n) {
        return Future.ready(
                switch (n) {
                            case 0 -> "zero";
                            default -> "n";
                        }
                        + await(Leaf.of(n))
                        + switch (await(Leaf.of(n + 1))) {
                            case 1 -> "one";
                            default -> "many";
                        });
    }

    @BothModes
    void switchExpressionValuesBelowAwaits(Mode mode) {
        assertEquals("zero0one", Drive.value(mode, () -> switchValueOnStack(0)));
        assertEquals("n5many", Drive.value(mode, () -> switchValueOnStack(5)));
    }
}
