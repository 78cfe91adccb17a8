package dev.weft.maven;

import dev.weft.agent.cli.BuildWeaver;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The loop of {@code weave}, {@code weave-tests} and {@code check}: walk a class directory, hand
 * each class that changed since the last run to the agent's {@link BuildWeaver}, and report its
 * rejections as {@code Class.method(File.java:line): reason}.
 */
abstract class AbstractWeaveMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The plugin's own dependencies: the weaver is the weft-agent jar found here. */
    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    protected Map<String, Artifact> pluginArtifactMap;

    /** Fail the build when the weaver rejects a method (the method would throw when called). */
    @Parameter(property = "weft.failOnRejection", defaultValue = "true")
    protected boolean failOnRejection;

    /**
     * Fail the build on weave-time warnings (for example a discarded future), not only on
     * rejections. The warnings come from {@link BuildWeaver.Outcome#warnings}.
     */
    @Parameter(property = "weft.failOnWarning", defaultValue = "false")
    protected boolean failOnWarning;

    @Parameter(property = "weft.skip", defaultValue = "false")
    protected boolean skip;

    /** What one pass over a directory found. */
    static final class Summary {
        int classes;
        int woven;
        int unchanged;
        int methods;
        final List<String> rejections = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
    }

    /**
     * Weaves (or, with {@code write} false, only checks) every class file under {@code dir}.
     *
     * @param stateName the file under {@code target/weft/} that remembers the last weave; only a
     *     run that writes updates it (a class checked but not woven must still be woven later)
     */
    protected Summary process(
            Path dir, List<String> classpath, String stateName, boolean write, boolean verify)
            throws MojoExecutionException {
        Summary sum = new Summary();
        try {
            List<Path> cp = new ArrayList<>();
            for (String e : classpath) {
                Path p = Paths.get(e);
                if (!p.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
                    cp.add(p);
                }
            }
            BuildWeaver weaver = new BuildWeaver(dir, cp);
            if (!weaver.runtimeVisible()) {
                getLog().warn(
                                "weft: weft-runtime is not on the class path of "
                                        + dir
                                        + "; add the dev.weft:weft-runtime dependency (woven code calls it)");
            }
            Path stateFile = Paths.get(project.getBuild().getDirectory(), "weft", stateName);
            String key =
                    WeaveState.hash(
                            (agentJar() + "\n" + String.join(File.pathSeparator, classpath))
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            WeaveState last = WeaveState.load(stateFile, key);
            WeaveState next = new WeaveState(key);
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files =
                        s.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f))
                                .sorted()
                                .collect(Collectors.toList());
            }
            for (Path f : files) {
                String entry = dir.relativize(f).toString().replace(File.separatorChar, '/');
                byte[] bytes = Files.readAllBytes(f);
                String hash = WeaveState.hash(bytes);
                sum.classes++;
                WeaveState.Entry was = last.entries.get(entry);
                if (was != null && was.hash.equals(hash)) {
                    sum.unchanged++;
                    sum.methods += was.methods;
                    sum.rejections.addAll(was.rejections);
                    sum.warnings.addAll(was.warnings);
                    next.entries.put(entry, was);
                    continue;
                }
                BuildWeaver.Outcome o = weaver.weave(entry, bytes, verify);
                List<String> rejections = new ArrayList<>(o.rejections);
                if (o.failure != null) {
                    rejections.add(o.failure);
                }
                if (!write) {
                    o.report.forEach(line -> getLog().info(line));
                }
                String left = hash;
                if (o.bytes != null && write) {
                    Path tmp = f.resolveSibling(f.getFileName() + ".weft-tmp");
                    Files.write(tmp, o.bytes);
                    Files.move(
                            tmp,
                            f,
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                    left = WeaveState.hash(o.bytes);
                    sum.woven++;
                }
                WeaveState.Entry now = new WeaveState.Entry(left, o.methods);
                now.rejections.addAll(rejections);
                now.warnings.addAll(o.warnings);
                next.entries.put(entry, now);
                sum.methods += o.methods;
                sum.rejections.addAll(rejections);
                sum.warnings.addAll(o.warnings);
            }
            if (write) {
                next.save(stateFile);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("weft: cannot weave " + dir + ": " + e, e);
        }
        return sum;
    }

    /** Logs the rejections and warnings, then fails the build as the parameters say. */
    protected void conclude(Summary sum) throws MojoFailureException {
        for (String r : sum.rejections) {
            getLog().error(r);
        }
        for (String w : sum.warnings) {
            getLog().warn(w);
        }
        if (!sum.rejections.isEmpty() && failOnRejection) {
            throw new MojoFailureException(
                    "weft: "
                            + sum.rejections.size()
                            + " method(s) cannot be woven:\n  "
                            + String.join("\n  ", sum.rejections)
                            + "\n(set <failOnRejection>false</failOnRejection> to build anyway: such a method throws when called)");
        }
        if (!sum.warnings.isEmpty() && failOnWarning) {
            throw new MojoFailureException(
                    "weft: "
                            + sum.warnings.size()
                            + " warning(s) and <failOnWarning>true</failOnWarning>:\n  "
                            + String.join("\n  ", sum.warnings));
        }
    }

    /** The weft-agent jar this plugin runs: the same file {@code prepare-agent} hands to -javaagent. */
    protected File agentJar() throws MojoExecutionException {
        Artifact a = pluginArtifactMap.get("dev.weft:weft-agent");
        if (a == null || a.getFile() == null) {
            throw new MojoExecutionException(
                    "weft: dev.weft:weft-agent is missing from the plugin's dependencies");
        }
        return a.getFile();
    }
}
