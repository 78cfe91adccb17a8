package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.Drive;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every case runs twice: with every leaf ready, and with every leaf pending once. Both must give
 * the expected result; in pending mode the case must actually have suspended.
 */
class WovenSamplesTest {

    private static Object check(
            boolean pending, Object expected, String cls, String method, Object... args)
            throws Throwable {
        long before = Drive.pendingPolls();
        Object got = SampleRunner.run(pending, cls, method, args);
        assertEquals(expected, got, cls + "." + method + (pending ? " (pending)" : " (ready)"));
        if (pending) {
            assertTrue(Drive.pendingPolls() > before, "pending mode must suspend");
        }
        return got;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void localsOfEveryType(boolean pending) throws Throwable {
        check(
                pending,
                "true,4,d,900,21,30000000000,4.5,6.75,s3,4,null,1,2|31,29999999999,7.0",
                "Locals",
                "everyType",
                3);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void wideValuesOnTheStack(boolean pending) throws Throwable {
        check(pending, "15,3.0,10/1.5/7/x/y,37", "Locals", "wideStack", 10L, 1.5, 7);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void slotReuseAndMergedTypes(boolean pending) throws Throwable {
        check(pending, "int:9,str:str4!,positive", "Locals", "slotReuse", 4);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void nestedAwaitsAndTernaries(boolean pending) throws Throwable {
        check(pending, "7ABCbig", "Locals", "nested", 5);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void recursion(boolean pending) throws Throwable {
        check(pending, 55, "Locals", "fib", 10);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void loopOf200000Awaits(boolean pending) throws Throwable {
        long before = Drive.pendingPolls();
        check(pending, 199_999L * 200_000L / 2, "Locals", "loop", 200_000);
        if (pending) {
            assertEquals(200_000, Drive.pendingPolls() - before);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tailPosition(boolean pending) throws Throwable {
        check(pending, 9, "Locals", "tail", 8);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void arrays(boolean pending) throws Throwable {
        check(pending, 4 + 42 + 1, "Locals", "arrays", 4);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void constructorArguments(boolean pending) throws Throwable {
        check(pending, "1b3", "Allocations", "constructorArgs", 1);
        check(pending, "(2n4)0.5sb2", "Allocations", "nestedNew", 2);
        check(pending, "1left2", "Allocations", "ternaryNew", true);
        check(pending, "3right4", "Allocations", "ternaryNew", false);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void objectsUnderConstructionInJavacsSpilledLocals(boolean pending) throws Throwable {
        check(pending, "Box(caught boom)", "Allocations", "newAroundSwitchWithTry", 1);
        check(pending, "Box(two)", "Allocations", "newAroundSwitchWithTry", 2);
        check(pending, "Box(d3)", "Allocations", "newAroundSwitchWithTry", 3);
        check(
                pending,
                "p7Box(Box(in0))0;p7Box(Box(one))1;p7Box(Box(d))2;p7Box(Box(in3))3;",
                "Allocations",
                "nestedNewAroundSwitchWithTry",
                4,
                7L);
        assertEquals(
                List.of("y0", "Box(even)", "Box(odd)", "y2", "Box(even)"),
                SampleRunner.run(pending, "Generators", "boxes", 3));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tryCatchFinally(boolean pending) throws Throwable {
        check(pending, "try1,catch:boom!true,finally2", "Exceptions", "tryCatchFinally", 1);
        check(pending, "finally wins", "Exceptions", "returnInFinally");
        check(pending, "3inner-f1outer+", "Exceptions", "nestedTry", 3);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void exceptionsComeOutOfPollAsTheSameObject(boolean pending) throws Throwable {
        Object boom = SampleRunner.sample("Exceptions").getField("BOOM").get(null);
        SampleRunner.mode(pending);
        try {
            // the call itself must not throw: the body runs on the first poll
            Object f =
                    SampleRunner.invoke(
                            SampleRunner.sample("Exceptions"), "failsBeforeFirstAwait", true);
            Throwable t = assertThrows(Throwable.class, () -> SampleRunner.complete(f));
            assertSame(boom, t);
            Object g = SampleRunner.invoke(SampleRunner.sample("Exceptions"), "propagates");
            assertSame(boom, assertThrows(Throwable.class, () -> SampleRunner.complete(g)));
        } finally {
            SampleRunner.mode(false);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eagerMethods(boolean pending) throws Throwable {
        check(pending, 12, "Eager", "add", 1);
        check(pending, "abab", "Eager", "stage", "ab");
        Throwable t =
                assertThrows(
                        IllegalStateException.class,
                        () -> SampleRunner.run(pending, "Eager", "fails"));
        assertEquals("eager failure", t.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void generators(boolean mode) throws Throwable {
        assertEquals(List.of(0, 10, 20, 6003), SampleRunner.run(mode, "Generators", "counter", 3));
        assertEquals(
                List.of("A", "B", "C"), SampleRunner.run(mode, "Generators", "words", "a  b c"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void instanceMethodsThisAndSuper(boolean pending) throws Throwable {
        check(pending, "base/derived/8/secret3", "Instances", "entry", 3);
        check(pending, "secret75", "Instances", "inner");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void lambdasReturningFutures(boolean pending) throws Throwable {
        check(pending, 4 * 2 + 101, "Instances", "lambdas", 4);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void interfaceDefaultAndStaticMethods(boolean pending) throws Throwable {
        check(pending, "hi you from lambda4", "Greeter", "entry");
    }
}
