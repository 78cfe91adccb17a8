package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.internal.scheduler.LiveTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The slow-poll watchdog ({@code AsyncRuntime.Builder.slowPollThreshold}): a task that blocks its
 * worker is reported while it blocks, with its spawn site and the worker's sampled stack, logged
 * once per spawn site and blocking frame, and emitted as JFR's {@code dev.weft.SlowPoll} every
 * time. The blocked tasks wait on a latch the test opens only after the report arrived, so no
 * assertion depends on how fast the machine is.
 */
class SlowPollWatchdogTest {

    private final BlockingQueue<String> logged = new LinkedBlockingQueue<>();
    private final Logger jul = Logger.getLogger("dev.weft.watchdog");
    private final Handler capture =
            new Handler() {
                @Override
                public void publish(LogRecord r) {
                    logged.add(r.getLevel() + " " + r.getMessage());
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    @BeforeEach
    void captureLog() {
        jul.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        jul.removeHandler(capture);
    }

    /** Blocks its worker until {@code release} opens: the shape of a JDBC call inside a task. */
    private static Future<Void> blocking(CountDownLatch release) {
        return cx -> {
            awaitUninterruptibly(release);
            return Poll.ready(null);
        };
    }

    private static Future<Void> blockingElsewhere(CountDownLatch release) {
        return cx -> {
            try {
                release.await(60, TimeUnit.SECONDS); // another blocking frame: this line
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return Poll.ready(null);
        };
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void reportsAStalledPollWithItsSpawnSiteAndTheWorkersStack() throws Exception {
        BlockingQueue<RecordedEvent> events = new LinkedBlockingQueue<>();
        // JDK 17's stream parser loses pooled strings of later events (N/A; a recording file has
        // them): the stream says when an event arrived, the file what it said.
        Recording file = new Recording();
        file.enable("dev.weft.SlowPoll");
        file.start();
        List<String> sites = new ArrayList<>();
        List<String> frames = new ArrayList<>();
        try (RecordingStream rs = new RecordingStream();
                AsyncRuntime rt =
                        AsyncRuntime.builder()
                                .workers(2)
                                .threadNamePrefix("stall-")
                                .slowPollThreshold(Duration.ofMillis(20))
                                .build()) {
            rs.enable("dev.weft.SlowPoll");
            rs.onEvent("dev.weft.SlowPoll", events::add);
            rs.startAsync();
            LiveTasks.recordSpawnSites(rt);
            for (int round = 0; round < 2; round++) {
                CountDownLatch release = new CountDownLatch(1);
                StackTraceElement here = new Throwable().getStackTrace()[0];
                JoinHandle<Void> h = rt.spawn(blocking(release));
                RecordedEvent e = events.poll(60, TimeUnit.SECONDS);
                assertNotNull(e, "no SlowPoll event");
                String site =
                        "dev.weft.SlowPollWatchdogTest.reportsAStalledPollWithItsSpawnSiteAndTheWorkersStack"
                                + "(SlowPollWatchdogTest.java:"
                                + (here.getLineNumber() + 1)
                                + ")";
                sites.add(site);
                frames.add("dev.weft.SlowPollWatchdogTest.awaitUninterruptibly(");
                assertTrue(e.getString("worker").startsWith("stall-"), e.getString("worker"));
                assertTrue(
                        e.getDuration("pollDuration").toMillis() >= 20,
                        e.getDuration("pollDuration").toString());
                // the event is committed before the log line, on the watchdog's thread
                String log = logged.poll();
                if (round == 0) {
                    assertNotNull(log, "the first stall of a site is logged");
                    assertTrue(log.startsWith("WARNING slow poll: a task has run for "), log);
                    assertTrue(log.contains("  spawned at: " + site), log);
                    assertTrue(
                            log.contains(
                                    "  blocking in: dev.weft.SlowPollWatchdogTest.awaitUninterruptibly("),
                            log);
                    assertTrue(
                            log.contains(
                                    "\n    at java.util.concurrent.CountDownLatch.await(CountDownLatch.java:"),
                            log);
                    assertTrue(
                            log.contains("\n    at dev.weft.internal.task.Task.run(Task.java:"),
                            log);
                    assertFalse(
                            log.contains("Worker.run"),
                            "the worker's own loop is left out: " + log);
                    assertTrue(log.contains("(threshold 20 ms)"), log);
                } else {
                    assertNull(log, "the same site and frame are logged once");
                }
                release.countDown();
                rt.blockOn(h);
            }
            // the same site, another blocking frame: logged again
            CountDownLatch release = new CountDownLatch(1);
            StackTraceElement here = new Throwable().getStackTrace()[0];
            JoinHandle<Void> h = rt.spawn(blockingElsewhere(release));
            assertNotNull(events.poll(60, TimeUnit.SECONDS));
            sites.add(
                    here.getClassName()
                            + "."
                            + here.getMethodName()
                            + "(SlowPollWatchdogTest.java:"
                            + (here.getLineNumber() + 1)
                            + ")");
            frames.add("dev.weft.SlowPollWatchdogTest.lambda$blockingElsewhere$");
            String log = logged.poll();
            assertNotNull(log, "a new blocking frame is logged");
            assertTrue(
                    log.contains(
                            "  blocking in: dev.weft.SlowPollWatchdogTest.lambda$blockingElsewhere$"),
                    log);
            release.countDown();
            rt.blockOn(h);
        }
        file.stop();
        Path dump = Files.createTempFile("slow-poll", ".jfr");
        try {
            file.dump(dump);
            List<RecordedEvent> recorded = RecordingFile.readAllEvents(dump);
            assertEquals(3, recorded.size(), recorded.toString());
            for (int i = 0; i < 3; i++) {
                assertEquals(sites.get(i), recorded.get(i).getString("spawnSite"));
                assertTrue(
                        recorded.get(i).getString("blockingFrame").startsWith(frames.get(i)),
                        recorded.get(i).toString());
            }
        } finally {
            file.close();
            Files.deleteIfExists(dump);
        }
    }

    @Test
    void aZeroThresholdStartsNoWatchdog() {
        try (AsyncRuntime rt =
                AsyncRuntime.builder().workers(1).slowPollThreshold(Duration.ZERO).build()) {
            assertFalse(
                    rt.threads().stream().anyMatch(t -> t.getName().endsWith("watchdog")),
                    rt.threads().toString());
        }
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(1).build()) {
            assertTrue(
                    rt.threads().stream().anyMatch(t -> t.getName().equals("weft-worker-watchdog")),
                    "on by default");
        }
    }

    @Test
    void theSystemPropertySetsTheDefault() {
        String old = System.getProperty("weft.slowPollMillis");
        try {
            System.setProperty("weft.slowPollMillis", "0");
            try (AsyncRuntime rt = AsyncRuntime.builder().workers(1).build()) {
                assertFalse(rt.threads().stream().anyMatch(t -> t.getName().endsWith("watchdog")));
            }
            System.setProperty("weft.slowPollMillis", "soon");
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> AsyncRuntime.builder().workers(1).build());
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "-Dweft.slowPollMillis=soon: expected a number of milliseconds"),
                    e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty("weft.slowPollMillis");
            } else {
                System.setProperty("weft.slowPollMillis", old);
            }
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> AsyncRuntime.builder().slowPollThreshold(Duration.ofMillis(-1)));
    }
}
