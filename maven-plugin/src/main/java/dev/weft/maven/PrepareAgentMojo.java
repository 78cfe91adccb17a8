package dev.weft.maven;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Appends {@code -javaagent:<weft-agent.jar>} to the property {@code argLine} (as JaCoCo's goal of
 * the same name does), so that surefire and failsafe run the tests woven at load time with no
 * other configuration. The jar is the plugin's own weft-agent dependency.
 *
 * <p>A value the user already gave the property (in {@code <properties>} or with {@code -D}) is
 * kept in front. A surefire {@code <argLine>} written in the plugin's configuration replaces the
 * property instead; write {@code <argLine>@{argLine} -Xmx1g</argLine>} there to keep both.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    private Map<String, Artifact> pluginArtifactMap;

    /** The property to append the option to. */
    @Parameter(property = "weft.propertyName", defaultValue = "argLine")
    private String propertyName;

    /** Agent options, appended as {@code -javaagent:<jar>=<options>} (for example {@code dump=target/woven}). */
    @Parameter(property = "weft.agentOptions")
    private String options;

    @Parameter(property = "weft.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("weft: skipped");
            return;
        }
        Artifact a = pluginArtifactMap.get("dev.weft:weft-agent");
        if (a == null || a.getFile() == null) {
            throw new MojoExecutionException(
                    "weft: dev.weft:weft-agent is missing from the plugin's dependencies");
        }
        File jar = a.getFile();
        requireAgent(jar);
        String path = jar.getAbsolutePath();
        String option =
                "-javaagent:"
                        + (path.contains(" ") ? "\"" + path + "\"" : path)
                        + (options == null || options.isEmpty() ? "" : "=" + options);
        Properties props = project.getProperties();
        // -DargLine=... on the command line wins over the pom's property: extend that one
        String old =
                session.getUserProperties()
                        .getProperty(propertyName, props.getProperty(propertyName));
        String value =
                old == null || old.trim().isEmpty()
                        ? option
                        : old.contains(option) ? old : old + " " + option;
        props.setProperty(propertyName, value);
        if (session.getUserProperties().containsKey(propertyName)) {
            // a -D value wins over the project's property when later mojos read ${argLine}
            session.getUserProperties().setProperty(propertyName, value);
        }
        getLog().info("weft: " + propertyName + " set to " + value);
    }

    /** The resolved file must be the runnable, shaded agent, not a thin jar without Premain-Class. */
    private static void requireAgent(File jar) throws MojoExecutionException {
        try (JarFile j = new JarFile(jar)) {
            Manifest m = j.getManifest();
            if (m == null || m.getMainAttributes().getValue("Premain-Class") == null) {
                throw new MojoExecutionException(
                        "weft: "
                                + jar
                                + " is not the weft agent (no Premain-Class in its manifest)");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("weft: cannot read " + jar + ": " + e, e);
        }
    }
}
