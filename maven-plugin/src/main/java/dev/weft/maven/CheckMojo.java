package dev.weft.maven;

import java.io.File;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The report of {@code java -jar weft-agent.jar check} in the build log: every coroutine method
 * with its suspension points and state object, and every rejection, which fails the build. Writes
 * nothing. Classes that {@code weave} already wove are not woven again: what it found about them
 * is reported from its state file.
 */
@Mojo(
        name = "check",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class CheckMojo extends AbstractWeaveMojo {

    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("weft: skipped");
            return;
        }
        if (!classesDirectory.isDirectory()) {
            getLog().info("weft: " + classesDirectory + " does not exist, nothing to check");
            return;
        }
        Summary s;
        try {
            // weave's state: a class it wove is reported from there (the scan skips woven classes)
            s =
                    process(
                            classesDirectory.toPath(),
                            project.getCompileClasspathElements(),
                            "weave.state",
                            false,
                            true);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("weft: " + e.getMessage(), e);
        }
        getLog().info(
                        "weft: "
                                + s.methods
                                + " coroutine method(s), "
                                + s.rejections.size()
                                + " problem(s) in "
                                + classesDirectory);
        conclude(s);
    }
}
