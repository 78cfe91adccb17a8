package dev.weft.it.net;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.JoinHandle;
import dev.weft.examples.net.RedisClient;
import dev.weft.examples.net.RedisClient.RedisException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The RESP client example against a real Redis server (see {@link Servers#redis()}: a redis:7
 * container, else the local redis-server). Besides GET/SET/INCR, pipelining and error replies,
 * many tasks share ONE connection: every reply must reach the caller whose command it answers,
 * including when callers are cancelled with their replies still outstanding.
 */
class RedisNetTest {

    static Servers.Redis redis;
    AsyncRuntime rt;
    RedisClient c;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = Servers.redis();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        rt = AsyncRuntime.create();
        c = rt.blockOn(RedisClient.connect(redis.address()));
        rt.blockOn(c.command("FLUSHALL"));
    }

    @AfterEach
    void close() {
        c.close();
        rt.close();
    }

    @Test
    void getSetIncrPipeliningAndErrors() throws Exception {
        assertEquals("OK", rt.blockOn(c.set("greeting", "héllo weft")));
        assertEquals("héllo weft", rt.blockOn(c.get("greeting")));
        assertNull(rt.blockOn(c.get("missing")));
        assertEquals(1L, rt.blockOn(c.incr("n")));
        assertEquals(2L, rt.blockOn(c.incr("n")));
        RedisException e = assertThrows(RedisException.class, () -> rt.blockOn(c.incr("greeting")));
        assertTrue(e.getMessage().startsWith("ERR"), e.getMessage());
        List<String[]> cmds = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            cmds.add(new String[] {"INCR", "p"});
        }
        cmds.add(new String[] {"INCR", "greeting"});
        cmds.add(new String[] {"GET", "p"});
        List<Object> replies = rt.blockOn(c.pipeline(cmds));
        assertEquals(10_002, replies.size());
        for (int i = 0; i < 10_000; i++) {
            assertEquals((long) (i + 1), replies.get(i));
        }
        assertInstanceOf(RedisException.class, replies.get(10_000));
        assertEquals("10000", replies.get(10_001));
        assertEquals(
                List.of("a", "b"),
                rt.blockOn(
                                c.pipeline(
                                        List.of(
                                                new String[] {"RPUSH", "l", "a", "b"},
                                                new String[] {"LRANGE", "l", "0", "-1"})))
                        .get(1));
    }

    static Future<List<Long>> incrs(RedisClient c, String key, int n) throws IOException {
        List<Long> got = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            got.add(await(c.incr(key)));
        }
        return Future.ready(got);
    }

    @Test
    void hundredTasksTimesHundredIncrsOnOneConnection() throws Exception {
        List<JoinHandle<List<Long>>> tasks = new ArrayList<>();
        for (int t = 0; t < 100; t++) {
            tasks.add(rt.spawn(incrs(c, "counter", 100)));
        }
        List<List<Long>> perTask = rt.blockOn(Futures.all(tasks));
        TreeSet<Long> all = new TreeSet<>();
        for (List<Long> got : perTask) {
            for (int i = 1; i < got.size(); i++) {
                assertTrue(
                        got.get(i) > got.get(i - 1),
                        "one task's INCRs are answered in its order: " + got);
            }
            all.addAll(got);
        }
        // every reply went to exactly one caller: 10,000 distinct values, 1..10,000
        assertEquals(10_000, all.size());
        assertEquals(1L, all.first());
        assertEquals(10_000L, all.last());
        assertEquals("10000", rt.blockOn(c.get("counter")));
    }

    static Future<Integer> errorsOrValues(RedisClient c, int task, int n) throws IOException {
        int errors = 0;
        for (int i = 0; i < n; i++) {
            if (task % 2 == 1) {
                try {
                    await(c.incr("text"));
                    throw new AssertionError("INCR on a string must fail");
                } catch (RedisException e) {
                    errors++;
                }
            } else {
                String key = "k" + task;
                await(c.set(key, "v" + i));
                if (!("v" + i).equals(await(c.get(key)))) {
                    throw new AssertionError("task " + task + " read another caller's reply");
                }
                await(c.incr("ok"));
            }
        }
        return Future.ready(errors);
    }

    @Test
    void serverErrorsReachOnlyTheirOwnCaller() throws Exception {
        rt.blockOn(c.set("text", "not a number"));
        List<JoinHandle<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            tasks.add(rt.spawn(errorsOrValues(c, t, 50)));
        }
        List<Integer> errors = rt.blockOn(Futures.all(tasks));
        for (int t = 0; t < 40; t++) {
            assertEquals(t % 2 == 1 ? 50 : 0, errors.get(t), "task " + t);
        }
        assertEquals(20L * 50 + 1, rt.blockOn(c.incr("ok")));
    }

    static Future<List<Object>> pipelineOf(RedisClient c, String key, int n) throws IOException {
        List<String[]> cmds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cmds.add(new String[] {"INCR", key});
        }
        return c.pipeline(cmds);
    }

    @Test
    void pipelinesAndSingleCallsShareTheConnection() throws Exception {
        List<Future<List<Object>>> pipelines = new ArrayList<>();
        List<Future<List<Long>>> singles = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            pipelines.add(rt.spawn(pipelineOf(c, "pp", 500)));
            singles.add(rt.spawn(incrs(c, "pp", 50)));
        }
        for (List<Object> replies : rt.blockOn(Futures.all(pipelines))) {
            for (int i = 1; i < replies.size(); i++) {
                // a pipeline goes out back to back: nobody else's INCR lands in between
                assertEquals((Long) replies.get(i - 1) + 1, replies.get(i));
            }
        }
        rt.blockOn(Futures.all(singles));
        assertEquals("5500", rt.blockOn(c.get("pp")));
    }

    @Test
    void cancelledCallerLeavesTheConnectionInStep() throws Exception {
        // BLPOP blocks the connection on the server until another client pushes: the timeout
        // cancels the caller while its reply is certainly outstanding.
        assertThrows(
                TimeoutException.class,
                () ->
                        rt.blockOn(
                                Async.timeout(
                                        Duration.ofMillis(50), c.command("BLPOP", "q", "0"))));
        JoinHandle<Long> after = rt.spawn(c.incr("after")); // queued behind the BLPOP reply
        try (RedisClient other = rt.blockOn(RedisClient.connect(redis.address()))) {
            rt.blockOn(other.command("RPUSH", "q", "x"));
            assertEquals(1L, rt.blockOn(after)); // not BLPOP's ["q", "x"]
            assertEquals(
                    0L, rt.blockOn(other.command("LLEN", "q")), "the cancelled BLPOP still ran");
        }
        // cancellation at arbitrary points of a pipeline (before, during or after its write)
        for (int round = 0; round < 20; round++) {
            List<String[]> pings = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                pings.add(new String[] {"PING"});
            }
            JoinHandle<List<Object>> p = rt.spawn(c.pipeline(pings));
            for (int y = 0; y < round; y++) {
                rt.blockOn(Async.yieldNow());
            }
            p.cancel();
            long n = rt.blockOn(c.incr("rounds")); // a PONG here would be a ClassCastException
            assertEquals(String.valueOf(n), rt.blockOn(c.get("rounds")));
            assertEquals(round + 1L, n);
        }
    }

    @Test
    void closeFailsCallersStillWaiting() throws Exception {
        JoinHandle<Object> blocked = rt.spawn(c.command("BLPOP", "never", "0"));
        try (RedisClient other = rt.blockOn(RedisClient.connect(redis.address()))) {
            while (!((String) rt.blockOn(other.command("INFO", "clients")))
                    .contains("blocked_clients:1")) {
                rt.blockOn(Async.sleep(Duration.ofMillis(5)));
            }
        }
        c.close();
        IOException e = assertThrows(IOException.class, () -> rt.blockOn(blocked));
        assertInstanceOf(
                java.nio.channels.AsynchronousCloseException.class, e.getCause(), e.toString());
        assertThrows(IOException.class, () -> rt.blockOn(c.get("x")));
    }
}
