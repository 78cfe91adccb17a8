package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Awaits next to javac's synchronized blocks, woven by the agent (issue 12, point 1): an await
 * is allowed wherever no monitor is held, also in the catch or finally of a try that encloses a
 * block, and each result records whether a lock was still held after the awaits.
 */
class SynchronizedShapesTest {

    static final Object LOCK = new Object();
    static final Object OTHER = new Object();

    private static String locks() {
        return Thread.holdsLock(LOCK) || Thread.holdsLock(OTHER) ? " LOCKED" : "";
    }

    static Future<String> finallyAroundBlock(boolean fail) {
        String s = "";
        try {
            synchronized (LOCK) {
                s += "b";
                if (fail) {
                    throw new IllegalStateException("x");
                }
            }
        } catch (IllegalStateException e) {
            s += await(Leaf.of(e.getMessage()));
        } finally {
            s += await(Leaf.of("f")) + locks();
        }
        return Future.ready(s + await(Leaf.of(".")));
    }

    @BothModes
    void awaitInCatchAndFinallyOfATryAroundABlock(Mode mode) {
        assertEquals("bf.", Drive.value(mode, () -> finallyAroundBlock(false)));
        assertEquals("bxf.", Drive.value(mode, () -> finallyAroundBlock(true)));
    }

    static Future<String> catchThrowableWholeBody(int k) {
        try {
            synchronized (LOCK) {
                synchronized (OTHER) {
                    if (k == 1) {
                        throw new IllegalArgumentException("inner");
                    }
                }
                if (k == 2) {
                    throw new IllegalArgumentException("outer");
                }
            }
            return Future.ready("ok" + await(Leaf.of("!")) + locks());
        } catch (Throwable t) {
            return Future.ready(t.getMessage() + await(Leaf.of(" caught")) + locks());
        }
    }

    @BothModes
    void nestedBlocksInsideATryWhoseCatchAwaits(Mode mode) {
        assertEquals("ok!", Drive.value(mode, () -> catchThrowableWholeBody(0)));
        assertEquals("inner caught", Drive.value(mode, () -> catchThrowableWholeBody(1)));
        assertEquals("outer caught", Drive.value(mode, () -> catchThrowableWholeBody(2)));
    }

    static Future<String> tryInsideBlock(boolean fail) {
        String s = await(Leaf.of("a"));
        synchronized (LOCK) {
            try {
                if (fail) {
                    throw new IllegalStateException();
                }
                s += "t";
            } catch (IllegalStateException e) {
                s += "c";
            } finally {
                s += "f";
            }
        }
        return Future.ready(s + await(Leaf.of("z")) + locks());
    }

    @BothModes
    void tryCatchFinallyInsideABlockBetweenAwaits(Mode mode) {
        assertEquals("atfz", Drive.value(mode, () -> tryInsideBlock(false)));
        assertEquals("acfz", Drive.value(mode, () -> tryInsideBlock(true)));
    }

