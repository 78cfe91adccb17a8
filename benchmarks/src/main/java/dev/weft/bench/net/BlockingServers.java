package dev.weft.bench.net;

import dev.weft.bench.JdkPeers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Thread-per-connection servers on blocking {@code java.net} sockets: the echo server on
 * platform threads and on virtual threads, and a minimal HTTP/1.1 keep-alive hello-world on
 * virtual threads. Each connection gets a new thread (a new virtual thread from
 * {@code newVirtualThreadPerTaskExecutor}, or a new platform thread); the accept loop runs on
 * the main thread.
 */
final class BlockingServers {

    private BlockingServers() {}

    static void serve(String workload, boolean virtual, int port) throws IOException {
        ExecutorService perConnection =
                virtual ? JdkPeers.virtualThreads() : Executors.newCachedThreadPool();
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port), 1024);
            System.out.println(
                    (virtual ? "virtual" : "platform")
                            + "-thread "
                            + workload
                            + " server on port "
                            + port);
            while (true) {
                Socket s = server.accept();
                if (workload.equals("http")) {
                    perConnection.execute(() -> http(s));
                } else {
                    perConnection.execute(() -> echo(s));
                }
            }
        }
    }

    /** The same loop as weft's example: a 4 KiB buffer, write back what was read. */
    static void echo(Socket s) {
        byte[] buf = new byte[4096];
        try (s;
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // peer reset: this connection is over
        }
    }

    static final byte[] HELLO =
            ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\n"
                            + "Hello, World!")
                    .getBytes(StandardCharsets.US_ASCII);

    /**
     * Hand-written, minimal HTTP/1.1: answers every request head (up to the blank line) with
     * hello world, pipelined heads in order, until the peer closes. It ignores request bodies and
     * {@code Connection: close} (wrk sends neither), so it does less than weft's example, never
     * more; a head over 8 KiB closes the connection.
     */
    static void http(Socket s) {
        byte[] buf = new byte[8192];
        try (s;
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream()) {
            int len = 0;
            while (true) {
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    return;
                }
                len += n;
                int start = 0;
                int end;
                int answered = 0;
                while ((end = headEnd(buf, start, len)) >= 0) {
                    answered++;
                    start = end;
                }
                if (answered > 0) {
                    byte[] res = HELLO;
                    if (answered > 1) {
                        res = new byte[HELLO.length * answered];
                        for (int i = 0; i < answered; i++) {
                            System.arraycopy(HELLO, 0, res, i * HELLO.length, HELLO.length);
                        }
                    }
                    out.write(res);
                }
                System.arraycopy(buf, start, buf, 0, len - start);
                len -= start;
                if (len == buf.length) {
                    return;
                }
            }
        } catch (IOException e) {
            // peer reset
        }
    }

    /** Index just past the first CRLFCRLF in buf[from, to), or -1. */
    static int headEnd(byte[] buf, int from, int to) {
        for (int i = from + 3; i < to; i++) {
            if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }
}
