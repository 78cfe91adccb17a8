package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Mode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Code compiled by the running JDK's own javac at its own language level (Java 17 class files on
 * JDK 17; on JDK 25, Java 25 class files with pattern switches, awaiting guards, record patterns,
 * unnamed variables and a constructor with statements before super()), loaded through a class
 * loader of its own and woven by the agent at load time.
 */
class CompiledAtRunTimeTest {

    private static final int FEATURE = Runtime.version().feature();

    /** Java 17: sealed types, records, instanceof patterns, awaits in each. */
    private static final String COMMON =
            """
            package gen;

            import static dev.weft.Async.await;

            import dev.weft.Future;
            import dev.weft.testkit.Leaf;

            public class Shapes {
                public sealed interface Shape permits Circle, Square {}
                public record Circle(double r) implements Shape {}
                public record Square(int side) implements Shape {}

                public static Future<String> basic(Object o) {
                    String r = "none";
                    if (o instanceof Circle c && c.r() > await(Leaf.of(1.0))) {
                        r = "big circle " + await(Leaf.of(c.r()));
                    } else if (o instanceof Square sq) {
                        r = "square " + sq.side() * await(Leaf.of(2));
                    } else if (o instanceof String s) {
                        r = "string " + await(Leaf.of(s.length()));
                    }
                    return Future.ready(r);
                }
            """;

    /** Java 21+: pattern switch with guards that await, record patterns, case null. */
    private static final String MODERN =
            """
                public static Future<String> modern(Object o) {
                    String r = switch (o) {
                        case Circle c when c.r() > await(Leaf.of(1.0)) -> "big circle " + await(Leaf.of(c.r()));
                        case Circle(double rad) -> "circle " + rad;
                        case Square(int s) when s > await(Leaf.of(10)) -> "huge square";
                        case Square(int s) -> "square " + s * await(Leaf.of(2));
                        case String s -> "string " + await(Leaf.of(s.length()));
                        case null -> "null" + await(Leaf.of("!"));
                        default -> "other";
                    };
                    if (o instanceof Square(int side) && side > await(Leaf.of(0))) {
                        r += "+";
                    }
                    return Future.ready(r);
                }
            """;

    /** Java 22+: unnamed variables and patterns; Java 25: statements before super() (JEP 513). */
    private static final String NEWEST =
            """
                public static Future<Integer> unnamed(java.util.List<Object> items) {
                    int n = 0;
                    for (Object _ : items) {
                        n += await(Leaf.of(1));
                    }
                    for (Object o : items) {
                        if (o instanceof Circle(double _)) {
                            n += await(Leaf.of(100));
                        }
                    }
                    try {
                        Integer.parseInt(await(Leaf.of("x")));
                    } catch (NumberFormatException _) {
                        n += await(Leaf.of(1000));
                    }
                    return Future.ready(n);
                }
            """;

    private static final String PROLOGUE =
            """
                public static class Checked {
                    final int v;
                    public Checked(int v) {
                        if (v < 0) {
                            throw new IllegalArgumentException("negative");
                        }
                        int doubled = v * 2;
                        super();
                        this.v = doubled;
                    }
                    public Future<Integer> plus() {
                        return Future.ready(v + await(Leaf.of(1)));
                    }
                }
            """;

    private static Path out;
    private static URLClassLoader loader;

    @BeforeAll
    static void compile() throws IOException {
        out = Files.createTempDirectory("weft-compiled");
        Path src = out.resolve("src/gen/Shapes.java");
        Files.createDirectories(src.getParent());
        Files.writeString(
                src,
                COMMON
                        + (FEATURE >= 21 ? MODERN : "")
                        + (FEATURE >= 22 ? NEWEST : "")
                        + (FEATURE >= 25 ? PROLOGUE : "")
                        + "}\n");
        Path classes = Files.createDirectories(out.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc =
                javac.run(
                        null,
                        null,
                        new PrintStream(diagnostics, true, StandardCharsets.UTF_8),
                        "--release",
                        Integer.toString(FEATURE),
                        "-g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-d",
                        classes.toString(),
                        src.toString());
        assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));
        loader =
                new URLClassLoader(
                        new URL[] {classes.toUri().toURL()},
                        CompiledAtRunTimeTest.class.getClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        loader.close();
    }

    @SuppressWarnings("unchecked")
    private static Supplier<Future<String>> call(String method, Object arg) {
        return () -> {
            try {
                Method m = loader.loadClass("gen.Shapes").getMethod(method, Object.class);
                return (Future<String>) m.invoke(null, arg);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        };
    }

    private static Object make(String record, Object arg) {
        try {
            Class<?> c = loader.loadClass("gen.Shapes$" + record);
            return c.getConstructors()[0].newInstance(arg);
        } catch (ReflectiveOperationException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @BothModes
    void classFilesOfTheRunningJdksOwnVersion(Mode mode) throws Exception {
        int major = readMajor();
        assertEquals(44 + FEATURE, major, "class file version");
        assertEquals("big circle 2.5", Drive.value(mode, call("basic", make("Circle", 2.5))));
        assertEquals("square 6", Drive.value(mode, call("basic", make("Square", 3))));
        assertEquals("string 3", Drive.value(mode, call("basic", "abc")));
        if (FEATURE >= 21) {
            for (Object[] c :
                    List.of(
                            new Object[] {make("Circle", 2.5), "big circle 2.5"},
                            new Object[] {make("Circle", 0.5), "circle 0.5"},
                            new Object[] {make("Square", 11), "huge square+"},
                            new Object[] {make("Square", 3), "square 6+"},
                            new Object[] {"abcd", "string 4"},
                            new Object[] {null, "null!"},
                            new Object[] {42, "other"})) {
                assertEquals(c[1], Drive.value(mode, call("modern", c[0])), "modern(" + c[0] + ")");
            }
        }
        if (FEATURE >= 22) {
            List<Object> items = List.of(make("Circle", 1.0), "s", make("Square", 2));
            Method unnamed = loader.loadClass("gen.Shapes").getMethod("unnamed", List.class);
            assertEquals(
                    1103,
                    Drive.value(
                            mode,
                            () -> {
                                try {
                                    @SuppressWarnings("unchecked")
                                    Future<Integer> f =
                                            (Future<Integer>) unnamed.invoke(null, items);
                                    return f;
                                } catch (ReflectiveOperationException e) {
                                    throw new AssertionError(e);
                                }
                            }));
        }
        if (FEATURE >= 25) {
            Object checked =
                    loader.loadClass("gen.Shapes$Checked")
                            .getConstructor(int.class)
                            .newInstance(20);
            Method plus = checked.getClass().getMethod("plus");
            assertEquals(
                    41,
                    Drive.value(
                            mode,
                            () -> {
                                try {
                                    @SuppressWarnings("unchecked")
                                    Future<Integer> f = (Future<Integer>) plus.invoke(checked);
                                    return f;
                                } catch (ReflectiveOperationException e) {
                                    throw new AssertionError(e);
                                }
                            }));
        }
    }

    private static int readMajor() throws IOException {
        byte[] b = Files.readAllBytes(out.resolve("classes/gen/Shapes.class"));
        return ((b[6] & 0xff) << 8) | (b[7] & 0xff);
    }
}
