package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

/**
 * The agent's JFR events: loading {@code rejected.Rejected} again, in a loader of its own, weaves
 * it while a recording runs; that is one {@code dev.weft.WeaveClass} event (with its duration)
 * and one {@code dev.weft.WeaveRejection} per refused method, whose message is the one logged.
 */
class WeaveEventsTest {

    /** Defines {@code name} itself from the test classes (so the agent weaves it again); delegates the rest. */
    private static final class Reloader extends ClassLoader {
        private final String name;

        Reloader(String name, ClassLoader parent) {
            super(parent);
            this.name = name;
        }

        @Override
        protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
            if (!n.equals(name)) {
                return super.loadClass(n, resolve);
            }
            synchronized (getClassLoadingLock(n)) {
                Class<?> c = findLoadedClass(n);
                if (c == null) {
                    try (InputStream in =
                            getParent().getResourceAsStream(n.replace('.', '/') + ".class")) {
                        byte[] b = in.readAllBytes();
                        c = defineClass(n, b, 0, b.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(n, e);
                    }
                }
                return c;
            }
        }
    }

    @Test
    void weavingAClassIsAnEventAndEachRejectionToo() throws Exception {
        String name = "dev.weft.it.rejected.Rejected";
        BlockingQueue<RecordedEvent> woven = new LinkedBlockingQueue<>();
        // JDK 17's stream parser may lose pooled strings (N/A); the recording file keeps them.
        Recording file = new Recording();
        file.enable("dev.weft.WeaveClass").withThreshold(java.time.Duration.ZERO);
        file.enable("dev.weft.WeaveRejection");
        file.start();
        Path dump = Files.createTempFile("weave-events", ".jfr");
        try (RecordingStream rs = new RecordingStream()) {
            rs.enable("dev.weft.WeaveClass").withThreshold(java.time.Duration.ZERO);
            rs.onEvent(
                    "dev.weft.WeaveClass",
                    e -> {
                        if (e.getInt("rejections") > 0) {
                            woven.add(e);
                        }
                    });
            rs.startAsync();
            Class<?> c = new Reloader(name, getClass().getClassLoader()).loadClass(name);
            assertEquals(name, c.getName());
            RecordedEvent e = woven.poll(60, TimeUnit.SECONDS);
            assertNotNull(e, "no WeaveClass event");
            assertTrue(e.getInt("wovenMethods") > 0, e.toString());
            assertTrue(e.getDuration().toNanos() > 0, "the weave's duration: " + e);
            assertTrue(e.getInt("bytes") > 0, e.toString());
            file.stop();
            file.dump(dump);
            List<String> rejections = new ArrayList<>();
            RecordedEvent weave = null;
            for (RecordedEvent r : RecordingFile.readAllEvents(dump)) {
                if (!name.equals(r.getString("className"))) {
                    continue;
                }
                if (r.getEventType().getName().equals("dev.weft.WeaveRejection")) {
                    rejections.add(r.getString("message"));
                } else {
                    weave = r;
                }
            }
            assertNotNull(weave, "the file has the WeaveClass event");
            assertEquals(weave.getInt("rejections"), rejections.size(), rejections.toString());
            assertTrue(
                    rejections.stream()
                            .anyMatch(
                                    m ->
                                            m.startsWith(
                                                            "dev.weft.it.rejected.Rejected.syncBlock(Rejected.java:")
                                                    && m.contains(
                                                            "await inside a synchronized block")),
                    rejections.toString());
        } finally {
            file.close();
            Files.deleteIfExists(dump);
        }
    }
}
