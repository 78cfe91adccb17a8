package dev.weft.examples.net;

import static dev.weft.Async.await;

import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A rough TCP echo load (not the JMH/wrk benchmark): weft clients in this JVM send 64-byte
 * messages ping-pong over 1, 100 and 1,000 connections to three servers in turn: the weft echo
 * example, thread-per-connection blocking sockets on platform threads, and (JDK 21+) on virtual
 * threads. Prints messages per second and p50/p99 round-trip latency (1 us buckets up to 100 ms).
 * Clients and server share the machine's cores, so compare the columns of one run, not runs.
 *
 * <p>Usage: {@code java -javaagent:weft-agent.jar -cp ... dev.weft.examples.net.EchoLoad [seconds]}
 */
public final class EchoLoad {

    static final int MSG = 64;
    static final int BUCKETS = 100_000;

    private EchoLoad() {}

    static Future<Long> client(InetSocketAddress addr, long endNanos, AtomicLongArray hist)
            throws IOException {
        TcpStream s = await(TcpStream.connect(addr));
        ByteBuffer out = ByteBuffer.allocate(MSG);
        ByteBuffer in = ByteBuffer.allocate(MSG);
        long count = 0;
        try {
            while (System.nanoTime() < endNanos) {
                long t0 = System.nanoTime();
                out.clear();
                await(s.writeAll(out));
                in.clear();
                while (in.hasRemaining()) {
                    if (await(s.read(in)) < 0) {
                        throw new IOException("server closed");
                    }
                }
                long us = (System.nanoTime() - t0) / 1000;
                hist.incrementAndGet((int) Math.min(BUCKETS - 1, us));
                count++;
            }
        } finally {
            s.close();
        }
        return Future.ready(count);
    }

    static Future<Long> load(InetSocketAddress addr, int conns, long nanos, AtomicLongArray hist)
            throws IOException {
        long end = System.nanoTime() + nanos;
        List<Future<Long>> cs = new ArrayList<>();
        for (int i = 0; i < conns; i++) {
            cs.add(dev.weft.Async.spawn(client(addr, end, hist)));
        }
        long total = 0;
        for (long c : await(Futures.all(cs))) {
            total += c;
        }
        return Future.ready(total);
    }

    static long percentile(AtomicLongArray h, double p) {
        long total = 0;
        for (int i = 0; i < h.length(); i++) {
            total += h.get(i);
        }
        long want = (long) Math.ceil(total * p);
        long seen = 0;
        for (int i = 0; i < h.length(); i++) {
            seen += h.get(i);
            if (seen >= want) {
                return i;
            }
        }
        return h.length();
    }

    /** Thread-per-connection blocking echo server; virtual threads when asked and available. */
    static ServerSocket blockingServer(boolean virtual) throws Exception {
        ServerSocket ss = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        Method startVirtual =
                virtual ? Thread.class.getMethod("startVirtualThread", Runnable.class) : null;
        Thread acceptor =
                new Thread(
                        () -> {
                            while (!ss.isClosed()) {
                                try {
                                    Socket s = ss.accept();
                                    Runnable r =
                                            () -> {
                                                try (s;
                                                        InputStream in = s.getInputStream();
                                                        OutputStream o = s.getOutputStream()) {
                                                    byte[] b = new byte[4096];
                                                    int n;
                                                    while ((n = in.read(b)) > 0) {
                                                        o.write(b, 0, n);
                                                    }
                                                } catch (IOException ignored) {
                                                    // client gone
                                                }
                                            };
                                    if (startVirtual != null) {
                                        startVirtual.invoke(null, r);
                                    } else {
                                        Thread t = new Thread(r);
                                        t.setDaemon(true);
                                        t.start();
                                    }
                                } catch (Exception e) {
                                    return;
                                }
                            }
                        });
        acceptor.setDaemon(true);
        acceptor.start();
        return ss;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        boolean hasVirtual;
        try {
            Thread.class.getMethod("startVirtualThread", Runnable.class);
            hasVirtual = true;
        } catch (NoSuchMethodException e) {
            hasVirtual = false;
        }
        System.out.printf(
                "%-22s %6s %12s %9s %9s%n", "server", "conns", "msgs/s", "p50 us", "p99 us");
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            for (String kind :
                    hasVirtual
                            ? new String[] {"weft", "platform-threads", "virtual-threads"}
                            : new String[] {"weft", "platform-threads"}) {
                for (int conns : new int[] {1, 100, 1000}) {
                    TcpListener l = null;
                    ServerSocket ss = null;
                    InetSocketAddress addr;
                    if (kind.equals("weft")) {
                        l =
                                TcpListener.bind(
                                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                        rt.spawn(EchoServer.serve(l));
                        addr = l.localAddress();
                    } else {
                        ss = blockingServer(kind.startsWith("virtual"));
                        addr = (InetSocketAddress) ss.getLocalSocketAddress();
                    }
                    rt.blockOn(
                            load(
                                    addr,
                                    conns,
                                    500_000_000L,
                                    new AtomicLongArray(BUCKETS))); // warm-up
                    AtomicLongArray hist = new AtomicLongArray(BUCKETS);
                    long n = rt.blockOn(load(addr, conns, seconds * 1_000_000_000L, hist));
                    System.out.printf(
                            "%-22s %6d %12.0f %9d %9d%n",
                            kind,
                            conns,
                            n / (double) seconds,
                            percentile(hist, 0.50),
                            percentile(hist, 0.99));
                    if (l != null) {
                        l.close();
                    }
                    if (ss != null) {
                        ss.close();
                    }
                }
            }
        }
    }
}
