package dev.weft.maven;

import java.io.File;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Weaves {@code target/test-classes} in place against the test class path. */
@Mojo(
        name = "weave-tests",
        defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class WeaveTestsMojo extends AbstractWeaveMojo {

    @Parameter(defaultValue = "${project.build.testOutputDirectory}", required = true)
    private File testClassesDirectory;

    /** The tests' own skip switch also skips weaving them. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean skipTests;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("weft: skipped");
            return;
        }
        try {
            WeaveMojo.weaveDirectory(
                    this,
                    testClassesDirectory,
                    project.getTestClasspathElements(),
                    "weave-tests.state");
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("weft: " + e.getMessage(), e);
        }
    }
}
