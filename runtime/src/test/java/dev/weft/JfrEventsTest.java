package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

/** The runtime's JFR events, read back with a RecordingStream, and the shipped weft.jfc. */
class JfrEventsTest {

    /** A named future class, so its events can be told apart from other tasks'. */
    static final class Marked implements Future<String> {
        @Override
        public Poll<String> poll(Context cx) {
            return Poll.ready("marked");
        }
    }

    private static Configuration weftJfc() throws Exception {
        try (Reader r =
                new InputStreamReader(
                        AsyncRuntime.class.getResourceAsStream("weft.jfc"),
                        StandardCharsets.UTF_8)) {
            return Configuration.create(r);
        }
    }

    @Test
    void taskSpawnTaskEndAndWorkerParkWithTheShippedSettings() throws Exception {
        BlockingQueue<RecordedEvent> spawns = new LinkedBlockingQueue<>();
        BlockingQueue<RecordedEvent> ends = new LinkedBlockingQueue<>();
        BlockingQueue<RecordedEvent> parks = new LinkedBlockingQueue<>();
        try (RecordingStream rs = new RecordingStream(weftJfc());
                AsyncRuntime rt =
                        AsyncRuntime.builder().workers(1).threadNamePrefix("jfr-").build()) {
            rs.onEvent(
                    "dev.weft.TaskSpawn",
                    e -> {
                        if (Marked.class.getName().equals(e.getString("future"))) {
                            spawns.add(e);
                        }
                    });
            rs.onEvent("dev.weft.TaskEnd", ends::add);
            rs.onEvent(
                    "dev.weft.WorkerPark",
                    e -> {
                        if (e.getThread().getJavaName().startsWith("jfr-")) {
                            parks.add(e);
                        }
                    });
            rs.startAsync();
            assertEquals("marked", rt.blockOn(rt.spawn(new Marked()))); // this line spawns
            int spawnLine = new Throwable().getStackTrace()[0].getLineNumber() - 1;

            RecordedEvent spawn = spawns.poll(60, TimeUnit.SECONDS);
            assertNotNull(spawn, "no TaskSpawn");
            boolean sawSpawnLine = false;
            for (RecordedFrame f : spawn.getStackTrace().getFrames()) {
                sawSpawnLine |=
                        f.getMethod().getType().getName().equals(JfrEventsTest.class.getName())
                                && f.getLineNumber() == spawnLine;
            }
            assertTrue(
                    sawSpawnLine,
                    "the spawn event's stack holds the spawn line " + spawnLine + ": " + spawn);
            int id = spawn.getInt("taskId");
            RecordedEvent end;
            do {
                end = ends.poll(60, TimeUnit.SECONDS);
                assertNotNull(end, "no TaskEnd for task " + id);
            } while (end.getInt("taskId") != id);
            assertFalse(end.getBoolean("cancelled"));
            // a park is committed when it ends: give the (by now, or soon) parked worker more work
            RecordedEvent park = null;
            for (int i = 0; i < 60 && park == null; i++) {
                rt.blockOn(rt.spawn(Future.done()));
                park = parks.poll(1, TimeUnit.SECONDS);
            }
            assertNotNull(park, "the idle worker parked");
        }
    }

    @Test
    void perTaskEventsAreOffUnlessASettingsFileTurnsThemOn() throws Exception {
        try (RecordingStream rs = new RecordingStream(Configuration.getConfiguration("default"))) {
            rs.startAsync();
            try (AsyncRuntime rt = AsyncRuntime.builder().workers(1).build()) {
                rt.blockOn(rt.spawn(Future.done())); // registers the event classes
            }
            Map<String, Boolean> enabled = new java.util.HashMap<>();
            for (EventType t : FlightRecorder.getFlightRecorder().getEventTypes()) {
                if (t.getName().startsWith("dev.weft.")) {
                    enabled.put(t.getName(), t.isEnabled());
                }
            }
            assertEquals(Boolean.FALSE, enabled.get("dev.weft.TaskSpawn"), enabled.toString());
            assertEquals(Boolean.FALSE, enabled.get("dev.weft.TaskEnd"), enabled.toString());
            assertEquals(Boolean.FALSE, enabled.get("dev.weft.WorkerPark"), enabled.toString());
        }
        Map<String, String> shipped = weftJfc().getSettings();
        for (String event :
                new String[] {
                    "TaskSpawn", "TaskEnd", "WorkerPark", "SlowPoll", "WeaveClass", "WeaveRejection"
                }) {
            assertEquals(
                    "true",
                    shipped.get("dev.weft." + event + "#enabled"),
                    event + " in weft.jfc: " + shipped);
        }
    }
}
