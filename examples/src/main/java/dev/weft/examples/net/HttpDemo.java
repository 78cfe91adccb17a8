package dev.weft.examples.net;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * For scripts/demo: starts the HTTP example, measures heap per open keep-alive connection (both
 * ends live in this JVM, so the figure covers a server task plus a client socket), then puts a
 * short load on it from weft clients (keep-alive GET /) and prints requests per second.
 *
 * <p>Usage: {@code HttpDemo [connections=1000] [loadConnections=50] [seconds=2]}
 */
public final class HttpDemo {

    static final byte[] GET =
            "GET / HTTP/1.1\r\nHost: demo\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final String HELLO = "Hello, World!";

    private HttpDemo() {}

    /** One keep-alive request/response; the response is read up to the hello body. */
    static Future<Void> request(TcpStream s, ByteBuffer in) throws IOException {
        await(s.writeAll(ByteBuffer.wrap(GET)));
        in.clear();
        while (true) {
            if (await(s.read(in)) < 0) {
                throw new IOException("server closed the connection");
            }
            String got = new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII);
            if (got.endsWith(HELLO)) {
                return Future.done();
            }
        }
    }

    static Future<Long> client(InetSocketAddress addr, long end) throws IOException {
        TcpStream s = await(TcpStream.connect(addr));
        ByteBuffer in = ByteBuffer.allocate(1024);
        long n = 0;
        try {
            while (System.nanoTime() < end) {
                await(request(s, in));
                n++;
            }
        } finally {
            s.close();
        }
        return Future.ready(n);
    }

    static Future<List<TcpStream>> openIdle(InetSocketAddress addr, int n) throws IOException {
        List<TcpStream> open = new ArrayList<>(n);
        ByteBuffer in = ByteBuffer.allocate(1024);
        for (int i = 0; i < n; i++) {
            TcpStream s = await(TcpStream.connect(addr));
            await(request(s, in)); // the server task exists and sits in its keep-alive read
            open.add(s);
        }
        return Future.ready(open);
    }

    static Future<Long> load(InetSocketAddress addr, int conns, long nanos) throws IOException {
        long end = System.nanoTime() + nanos;
        List<Future<Long>> cs = new ArrayList<>();
        for (int i = 0; i < conns; i++) {
            cs.add(Async.spawn(client(addr, end)));
        }
        long total = 0;
        for (long c : await(Futures.all(cs))) {
            total += c;
        }
        return Future.ready(total);
    }

    static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }

    public static void main(String[] args) throws IOException {
        int idle = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int conns = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        try (AsyncRuntime rt = AsyncRuntime.create();
                TcpListener l =
                        TcpListener.bind(
                                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            rt.spawn(HttpServer.serve(l));
            InetSocketAddress addr = l.localAddress();
            System.out.println("HTTP example on http://127.0.0.1:" + addr.getPort() + "/");
            rt.blockOn(load(addr, conns, 500_000_000L)); // warm-up
            long before = usedHeap();
            List<TcpStream> open = rt.blockOn(openIdle(addr, idle));
            long after = usedHeap();
            System.out.printf(
                    "memory per open keep-alive connection (server task + client socket): %d bytes (%d connections)%n",
                    (after - before) / idle, idle);
            for (TcpStream s : open) {
                s.close();
            }
            long n = rt.blockOn(load(addr, conns, seconds * 1_000_000_000L));
            System.out.printf(
                    "%d weft clients, keep-alive GET /: %.0f requests/s over %d s%n",
                    conns, n / (double) seconds, seconds);
        }
    }
}
