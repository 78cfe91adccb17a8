package dev.weft.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Weaves {@code target/classes} in place against the compile class path: the woven classes run
 * with weft-runtime alone, with no agent and no weaver on the class path.
 */
@Mojo(
        name = "weave",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class WeaveMojo extends AbstractWeaveMojo {

    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("weft: skipped");
            return;
        }
        weaveDirectory(this, classesDirectory, classpath(), "weave.state");
    }

    private List<String> classpath() throws MojoExecutionException {
        try {
            return project.getCompileClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("weft: " + e.getMessage(), e);
        }
    }

    static void weaveDirectory(
            AbstractWeaveMojo mojo, File dir, List<String> classpath, String stateName)
            throws MojoExecutionException, MojoFailureException {
        if (!dir.isDirectory()) {
            mojo.getLog().info("weft: " + dir + " does not exist, nothing to weave");
            return;
        }
        Summary s = mojo.process(dir.toPath(), classpath, stateName, true, false);
        mojo.getLog()
                .info(
                        "weft: wove "
                                + s.woven
                                + " class(es) in "
                                + dir
                                + ", "
                                + s.unchanged
                                + " unchanged since the last run, "
                                + s.methods
                                + " coroutine method(s), "
                                + s.rejections.size()
                                + " rejection(s)");
        mojo.conclude(s);
    }
}
