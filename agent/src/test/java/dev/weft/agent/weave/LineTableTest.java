package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.agent.testkit.WeavingLoader;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Every companion carries its state-to-line table (issue 16, point 1): one string constant
 * {@code host;method;line1,...;file}, line k being the line of suspension point k, read by task
 * dumps and by nothing else.
 */
class LineTableTest {

    @Test
    void eachCompanionNamesItsHostMethodFileAndTheLineOfEverySuspensionPoint() throws Exception {
        SampleRunner.sample("Greeter");
        WeaveResult r = SampleRunner.LOADER.woven.get(WeavingLoader.SAMPLES + "Greeter");
        Map<String, String> tables = new TreeMap<>();
        for (byte[] companion : r.companions.values()) {
            ClassNode cn = new ClassNode();
            new ClassReader(companion).accept(cn, 0);
            for (MethodNode m : cn.methods) {
                if (m.name.equals("lineTable")) {
                    String table =
                            (String)
                                    ((org.objectweb.asm.tree.LdcInsnNode) m.instructions.getFirst())
                                            .cst;
                    tables.put(table.split(";")[1], table);
                }
            }
        }
        List<String> source =
                java.nio.file.Files.readAllLines(
                        java.nio.file.Path.of("src/test/java/dev/weft/agent/samples/Greeter.java"));
        int hello1 = lineOf(source, "String p = await(Leaf.of(\"hi \"));");
        int hello2 = lineOf(source, "await(twice(2))");
        int twice = lineOf(source, "return Future.ready(await(Leaf.of(x)) * 2);");
        assertEquals(
                Map.of(
                        "hello",
                                "dev.weft.agent.samples.Greeter;hello;"
                                        + hello1
                                        + ","
                                        + hello2
                                        + ";Greeter.java",
                        "twice", "dev.weft.agent.samples.Greeter;twice;" + twice + ";Greeter.java"),
                tables);
    }

    @Test
    void theRuntimeReadsTheTableThroughTheCompanionsOverride() throws Throwable {
        Class<?> c = SampleRunner.sample("Greeter");
        Object call = SampleRunner.invoke(c, "twice", 2);
        Method lineTable =
                dev.weft.internal.coroutine.Coroutine.class.getDeclaredMethod("lineTable");
        lineTable.setAccessible(true);
        List<String> source =
                java.nio.file.Files.readAllLines(
                        java.nio.file.Path.of("src/test/java/dev/weft/agent/samples/Greeter.java"));
        assertEquals(
                "dev.weft.agent.samples.Greeter;twice;"
                        + lineOf(source, "return Future.ready(await(Leaf.of(x)) * 2);")
                        + ";Greeter.java",
                lineTable.invoke(call));
    }

    private static int lineOf(List<String> source, String text) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }
}
