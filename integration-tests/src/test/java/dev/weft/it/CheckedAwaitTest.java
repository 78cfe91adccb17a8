package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.sync.Oneshot;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 point 1: checked exceptions caught by type. {@code await(f, X.class)} declares X, so
 * {@code catch (X e)} compiles around it; {@code Async.timeout} declares TimeoutException. The
 * failure caught is the original object, and a failure of another type passes through as the
 * original object too. Lazy, eager and direct awaits, ready and pending.
 */
class CheckedAwaitTest {

    /** A future whose creator declares nothing: only the typed await lets the catch compile. */
    static Future<String> undeclared(Throwable failure) {
        return failure == null ? Leaf.of("ok") : Leaf.fail(failure);
    }

    static Future<String> lazyCatch(Throwable failure) {
        try {
            return Future.ready("value " + await(undeclared(failure), IOException.class));
        } catch (IOException e) {
            return Future.ready("caught " + e.getMessage());
        }
    }

    @BothModes
    void lazyMethodCatchesByType(Mode mode) {
        assertEquals("value ok", Drive.value(mode, () -> lazyCatch(null)));
        assertEquals("caught io", Drive.value(mode, () -> lazyCatch(new IOException("io"))));
        // a subclass is caught by the declared type, as with any catch
        assertEquals(
                "caught refused",
                Drive.value(mode, () -> lazyCatch(new ConnectException("refused"))));
    }

    static Future<Object> catchSameObject(IOException failure) {
        try {
            return Future.ready(await(undeclared(failure), IOException.class));
        } catch (IOException e) {
            return Future.ready(e);
        }
    }

    @BothModes
    void theCaughtExceptionIsTheOriginalObject(Mode mode) {
        IOException failure = new IOException("mine");
        assertSame(failure, Drive.value(mode, () -> catchSameObject(failure)));
    }

    @BothModes
    void aFailureOfAnotherTypeComesOutAsTheOriginalObject(Mode mode) {
        IllegalStateException unchecked = new IllegalStateException("unchecked");
        assertSame(unchecked, Drive.error(mode, () -> lazyCatch(unchecked)));
        TimeoutException otherChecked = new TimeoutException("other checked");
        assertSame(otherChecked, Drive.error(mode, () -> lazyCatch(otherChecked)));
    }

    /** A same-class lazy callee: {@code await(callee(), X.class)} is a direct await. */
    static Future<String> callee(Throwable failure) {
        String v = await(undeclared(failure));
        return Future.ready(v + "'");
    }

    static Future<String> directCatch(Throwable failure) {
        long kept = 3; // live across the await: saved only if the callee suspends
        try {
            return Future.ready(await(callee(failure), IOException.class) + kept);
        } catch (IOException e) {
            return Future.ready("caught " + e.getMessage() + kept);
        }
    }

    @BothModes
    void directAwaitCatchesByType(Mode mode) {
        assertEquals("ok'3", Drive.value(mode, () -> directCatch(null)));
        assertEquals("caught deep3", Drive.value(mode, () -> directCatch(new IOException("deep"))));
        IllegalArgumentException other = new IllegalArgumentException("other");
        assertSame(other, Drive.error(mode, () -> directCatch(other)));
    }

    static CompletableFuture<String> eagerCatch(Throwable failure, List<String> log) {
        log.add("start");
        try {
            String v = await(undeclared(failure), IOException.class);
            return CompletableFuture.completedFuture("value " + v);
        } catch (IOException e) {
            return CompletableFuture.completedFuture("caught " + e.getMessage());
        }
    }

    /** Runs an eager method in {@code mode}, waking what its leaves parked until it is done. */
    private static CompletableFuture<String> driveEager(Mode mode, Throwable failure) {
        Drive.reset(mode, true);
        List<String> log = new ArrayList<>();
        CompletableFuture<String> cf = eagerCatch(failure, log);
        assertEquals(List.of("start"), log, "eager: runs on the caller's thread at once");
        while (!cf.isDone()) {
            assertTrue(Drive.wakeParked() > 0, "eager coroutine pending with nothing parked");
        }
        return cf;
    }

    @BothModes
    void eagerMethodCatchesByType(Mode mode) {
        assertEquals("value ok", driveEager(mode, null).join());
        assertEquals("caught io", driveEager(mode, new IOException("io")).join());
        IllegalStateException other = new IllegalStateException("other");
        Throwable seen = driveEager(mode, other).handle((v, e) -> e).join();
        assertSame(other, seen);
    }

    static Future<String> stageCatch(CompletionStage<String> stage) {
        try {
            return Future.ready("value " + await(stage, IOException.class));
        } catch (IOException e) {
            return Future.ready("caught " + e.getMessage());
        }
    }

    @Test
    void completionStageFormCatchesByTypeReadyAndPending() {
        assertEquals(
                "caught ready",
                Drive.value(
                        Mode.READY,
                        () ->
                                stageCatch(
                                        CompletableFuture.failedFuture(new IOException("ready")))));
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            CompletableFuture<String> later = new CompletableFuture<>();
            // completed by another task once the awaiting one is parked on it
            rt.spawn(failLater(later, new IOException("pending")));
            assertEquals("caught pending", rt.blockOn(stageCatch(later)));
        }
    }

    static Future<Void> failLater(CompletableFuture<String> stage, IOException failure) {
        await(Async.yieldNow());
        stage.completeExceptionally(failure);
        return Future.done();
    }

    /** The motivating case: the JDK's HttpClient reports a refused connection as an IOException. */
    static Future<String> fetch(HttpClient client, URI uri) {
        try {
            HttpResponse<String> r =
                    await(
                            client.sendAsync(
                                    HttpRequest.newBuilder(uri).build(),
                                    HttpResponse.BodyHandlers.ofString()),
                            IOException.class);
            return Future.ready("status " + r.statusCode());
        } catch (IOException e) {
            return Future.ready("io: " + e.getClass().getSimpleName());
        }
    }

    @Test
    void httpClientRefusalIsCaughtAsIOException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again below: connecting is refused
        }
        HttpClient client = HttpClient.newHttpClient();
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            assertEquals(
                    "io: ConnectException",
                    rt.blockOn(fetch(client, URI.create("http://127.0.0.1:" + port + "/"))));
        }
    }

    static Future<String> timed(Future<String> inner) {
        try {
            return Future.ready(await(Async.timeout(Duration.ofMillis(1), inner)));
        } catch (TimeoutException e) {
            return Future.ready("timed out");
        }
    }

    @Test
    void timeoutIsCaughtByType() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            assertEquals("timed out", rt.blockOn(timed(new Oneshot<String>().future())));
            assertEquals("fast", rt.blockOn(timed(Future.ready("fast"))));
        }
    }
}
