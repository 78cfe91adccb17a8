package dev.weft.agent.cli;

import dev.weft.agent.check.Rejection;
import dev.weft.agent.check.Warning;
import dev.weft.agent.hierarchy.TypeHierarchy;
import dev.weft.agent.read.UnreadableClassException;
import dev.weft.agent.verify.WovenClassVerifier;
import dev.weft.agent.weave.MethodReport;
import dev.weft.agent.weave.WeaveResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * The entry point of build tools (the Maven plugin): the same filter, scan and {@code Weaver} as
 * {@code java -jar weft-agent.jar weave}, one class at a time, so that the caller decides which
 * files to read and write (incremental builds) and how to report.
 *
 * <p>Its signatures use JDK types only: in the published jar ASM and ByteBuddy are relocated, so a
 * caller compiled against unshaded types could not link against them.
 */
public final class BuildWeaver {

    /** What weaving one class produced. */
    public static final class Outcome {
        /** The woven class file, or null when the class is left as it was (no await, already woven, or a failure). */
        public final byte[] bytes;

        /** {@code Class.method(File.java:line): reason} for each method the weaver refused. */
        public final List<String> rejections;

        /**
         * Weave-time warnings (a future never used, a blocking call in a woven method), as
         * {@code Class.method(File.java:line): reason}; {@code failOnWarning} of the Maven plugin reads them.
         */
        public final List<String> warnings;

        /** The {@code check} report lines of each woven coroutine method. */
        public final List<String> report;

        /** The number of coroutine methods woven. */
        public final int methods;

        /** Why the whole class could not be woven (it is then left as it was), or null. */
        public final String failure;

        Outcome(
                byte[] bytes,
                List<String> rejections,
                List<String> warnings,
                List<String> report,
                int methods,
                String failure) {
            this.bytes = bytes;
            this.rejections = rejections;
            this.warnings = warnings;
            this.report = report;
            this.methods = methods;
            this.failure = failure;
        }
    }

    private static final Outcome UNTOUCHED =
            new Outcome(
                    null,
                    Collections.emptyList(),
                    Collections.emptyList(),
                    Collections.emptyList(),
                    0,
                    null);

    private final ClassFileLocator locator;

    /**
     * @param classes the class directory (or jar) being woven
     * @param classpath the rest of the application's class path (entries that do not exist are skipped)
     */
    public BuildWeaver(Path classes, List<Path> classpath) throws IOException {
        StringBuilder cp = new StringBuilder();
        for (Path p : classpath) {
            if (cp.length() > 0) {
                cp.append(File.pathSeparatorChar);
            }
            cp.append(p);
        }
        this.locator = Main.locator(classes, cp.toString());
    }

    /** Whether weft-runtime is on the class path: without it the woven bytes differ from load-time weaving's. */
    public boolean runtimeVisible() {
        return new TypeHierarchy(locator).isResolved("dev/weft/internal/coroutine/Coroutine");
    }

    /**
     * Weaves one entry ({@code a/b/C.class}).
     *
     * @param verify also run the {@code check} command's verify stage on the woven bytes; its
     *     problems are reported as rejections
     */
    public Outcome weave(String entry, byte[] bytes, boolean verify) {
        WeaveResult r;
        try {
            r = Main.weaveEntry(entry, bytes, locator);
        } catch (UnreadableClassException | RuntimeException | LinkageError failure) {
            return new Outcome(
                    null,
                    Collections.emptyList(),
                    Collections.emptyList(),
                    Collections.emptyList(),
                    0,
                    Main.failed(entry, failure));
        }
        if (r == null) {
            return UNTOUCHED;
        }
        List<String> rejections = new ArrayList<>();
        for (Rejection rej : r.rejections) {
            rejections.add(rej.message);
        }
        List<String> report = new ArrayList<>();
        for (MethodReport m : r.methods) {
            report.addAll(m.describe());
        }
        if (verify) {
            try {
                for (String p : WovenClassVerifier.verify(r.bytes, new TypeHierarchy(locator))) {
                    rejections.add("verify: " + p);
                }
                for (byte[] c : r.companions.values()) {
                    for (String p : WovenClassVerifier.verify(c, new TypeHierarchy(locator))) {
                        rejections.add("verify: " + p);
                    }
                }
            } catch (RuntimeException | LinkageError failure) {
                rejections.add("verify: " + entry + ": the verify stage failed: " + failure);
            }
        }
        List<String> warnings = new ArrayList<>();
        for (Warning w : r.warnings) {
            warnings.add(w.message);
        }
        return new Outcome(r.bytes, rejections, warnings, report, r.methods.size(), null);
    }
}
