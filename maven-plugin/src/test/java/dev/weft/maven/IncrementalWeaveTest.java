package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weave loop over a real class directory: skip what is unchanged, weave what was recompiled. */
class IncrementalWeaveTest {

    @TempDir Path tmp;

    private final AbstractWeaveMojo mojo =
            new AbstractWeaveMojo() {
                @Override
                public void execute() {}
            };

    private Path classes;
    private List<String> classpath;

    private void setUp() {
        classes = tmp.resolve("classes");
        MavenProject project = new MavenProject();
        project.getBuild().setDirectory(tmp.resolve("target").toString());
        mojo.project = project;
        Artifact agent =
                new DefaultArtifact(
                        "dev.weft",
                        "weft-agent",
                        "1",
                        "compile",
                        "jar",
                        null,
                        new DefaultArtifactHandler("jar"));
        agent.setFile(tmp.resolve("weft-agent.jar").toFile());
        mojo.pluginArtifactMap = Map.of("dev.weft:weft-agent", agent);
        mojo.failOnRejection = true;
        classpath = List.of(classes.toString(), System.getProperty("java.class.path"));
    }

    private void compile(String name, String source) throws Exception {
        Path src = tmp.resolve("src/app/" + name + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc =
                javac.run(
                        null,
                        null,
                        null,
                        "-d",
                        classes.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        src.toString());
        assertEquals(0, rc);
    }

    private static String greeter(String word) {
        return "package app;\n"
                + "import static dev.weft.Async.await;\n"
                + "import dev.weft.Future;\n"
                + "public class Greeter {\n"
                + "    public static Future<String> greet() {\n"
                + "        String w = await(Future.ready(\""
                + word
                + "\"));\n"
                + "        return Future.ready(w);\n"
                + "    }\n"
                + "}\n";
    }

    @Test
    void weavesOnceSkipsUnchangedAndWeavesARecompiledClassAgain() throws Exception {
        setUp();
        compile("Greeter", greeter("hello"));
        compile("Plain", "package app; public class Plain {}");

        AbstractWeaveMojo.Summary first =
                mojo.process(classes, classpath, "weave.state", true, false);
        assertEquals(1, first.woven);
        assertEquals(0, first.unchanged);
        assertEquals(1, first.methods);
        byte[] woven = Files.readAllBytes(classes.resolve("app/Greeter.class"));

        AbstractWeaveMojo.Summary second =
                mojo.process(classes, classpath, "weave.state", true, false);
        assertEquals(0, second.woven);
        assertEquals(2, second.unchanged);
        assertEquals(1, second.methods);

        // the state file lost: the scan still never weaves a woven class twice
        Files.delete(tmp.resolve("target/weft/weave.state"));
        AbstractWeaveMojo.Summary again =
                mojo.process(classes, classpath, "weave.state", true, false);
        assertEquals(0, again.woven);
        assertTrue(
                java.util.Arrays.equals(
                        woven, Files.readAllBytes(classes.resolve("app/Greeter.class"))));

        compile("Greeter", greeter("bonjour")); // as an IDE or an incremental build would
        AbstractWeaveMojo.Summary recompiled =
                mojo.process(classes, classpath, "weave.state", true, false);
        assertEquals(1, recompiled.woven);
        assertEquals(1, recompiled.unchanged);
    }

    @Test
    void aRejectionFailsEveryRunNotOnlyTheFirst() throws Exception {
        setUp();
        compile(
                "Locked",
                "package app;\n"
                        + "import static dev.weft.Async.await;\n"
                        + "import dev.weft.Async;\n"
                        + "import dev.weft.Future;\n"
                        + "public class Locked {\n"
                        + "    public Future<Void> run() {\n"
                        + "        synchronized (this) {\n"
                        + "            await(Async.yieldNow());\n"
                        + "        }\n"
                        + "        return Future.done();\n"
                        + "    }\n"
                        + "}\n");
        for (int run = 0; run < 2; run++) {
            AbstractWeaveMojo.Summary s =
                    mojo.process(classes, classpath, "weave.state", true, false);
            assertEquals(1, s.rejections.size(), s.rejections.toString());
            assertTrue(
                    s.rejections
                            .get(0)
                            .startsWith(
                                    "app.Locked.run(Locked.java:8): await inside a synchronized block"),
                    s.rejections.get(0));
            MojoFailureException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            MojoFailureException.class, () -> mojo.conclude(s));
            assertTrue(e.getMessage().contains("app.Locked.run(Locked.java:8)"), e.getMessage());
        }
        mojo.failOnRejection = false;
        mojo.conclude(
                mojo.process(classes, classpath, "weave.state", true, false)); // logged, not thrown
    }

    @Test
    void failOnWarningFailsOnWarningsOnly() throws Exception {
        setUp();
        AbstractWeaveMojo.Summary s = new AbstractWeaveMojo.Summary();
        s.warnings.add("app.A.f(A.java:3): a warning");
        mojo.conclude(s); // default: warnings are logged
        mojo.failOnWarning = true;
        org.junit.jupiter.api.Assertions.assertThrows(
                MojoFailureException.class, () -> mojo.conclude(s));
        mojo.conclude(new AbstractWeaveMojo.Summary());
    }
}
