package dev.weft.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the line of a marker comment in this module's test sources, so that tests asserting on
 * line numbers (rejection messages, stack traces) do not break when code above them moves.
 * Surefire runs with the module directory as the working directory.
 */
final class SourceLines {

    private SourceLines() {}

    /** The 1-based line of {@code file} (relative to src/test/java) containing {@code marker}. */
    static int lineOf(String file, String marker) {
        Path p = Path.of("src/test/java", file);
        try {
            List<String> lines = Files.readAllLines(p);
            int found = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(marker)) {
                    if (found != -1) {
                        throw new IllegalStateException("marker " + marker + " twice in " + p);
                    }
                    found = i + 1;
                }
            }
            if (found == -1) {
                throw new IllegalStateException("marker " + marker + " not in " + p);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
