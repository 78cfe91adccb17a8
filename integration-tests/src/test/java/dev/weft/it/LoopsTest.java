package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.util.List;

/** Loops of every form with awaits in their conditions, bodies and updates. */
class LoopsTest {

    record Item(String name, int weight) {}

    static final List<Item> ITEMS = List.of(new Item("a", 1), new Item("b", 2), new Item("c", 3));

    static Future<Integer> forLoop(int n) {
        int sum = 0;
        for (int i = await(Leaf.of(0)); i < await(Leaf.of(n)); i += await(Leaf.of(1))) {
            sum += await(Leaf.of(i)) * 2;
        }
        return Future.ready(sum);
    }

    @BothModes
    void forWithAwaitsInInitConditionUpdateAndBody(Mode mode) {
        assertEquals(20, Drive.value(mode, () -> forLoop(5)));
    }

    static Future<Long> whileLoop() {
        long x = 1;
        int steps = 0;
        while (x < await(Leaf.of(1000L))) {
            x *= await(Leaf.of(3L));
            steps++;
        }
        return Future.ready(x * 100 + steps);
    }

    @BothModes
    void whileWithAwaitsInConditionAndBody(Mode mode) {
        assertEquals(218707L, Drive.value(mode, LoopsTest::whileLoop));
    }

    static Future<String> doLoop() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        do {
            sb.append(await(Leaf.of((char) ('a' + i))));
            i++;
        } while (await(Leaf.of(i < 4)));
        return Future.ready(sb.toString());
    }

    @BothModes
    void doWhileLoop(Mode mode) {
        assertEquals("abcd", Drive.value(mode, LoopsTest::doLoop));
    }

    static Future<String> forEachList(List<Item> items) {
        StringBuilder sb = new StringBuilder();
        int total = 0;
        for (Item it : items) {
            sb.append(await(Leaf.of(it.name())));
            total += await(Leaf.of(it)).weight();
        }
        return Future.ready(sb + ":" + total);
    }

    @BothModes
    void forEachOverAListOfUserTypes(Mode mode) {
        assertEquals("abc:6", Drive.value(mode, () -> forEachList(ITEMS)));
    }

    static Future<String> forEachArray(Item[] items) {
        String s = "";
        for (Item it : items) {
            s = await(Leaf.of(s + it.name() + it.weight()));
        }
        int[] nums = {4, 5};
        long acc = 0;
        for (int n : nums) {
            acc += await(Leaf.of((long) n));
        }
        return Future.ready(s + acc);
    }

    @BothModes
    void forEachOverArraysOfUserTypesAndPrimitives(Mode mode) {
        assertEquals("a1b2c39", Drive.value(mode, () -> forEachArray(ITEMS.toArray(new Item[0]))));
    }

    static Future<String> labelled() {
        StringBuilder sb = new StringBuilder();
        outer:
        for (int i = 0; i < 5; i++) {
            inner:
            for (int j = 0; j < 5; j++) {
                int v = await(Leaf.of(i * 10 + j));
                if (j > i) {
                    continue outer;
                }
                if (v == 33) {
                    break outer;
                }
                if (j == 1 && i == 2) {
                    continue inner;
                }
                sb.append(v).append(',');
            }
        }
        return Future.ready(sb.toString());
    }

    @BothModes
    void labelledBreakAndContinue(Mode mode) {
        assertEquals("0,10,11,20,22,30,31,32,", Drive.value(mode, LoopsTest::labelled));
    }

    static Future<Integer> earlyReturnFromLoop(List<Item> items, String wanted) {
        for (Item it : items) {
            if (await(Leaf.of(it.name())).equals(wanted)) {
                return Future.ready(it.weight());
            }
        }
        return Future.ready(-1);
    }

    @BothModes
    void returnFromInsideALoop(Mode mode) {
        assertEquals(2, Drive.value(mode, () -> earlyReturnFromLoop(ITEMS, "b")));
        assertEquals(-1, Drive.value(mode, () -> earlyReturnFromLoop(ITEMS, "z")));
    }
}
