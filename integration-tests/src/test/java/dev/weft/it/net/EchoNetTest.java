package dev.weft.it.net;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.examples.net.EchoServer;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The echo example under load, and weft against plain JDK blocking sockets in both directions.
 * The concurrent-connections test opens 10,000 connections when the descriptor limit allows
 * (both ends live in this JVM: two descriptors each); otherwise as many as fit, and says so.
 */
class EchoNetTest {

    static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    static long fdLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return 1024;
    }

    static Future<TcpStream> open(InetSocketAddress addr) throws IOException {
        return TcpStream.connect(addr);
    }

    static Future<Void> roundTrip(TcpStream s, byte[] msg) throws IOException {
        await(s.writeAll(ByteBuffer.wrap(msg)));
        ByteBuffer back = ByteBuffer.allocate(msg.length);
        while (back.hasRemaining()) {
            if (await(s.read(back)) < 0) {
                throw new IOException("EOF");
            }
        }
        assertArrayEquals(msg, back.array());
        return Future.done();
    }

    static Future<Integer> manyConnections(InetSocketAddress addr, int n) throws IOException {
        List<TcpStream> open = new ArrayList<>(n);
        for (int i = 0; i < n; i += 500) {
            List<Future<TcpStream>> batch = new ArrayList<>();
            for (int j = i; j < Math.min(n, i + 500); j++) {
                batch.add(open(addr));
            }
            open.addAll(await(Futures.all(batch)));
        }
        // every connection open at once; now one round trip on each, all concurrently
        List<Future<Void>> trips = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] msg = ("message " + i + " ").repeat(4).getBytes();
            trips.add(Async.spawn(roundTrip(open.get(i), msg)));
        }
        await(Futures.all(trips));
        for (TcpStream s : open) {
            s.close();
        }
        return Future.ready(open.size());
    }

    @Test
    void tenThousandConcurrentConnections() throws Exception {
        long limit = fdLimit();
        int n = (int) Math.min(10_000, (limit - 1_000) / 2);
        if (n < 10_000) {
            System.out.println("[EchoNetTest] descriptor limit " + limit + ": " + n
                    + " concurrent connections instead of 10,000 (raise ulimit -n above 21000 for the full count)");
        }
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            TcpListener l = TcpListener.bind(LOOPBACK);
            rt.spawn(EchoServer.serve(l));
            assertEquals(n, rt.blockOn(manyConnections(l.localAddress(), n)));
            l.close();
        }
    }

    @Test
    void weftClientAgainstBlockingJdkServer() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.create();
                ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = ss.accept()) {
                    s.getInputStream().transferTo(s.getOutputStream());
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            server.start();
            TcpStream s = rt.blockOn(open((InetSocketAddress) ss.getLocalSocketAddress()));
            for (int i = 0; i < 100; i++) {
                rt.blockOn(roundTrip(s, ("hello " + i).repeat(100).getBytes()));
            }
            s.close();
            server.join();
        }
    }

    @Test
    void blockingJdkClientAgainstWeftServer() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            TcpListener l = TcpListener.bind(LOOPBACK);
            rt.spawn(EchoServer.serve(l));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), l.localAddress().getPort())) {
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                for (int i = 0; i < 100; i++) {
                    byte[] msg = ("blocking " + i).repeat(50).getBytes();
                    out.write(msg);
                    assertArrayEquals(msg, in.readNBytes(msg.length));
                }
                s.shutdownOutput();
                assertEquals(-1, in.read());
            }
            l.close();
        }
    }
}