    static Future<String> loopExits(int stopAt) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            try {
                synchronized (LOCK) {
                    if (i % 2 == 1) {
                        continue;
                    }
                    if (i == stopAt) {
                        break;
                    }
                    if (i == 8) {
                        return Future.ready(s.append("ret").toString());
                    }
                    s.append(i);
                }
            } finally {
                s.append(await(Leaf.of(i % 2 == 1 ? "" : ":"))).append(locks());
            }
        }
        return Future.ready(s + await(Leaf.of("end")) + locks());
    }

    @BothModes
    void breakContinueAndReturnOutOfABlockInsideTryFinally(Mode mode) {
        assertEquals("0:2::end", Drive.value(mode, () -> loopExits(4)));
        assertEquals("0:2:4:6:ret", Drive.value(mode, () -> loopExits(20)));
    }

    static Future<String> switches(int k) {
        String s;
        synchronized (LOCK) {
            switch (k) {
                case 0 -> s = "zero";
                case 1 -> s = "one";
                default -> s = "many";
            }
        }
        switch (k) {
            case 0 -> {
                synchronized (OTHER) {
                    s += "!";
                }
                s += await(Leaf.of("a"));
            }
            case 1 -> {
                try {
                    synchronized (OTHER) {
                        throw new IllegalStateException("b");
                    }
                } catch (IllegalStateException e) {
                    s += await(Leaf.of(e.getMessage()));
                }
            }
            default -> s += await(Leaf.of("c"));
        }
        return Future.ready(s + locks());
    }

    @BothModes
    void switchesInsideAndAroundBlocks(Mode mode) {
        assertEquals("zero!a", Drive.value(mode, () -> switches(0)));
        assertEquals("oneb", Drive.value(mode, () -> switches(1)));
        assertEquals("manyc", Drive.value(mode, () -> switches(2)));
    }

    static Future<String> awaitedLock() {
        String s;
        synchronized (await(Leaf.of(LOCK))) {
            s = "locked " + Thread.holdsLock(LOCK);
        }
        return Future.ready(s + await(Leaf.of("")) + locks());
    }

    @BothModes
    void theLockExpressionItselfAwaits(Mode mode) {
        assertEquals("locked true", Drive.value(mode, SynchronizedShapesTest::awaitedLock));
    }

    static synchronized Future<String> synchronizedCaller() {
        return finallyAroundBlock(false);
    }

    static Future<String> awaitsSynchronizedCallee() {
        String s = await(synchronizedCaller());
        return Future.ready(s + Thread.holdsLock(SynchronizedShapesTest.class));
    }

    @BothModes
    void synchronizedMethodsCallingWovenOnes(Mode mode) {
        assertEquals("bf.", Drive.value(mode, SynchronizedShapesTest::synchronizedCaller));
        assertEquals(
                "bf.false", Drive.value(mode, SynchronizedShapesTest::awaitsSynchronizedCallee));
    }

    @Test
    void theCheckCommandAcceptsThisClass(@TempDir Path tmp) throws Exception {
        String file = "dev/weft/it/SynchronizedShapesTest.class";
        Files.createDirectories(tmp.resolve(file).getParent());
        Files.copy(Path.of("target/test-classes", file), tmp.resolve(file));
        WovenBytes.Run run = WovenBytes.check(tmp);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains(" 0 problem(s)"), run.output());
    }

    /** The shape compiled by the running JDK's own javac (JDK 25's on the JDK 25 run). */
    private static final String SOURCE =
            """
            package gen;

            import static dev.weft.Async.await;

            import dev.weft.Future;
            import dev.weft.testkit.Leaf;

            public class Locked {
                static final Object LOCK = new Object();
                static int n;

                public static Future<String> f(boolean fail) {
                    try {
                        synchronized (LOCK) {
                            n++;
                            if (fail) {
                                throw new IllegalStateException("c");
                            }
                        }
                    } catch (IllegalStateException e) {
                        n += await(Leaf.of(10));
                    } finally {
                        n += await(Leaf.of(100));
                    }
                    return Future.ready(n + " " + Thread.holdsLock(LOCK));
                }
            }
            """;

    @BothModes
    void theRunningJdksJavacOutput(Mode mode) throws Exception {
        Path dir = Files.createTempDirectory("weft-sync");
        Path src = dir.resolve("src/gen/Locked.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc =
                javac.run(
                        null,
                        null,
                        new PrintStream(diagnostics, true, StandardCharsets.UTF_8),
                        "--release",
                        Integer.toString(Runtime.version().feature()),
                        "-g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-d",
                        classes.toString(),
                        src.toString());
        assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));
        try (URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method f = loader.loadClass("gen.Locked").getMethod("f", boolean.class);
            assertEquals("101 false", Drive.value(mode, call(f, false)));
            assertEquals("212 false", Drive.value(mode, call(f, true)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Supplier<Future<String>> call(Method m, boolean arg) {
        return () -> {
            try {
                return (Future<String>) m.invoke(null, arg);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        };
    }
}
