package dev.weft.fuzz.exec;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * In-memory javac: many sources per compilation task (javac's start-up is the fuzzer's main cost),
 * class files collected in a map. The class path is the locations of weft's runtime and of the
 * fuzzer's support classes (surefire's manifest-only class path is not something javac reads).
 */
public final class MemoryCompiler {

    /** The outcome of one task: class files by binary name, and the sources javac rejected. */
    public static final class Result {
        public final Map<String, byte[]> classes = new LinkedHashMap<>();

        /** Source names (binary class names) with errors, and the first error of each. */
        public final Map<String, String> errors = new LinkedHashMap<>();
    }

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager standard;
    private final List<String> options;

    public MemoryCompiler() {
        this(0);
    }

    /**
     * With {@code release} above 17, sources are compiled with {@code --release release} (the
     * JDK 21 family: the running JDK's javac, which must be at least that release).
     */
    public MemoryCompiler(int release) {
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler (run on a JDK)");
        }
        standard = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        String cp =
                location(dev.weft.Future.class)
                        + File.pathSeparator
                        + location(MemoryCompiler.class);
        // No --release: the class files are those of the running JDK (17 or 25), which the weaver
        // must
        // read either way, and javac skips loading ct.sym for every task.
        List<String> o =
                new ArrayList<>(
                        List.of(
                                "-classpath",
                                cp,
                                "-g",
                                "-nowarn",
                                "-proc:none",
                                "-XDuseUnsharedTable=true"));
        if (release > 17) {
            if (Runtime.version().feature() < release) {
                throw new IllegalStateException(
                        "MemoryCompiler.<init>(MemoryCompiler.java:65): --release "
                                + release
                                + " needs a JDK "
                                + release
                                + "+ javac, this is "
                                + Runtime.version()
                                + " (run the campaign with JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64)");
            }
            o.add("--release");
            o.add(Integer.toString(release));
        }
        options = List.copyOf(o);
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compiles {@code sources} (binary class name to text) in one task. If some fail, they are
     * reported and the rest compiled again, so one bad source does not cost a batch.
     */
    public Result compile(Map<String, String> sources) {
        Result res = new Result();
        Map<String, String> todo = new LinkedHashMap<>(sources);
        for (int round = 0; round < 3 && !todo.isEmpty(); round++) {
            Set<String> bad = compileOnce(todo, res);
            if (bad.isEmpty()) {
                return res;
            }
            todo.keySet().removeAll(bad);
            res.classes.clear();
        }
        if (!todo.isEmpty()) {
            for (String name : todo.keySet()) {
                res.errors.putIfAbsent(name, "not compiled: the batch kept failing");
            }
        }
        return res;
    }

    private Set<String> compileOnce(Map<String, String> sources, Result res) {
        List<JavaFileObject> units = new ArrayList<>();
        Map<JavaFileObject, String> names = new HashMap<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            JavaFileObject u = new Source(e.getKey(), e.getValue());
            units.add(u);
            names.put(u, e.getKey());
        }
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        Output out = new Output(standard);
        boolean ok = javac.getTask(null, out, diags, options, null, units).call();
        Set<String> bad = new LinkedHashSet<>();
        for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String name = d.getSource() == null ? "?" : names.get(d.getSource());
                if (name != null) {
                    bad.add(name);
                    res.errors.putIfAbsent(
                            name, "line " + d.getLineNumber() + ": " + d.getMessage(null));
                }
            }
        }
        if (!ok && bad.isEmpty()) {
            throw new IllegalStateException(
                    "javac failed without a located error: " + diags.getDiagnostics());
        }
        for (Map.Entry<String, ByteArrayOutputStream> e : out.files.entrySet()) {
            res.classes.put(e.getKey(), e.getValue().toByteArray());
        }
        return bad;
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String binaryName, String text) {
            super(
                    URI.create("string:///" + binaryName.replace('.', '/') + Kind.SOURCE.extension),
                    Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class Output extends ForwardingJavaFileManager<JavaFileManager> {
        final Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();

        Output(JavaFileManager m) {
            super(m);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(
                Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(
                    URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    files.put(className, b);
                    return b;
                }
            };
        }
    }
}
