package dev.weft.it.net;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of {@link EchoNetTest}'s 10,000-connection test, run as a child JVM: plain
 * JDK blocking sockets on a few platform threads, no weft (the descriptor limit is per process,
 * so the two ends of 10,000 connections cannot share one). It speaks to the test on
 * stdin/stdout:
 *
 * <ol>
 *   <li>connects every socket, then prints {@code open N}: N sockets connected, none closed;
 *   <li>writes one distinct message on every socket, then reads every echo back and compares
 *       it, then prints {@code verified N} (all sockets still open);
 *   <li>waits for a line on stdin, closes every socket and prints {@code closed}.
 * </ol>
 *
 * Any failure prints {@code error ...} and exits with status 1.
 *
 * <p>Usage: {@code EchoClients host port connections threads}
 */
public final class EchoClients {

    private EchoClients() {}

    interface Step {
        void run(int connection) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int n = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        Socket[] sockets = new Socket[n];
        onEveryConnection(
                threads,
                n,
                i -> {
                    Socket s = new Socket();
                    // hang guards, not timings: a loaded machine may take long to accept 10,000
                    // connections
                    s.setSoTimeout(300_000);
                    s.connect(server, 300_000);
                    sockets[i] = s;
                });
        System.out.println(
                "open "
                        + Arrays.stream(sockets)
                                .filter(s -> s.isConnected() && !s.isClosed())
                                .count());
        onEveryConnection(threads, n, i -> sockets[i].getOutputStream().write(message(i)));
        AtomicInteger verified = new AtomicInteger();
        onEveryConnection(
                threads,
                n,
                i -> {
                    byte[] want = message(i);
                    byte[] got = sockets[i].getInputStream().readNBytes(want.length);
                    if (!Arrays.equals(want, got)) {
                        throw new AssertionError(
                                "connection "
                                        + i
                                        + " echoed '"
                                        + new String(got, StandardCharsets.US_ASCII)
                                        + "'");
                    }
                    verified.incrementAndGet();
                });
        System.out.println("verified " + verified.get());
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        for (Socket s : sockets) {
            s.close();
        }
        System.out.println("closed");
    }

    static byte[] message(int i) {
        return ("connection " + i + " says hello").getBytes(StandardCharsets.US_ASCII);
    }

    /** Runs step for 0..n-1 on the given number of threads; exits the JVM on the first failure. */
    static void onEveryConnection(int threads, int n, Step step) throws InterruptedException {
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int first = t;
            ts[t] =
                    new Thread(
                            () -> {
                                for (int i = first; i < n; i += threads) {
                                    try {
                                        step.run(i);
                                    } catch (Throwable e) {
                                        System.out.println("error on connection " + i + ": " + e);
                                        System.out.flush();
                                        Runtime.getRuntime().halt(1);
                                    }
                                }
                            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
    }
}
