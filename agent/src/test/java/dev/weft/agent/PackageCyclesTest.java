package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.tree.ClassNode;

/**
 * Dependencies point one way (issue 15, point 1): no cycle between the runtime's
 * {@code dev.weft.internal.*} packages, and none between the agent's stage packages
 * ({@code dev.weft.agent.*} subpackages). Read from the compiled classes, so a reference in a
 * descriptor, signature, annotation or method body counts as much as an import does; a package
 * cycle is a strongly connected component of more than one package. The runtime is held to a
 * stricter rule as well: its packages form layers, and every dependency points down.
 */
class PackageCyclesTest {

    /**
     * The runtime's layering, lowest first (written out in each package-info and in
     * docs/design.md, "How the runtime's packages depend on each other"): a package may use only
     * packages of lower layers, never one of its own layer or above. A package not listed here is
     * still checked for cycles; add it to the layer it belongs to, with a line in its
     * package-info.
     */
    private static final List<Set<String>> RUNTIME_LAYERS =
            List.of(
                    Set.of("metrics", "jmx"), // counters and their JMX views: depend on nothing
                    Set.of("time", "dump"), // the timer wheel and driver; task-dump formatting
                    Set.of("driver"), // owns the timers, the selector and the fallback driver
                    Set.of("context"), // what a poll runs with: Context parts, worker-local state
                    Set.of("coroutine"), // the contract woven code calls, Ready
                    Set.of("future", "io", "task"), // leaf futures and combinators; sockets; tasks
                    Set.of("blocking", "jfr", "scope", "stream"), // built on tasks and futures
                    Set.of("scheduler")); // runs tasks, drives the driver

    /** The agent's stages have no cycle left: none may appear. */
    private static final Set<String> KNOWN_AGENT_CYCLE_EDGES = Set.of();

    @Test
    void runtimeInternalPackagesHaveNoCycle() throws Exception {
        Path runtime = codeSource(Class.forName("dev.weft.Async"));
        assertNoNewCycles(
                "runtime",
                packageGraph(runtime, p -> p.startsWith("dev.weft.internal.")),
                Set.of());
    }

    /** Stricter than no cycle: every edge between listed packages points to a lower layer. */
    @Test
    void runtimeInternalPackagesDependOnLowerLayersOnly() throws Exception {
        Path runtime = codeSource(Class.forName("dev.weft.Async"));
        Map<String, Set<String>> graph =
                packageGraph(runtime, p -> p.startsWith("dev.weft.internal."));
        assertEquals(List.of(), layerViolations(graph, RUNTIME_LAYERS, "dev.weft.internal."));
    }

    /** The layer check itself: an edge upwards or sideways is caught, one downwards is not. */
    @Test
    void findsAnEdgeThatDoesNotPointDown() {
        List<Set<String>> layers = List.of(Set.of("low"), Set.of("mid", "side"), Set.of("top"));
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("x.top", new TreeSet<>(List.of("x.mid", "x.low", "x.unlisted")));
        g.put("x.mid", new TreeSet<>(List.of("x.low")));
        g.put("x.side", new TreeSet<>());
        g.put("x.low", new TreeSet<>());
        assertEquals(List.of(), layerViolations(g, layers, "x."));
        g.get("x.mid").add("x.side");
        g.get("x.low").add("x.top");
        assertEquals(
                List.of("x.low -> x.top (layer 0 -> 2)", "x.mid -> x.side (layer 1 -> 1)"),
                layerViolations(g, layers, "x."));
    }

    /** Edges between listed packages that do not point to a strictly lower layer. */
    static List<String> layerViolations(
            Map<String, Set<String>> graph, List<Set<String>> layers, String prefix) {
        Map<String, Integer> layerOf = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (String p : layers.get(i)) {
                layerOf.put(prefix + p, i);
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : new TreeMap<>(graph).entrySet()) {
            Integer from = layerOf.get(e.getKey());
            for (String q : e.getValue()) {
                Integer to = layerOf.get(q);
                if (from != null && to != null && to >= from) {
                    out.add(e.getKey() + " -> " + q + " (layer " + from + " -> " + to + ")");
                }
            }
        }
        return out;
    }

