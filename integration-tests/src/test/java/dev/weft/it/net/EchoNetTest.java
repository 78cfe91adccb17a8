package dev.weft.it.net;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.JoinHandle;
import dev.weft.examples.net.EchoServer;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The echo example: 10,000 concurrent connections from a client in another process, many weft
 * clients at once, and weft against plain JDK blocking sockets in both directions.
 */
class EchoNetTest {

    static final InetSocketAddress LOOPBACK =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

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

    /**
     * 10,000 connections open at the same time, from a client in a child JVM ({@link
     * EchoClients}: the descriptor limit is per process, and each end needs one per connection).
     * With every connection open, each one's message is echoed and checked by the client, and the
     * server's own gauge says it is serving all 10,000 at once. Needs ulimit -n of about 10,500 in
     * both processes; below that it fails under WEFT_REQUIRE_SERVERS=1 and skips elsewhere, never
     * testing fewer connections.
     */
    @Test
    @Timeout(
            value = 600,
            unit = TimeUnit.SECONDS) // a safety net against a hang, not a measurement: generous
    // for a loaded 2-core machine starting a second JVM
    void tenThousandConcurrentConnectionsFromAnotherProcess() throws Exception {
        int n = 10_000;
        long limit = fdLimit();
        long inUse;
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            inUse = fds.count();
        }
        long needed = n + inUse + 500;
        Servers.requireOrSkip(
                limit >= needed,
                "the descriptor limit (ulimit -n) is "
                        + limit
                        + ", but "
                        + n
                        + " concurrent connections need about "
                        + needed
                        + " per process (raise it: ulimit -n 20000)");
        AtomicInteger open = new AtomicInteger();
        try (AsyncRuntime rt = AsyncRuntime.create();
                TcpListener l = TcpListener.bind(LOOPBACK)) {
            rt.spawn(EchoServer.serve(l, open));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classes =
                    Path.of(
                                    EchoClients.class
                                            .getProtectionDomain()
                                            .getCodeSource()
                                            .getLocation()
                                            .toURI())
                            .toString();
            Process client =
                    new ProcessBuilder(
                                    java,
                                    "-Xmx256m",
                                    "-XX:+UseSerialGC",
                                    "-XX:TieredStopAtLevel=1",
                                    "-cp",
                                    classes,
                                    EchoClients.class.getName(),
                                    "127.0.0.1",
                                    String.valueOf(l.localAddress().getPort()),
                                    String.valueOf(n),
                                    "8")
                            .redirectErrorStream(true)
                            .start();
            try {
                BufferedReader out =
                        new BufferedReader(
                                new InputStreamReader(
                                        client.getInputStream(), StandardCharsets.US_ASCII));
                assertEquals(
                        "open " + n, out.readLine(), "client: every connection open, none closed");
                assertEquals(
                        "verified " + n,
                        out.readLine(),
                        "client: every echo checked, all still open");
                assertEquals(n, open.get(), "server: connections being served at once");
                client.getOutputStream().write('\n');
                client.getOutputStream().flush();
                assertEquals("closed", out.readLine());
                assertEquals(0, client.waitFor());
            } finally {
                client.destroyForcibly().waitFor();
            }
            while (open.get() > 0) { // every server task ends at its client's close
                Thread.sleep(10);
            }
        }
    }

    /** Weft at both ends, in this JVM: 2,000 connections open together, all echoing at once. */
    @Test
    void twoThousandWeftClientsAtOnce() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            TcpListener l = TcpListener.bind(LOOPBACK);
            rt.spawn(EchoServer.serve(l));
            assertEquals(2_000, rt.blockOn(manyConnections(l.localAddress(), 2_000)));
            l.close();
        }
    }

    @Test
    void weftClientAgainstBlockingJdkServer() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.create();
                ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server =
                    new Thread(
                            () -> {
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
            try (Socket s =
                    new Socket(InetAddress.getLoopbackAddress(), l.localAddress().getPort())) {
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

    static final byte[] EIGHT_MIB = new byte[8 << 20];

    static {
        new java.util.Random(6).nextBytes(EIGHT_MIB);
    }

    static Future<Void> writeThenHalfClose(TcpStream s, byte[] data) throws IOException {
        await(s.writeAll(ByteBuffer.wrap(data)));
        s.shutdownOutput();
        return Future.done();
    }

    /** Writes data (in another task) while reading the echo until the peer's end of stream. */
    static Future<byte[]> streamThrough(TcpStream s, byte[] data) throws IOException {
        JoinHandle<Void> writer = Async.spawn(writeThenHalfClose(s, data));
        ByteArrayOutputStream got = new ByteArrayOutputStream(data.length);
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        while (await(s.read(b)) >= 0) {
            got.write(b.array(), 0, b.position());
            b.clear();
        }
        await(writer);
        return Future.ready(got.toByteArray());
    }

    /** 8 MiB through a JDK blocking echo server: partial writes, backpressure and half-close. */
    @Test
    void weftClientStreamsThroughBlockingJdkServer() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.create();
                ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server =
                    new Thread(
                            () -> {
                                try (Socket s = ss.accept()) {
                                    s.getInputStream().transferTo(s.getOutputStream());
                                    s.shutdownOutput(); // the weft client's read sees end of stream
                                } catch (IOException e) {
                                    throw new RuntimeException(e);
                                }
                            });
            server.start();
            TcpStream s = rt.blockOn(open((InetSocketAddress) ss.getLocalSocketAddress()));
            assertArrayEquals(EIGHT_MIB, rt.blockOn(streamThrough(s, EIGHT_MIB)));
            s.close();
            server.join();
        }
    }

    /** The reverse: a JDK blocking client streams 8 MiB through the weft echo server. */
    @Test
    void blockingJdkClientStreamsThroughWeftServer() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.create();
                TcpListener l = TcpListener.bind(LOOPBACK);
                Socket s =
                        new Socket(InetAddress.getLoopbackAddress(), l.localAddress().getPort())) {
            rt.spawn(EchoServer.serve(l));
            Thread writer =
                    new Thread(
                            () -> {
                                try {
                                    s.getOutputStream().write(EIGHT_MIB);
                                    s.shutdownOutput();
                                } catch (IOException e) {
                                    throw new RuntimeException(e);
                                }
                            });
            writer.start();
            assertArrayEquals(
                    EIGHT_MIB, s.getInputStream().readAllBytes()); // until the server closes
            writer.join();
        }
    }
}
