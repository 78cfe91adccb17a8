package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.testkit.Leaf;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Blocking calls for the weave-time warning: every line that must be reported carries
 * {@code // BLOCKING}; every other call here (look-alike names on other owners, blocking calls in
 * methods that are not woven) must stay silent.
 */
public class Blocking {

    private final Object lock = new Object();

    // ---- positives: woven methods ----

    static Future<Integer> sleeps() throws InterruptedException {
        int a = await(Leaf.of(1));
        Thread.sleep(10); // BLOCKING sleep
        return Future.ready(a);
    }

    Future<Integer> waitsAndJoins(
            CompletableFuture<Integer> cf, java.util.concurrent.Future<Integer> f)
            throws Exception {
        synchronized (lock) {
            lock.wait(1); // BLOCKING wait
        }
        int a = cf.join(); // BLOCKING join
        int b = f.get(); // BLOCKING get
        return Future.ready(a + b + await(Leaf.of(1)));
    }

    static Future<Integer> jdbc(Connection c) throws Exception {
        PreparedStatement ps = c.prepareStatement("select 1"); // BLOCKING prepare
        ResultSet rs = ps.executeQuery(); // BLOCKING query
        int n = 0;
        while (rs.next()) { // BLOCKING next
            n += rs.getInt(1);
        }
        return Future.ready(n + await(Leaf.of(1)));
    }

    static Future<Integer> sockets(CountDownLatch latch) throws Exception {
        Socket s = new Socket("localhost", 1); // BLOCKING socket
        s.connect(new InetSocketAddress(2)); // BLOCKING connect
        latch.await(); // BLOCKING latch
        return Future.ready(await(Leaf.of(1)));
    }

    static Future<Integer> inALambda() {
        Supplier<Future<Integer>> body =
                () -> {
                    try {
                        Thread.sleep(1); // BLOCKING lambda
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return Future.ready(await(Leaf.of(2)));
                };
        return body.get();
    }

    // ---- negatives ----

    /** Same names on other owners, and calls that do not block by their owner alone. */
    static Future<Integer> lookAlikes(
            Optional<Integer> o,
            Supplier<Integer> s,
            Map<String, Integer> m,
            List<Integer> l,
            ByteBuffer b,
            InputStream in)
            throws IOException {
        int n = o.get() + s.get() + m.get("a") + l.get(0) + b.get();
        Socket unconnected = new Socket();
        n += in.read();
        n += String.join(",", "a").length();
        LookAlike.sleep(1);
        new LookAlike().join();
        Thread.currentThread().interrupt();
        return Future.ready(n + await(Leaf.of(unconnected.getPort())));
    }

    /** Not woven: it runs on whatever thread calls it, and may mean to block. */
    static int plain(CompletableFuture<Integer> cf) throws InterruptedException {
        Thread.sleep(1);
        return cf.join();
    }

    /** Blocking names on an owner that is not the JDK's. */
    private static final class LookAlike {
        static void sleep(long ms) {}

        void join() {}
    }
}