    @Test
    void agentStagePackagesHaveNoCycle() throws Exception {
        Path agent = codeSource(WeftAgent.class);
        Map<String, Set<String>> graph =
                packageGraph(
                        agent,
                        p ->
                                p.startsWith("dev.weft.agent.")
                                        && !p.startsWith("dev.weft.agent.shaded."));
        assertNoNewCycles("agent", graph, KNOWN_AGENT_CYCLE_EDGES);
        // Stages report to the stats; the stats never call a stage or the driver.
        assertEquals(
                Set.of(), graph.get("dev.weft.agent.stats"), "dev.weft.agent.stats must be a leaf");
        // Every stage asks subtype questions; the hierarchy answers them without asking a stage.
        assertEquals(
                Set.of("dev.weft.agent.stats"),
                graph.get("dev.weft.agent.hierarchy"),
                "dev.weft.agent.hierarchy may depend on the stats only");
    }

    /** The check itself: a graph with a cycle is caught, one without is not. */
    @Test
    void findsACycleAndOnlyACycle() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", new TreeSet<>(List.of("b")));
        g.put("b", new TreeSet<>(List.of("c")));
        g.put("c", new TreeSet<>(List.of("a", "d")));
        g.put("d", new TreeSet<>());
        assertEquals(List.of(Set.of("a", "b", "c")), cycles(g));
        g.get("c").remove("a");
        assertEquals(List.of(), cycles(g));
    }

    private static void assertNoNewCycles(
            String what, Map<String, Set<String>> graph, Set<String> knownEdges) {
        assertTrue(
                graph.size() > 1,
                what + ": no packages found, the class directory is wrong: " + graph.keySet());
        List<String> unknown = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Set<String> cycle : cycles(graph)) {
            StringBuilder line = new StringBuilder(what + " package cycle: " + cycle);
            for (String p : cycle) {
                for (String q : graph.get(p)) {
                    if (cycle.contains(q)) {
                        String edge = p + " -> " + q;
                        seen.add(edge);
                        boolean known = knownEdges.contains(edge);
                        line.append("\n    ").append(edge).append(known ? "  (known)" : "  (NEW)");
                        if (!known) {
                            unknown.add(edge);
                        }
                    }
                }
            }
            System.out.println("[cycles] " + line);
        }
        for (String edge : new TreeSet<>(knownEdges)) {
            if (!seen.contains(edge)) {
                System.out.println(
                        "[cycles] "
                                + what
                                + ": known edge "
                                + edge
                                + " is no longer in a cycle; delete it");
            }
        }
        assertTrue(
                unknown.isEmpty(),
                what
                        + ": new edges inside package cycles (issue 15, point 1), see the"
                        + " [cycles] lines printed above: "
                        + unknown);
    }

    /** Package → packages it references, both ends kept by {@code keep}; self edges dropped. */
    private static Map<String, Set<String>> packageGraph(Path root, Predicate<String> keep)
            throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (byte[] bytes : classFiles(root)) {
            ClassReader reader = new ClassReader(bytes);
            String from = packageOf(reader.getClassName());
            if (!keep.test(from)) {
                continue;
            }
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            // The remapper is shown every internal name the class mentions, wherever it stands.
            reader.accept(
                    new ClassRemapper(
                            new ClassNode(),
                            new Remapper(Opcodes.ASM9) {
                                @Override
                                public String map(String internalName) {
                                    String p = packageOf(internalName);
                                    if (!p.equals(from) && keep.test(p)) {
                                        to.add(p);
                                    }
                                    return internalName;
                                }
                            }),
                    0);
        }
        for (Set<String> targets : List.copyOf(graph.values())) {
            for (String t : targets) {
                graph.computeIfAbsent(t, k -> new TreeSet<>());
            }
        }
        return graph;
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }

    private static List<byte[]> classFiles(Path root) throws IOException {
        List<byte[]> out = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.toString().endsWith(".class")
                            && !f.getFileName().toString().startsWith("module-info")) {
                        out.add(Files.readAllBytes(f));
                    }
                }
            }
        } else {
            try (ZipFile zip = new ZipFile(root.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().endsWith(".class") && !e.getName().contains("module-info")) {
                        try (InputStream in = zip.getInputStream(e)) {
                            out.add(in.readAllBytes());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Path codeSource(Class<?> c) throws URISyntaxException {
        return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Tarjan's strongly connected components, keeping those of more than one package. */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                strongConnect(v, graph, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void strongConnect(
            String v,
            Map<String, Set<String>> graph,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            Set<String> onStack,
            List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strongConnect(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }
}
