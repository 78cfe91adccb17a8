package dev.weft.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.examples.net.RedisClient;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RESP client example against a real redis-server that the test starts on a free port and
 * stops (no persistence). Testcontainers is not used: no Docker engine is reachable here. Without
 * a redis-server binary the test fails when WEFT_REQUIRE_SERVERS=1 and is skipped otherwise.
 */
class RedisNetTest {

    static String redisBinary() {
        for (String p : new String[] {"/usr/bin/redis-server", "/usr/local/bin/redis-server"}) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        return null;
    }

    @Test
    void getSetIncrPipeliningAndErrorsAgainstRealRedis() throws Exception {
        String bin = redisBinary();
        Servers.requireOrSkip(bin != null, "redis-server is not installed (apt-get install -y redis-server)");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process redis = new ProcessBuilder(bin, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            waitForPort(port, redis);
            RedisClient c = rt.blockOn(RedisClient.connect(new InetSocketAddress("127.0.0.1", port)));
            assertEquals("OK", rt.blockOn(c.set("greeting", "héllo weft")));
            assertEquals("héllo weft", rt.blockOn(c.get("greeting")));
            assertNull(rt.blockOn(c.get("missing")));
            assertEquals(1L, rt.blockOn(c.incr("n")));
            assertEquals(2L, rt.blockOn(c.incr("n")));
            RedisClient.RedisException e = assertThrows(RedisClient.RedisException.class,
                    () -> rt.blockOn(c.incr("greeting")));
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
            assertInstanceOf(RedisClient.RedisException.class, replies.get(10_000));
            assertEquals("10000", replies.get(10_001));
            c.close();
        } finally {
            redis.destroy();
            redis.waitFor();
        }
    }

    static void waitForPort(int port, Process p) throws Exception {
        for (int i = 0; i < 500; i++) {
            if (!p.isAlive()) {
                throw new AssertionError("redis-server exited with " + p.exitValue());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(10);
            }
        }
        throw new AssertionError("redis-server did not listen on " + port);
    }
}
