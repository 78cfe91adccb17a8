package dev.weft.examples.net;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * A small HTTP/1.1 server in awaiting Java: keep-alive, pipelining (requests are read from one
 * buffer one after the other, responses written in order), chunked responses for {@code
 * /chunked}, request bodies framed by Content-Length or chunked transfer coding (both up to 16
 * MiB, read by {@link RequestReader}), "100 Continue" for clients that wait for it. A malformed
 * request gets 400 (413 for a body over 16 MiB, 501 for a transfer coding other than chunked) and
 * the connection is closed. A slow or hostile client only occupies its own task.
 *
 * <p>Routes: {@code /} hello world; {@code /chunked?n=N} N chunks; {@code /echo} the body back
 * (with {@code X-Request-Body: chunked} or {@code content-length}, saying how it was framed).
 */
public final class HttpServer {

    private HttpServer() {}

    public static Future<Void> serve(TcpListener listener) throws IOException {
        while (true) {
            TcpStream s;
            try {
                s = await(listener.accept());
            } catch (AsynchronousCloseException e) {
                return Future.done();
            }
            Async.spawn(connection(s));
        }
    }

    /** One connection: read a request, answer it, repeat while keep-alive. */
    static Future<Void> connection(TcpStream s) {
        RequestReader requests = new RequestReader(s);
        try {
            while (true) {
                Request r;
                try {
                    r = await(requests.next());
                } catch (RequestReader.BadRequest e) {
                    await(s.writeAll(ByteBuffer.wrap(refusal(e.status))));
                    await(lingeringClose(s, ByteBuffer.allocate(4096)));
                    break;
                }
                if (r == null) {
                    break;
                }
                await(s.writeAll(respond(r)));
                if (!r.keepAlive) {
                    break;
                }
            }
        } catch (IOException e) {
            // reset or closed by the peer, or it stopped inside a body: nothing to answer
        } finally {
            s.close();
        }
        return Future.done();
    }

    /**
     * After a refusal, closing with unread request bytes would send RST and the client could lose the
     * response: send FIN, then discard input until the client's FIN (at most 1 MiB, 2 s), as
     * nginx's lingering close does.
     */
    static Future<Void> lingeringClose(TcpStream s, ByteBuffer scratch) {
        try {
            s.shutdownOutput();
            await(Async.timeout(Duration.ofSeconds(2), discard(s, scratch)));
        } catch (TimeoutException | IOException e) {
            // timed out, reset or closed: close now regardless
        }
        return Future.done();
    }

    static Future<Void> discard(TcpStream s, ByteBuffer scratch) throws IOException {
        long total = 0;
        while (total < (1 << 20)) {
            scratch.clear();
            int n = await(s.read(scratch));
            if (n < 0) {
                break;
            }
            total += n;
        }
        return Future.done();
    }

    /** The response to a refused request; the connection closes after it. */
    static byte[] refusal(int status) {
        String reason =
                status == 413
                        ? "Content Too Large"
                        : status == 501 ? "Not Implemented" : "Bad Request";
        String body = reason.toLowerCase(Locale.ROOT);
        return ("HTTP/1.1 "
                        + status
                        + " "
                        + reason
                        + "\r\nContent-Type: text/plain\r\nContent-Length: "
                        + body.length()
                        + "\r\nConnection: close\r\n\r\n"
                        + body)
                .getBytes(StandardCharsets.US_ASCII);
    }

    static ByteBuffer respond(Request r) {
        String conn = r.keepAlive ? "" : "Connection: close\r\n";
        if (r.path.equals("/chunked") || r.path.startsWith("/chunked?")) {
            int n = 3;
            int q = r.path.indexOf("n=");
            if (q >= 0) {
                try {
                    n = Math.min(10_000, Integer.parseInt(r.path.substring(q + 2)));
                } catch (NumberFormatException e) {
                    n = 3;
                }
            }
            StringBuilder sb =
                    new StringBuilder(
                            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                    + "Transfer-Encoding: chunked\r\n"
                                    + conn
                                    + "\r\n");
            for (int i = 0; i < n; i++) {
                String chunk = "chunk " + i + "\n";
                sb.append(Integer.toHexString(chunk.length()))
                        .append("\r\n")
                        .append(chunk)
                        .append("\r\n");
            }
            sb.append("0\r\n\r\n");
            return ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.US_ASCII));
        }
        byte[] body;
        String status = "200 OK";
        String extra = "";
        if (r.path.equals("/")) {
            body = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
        } else if (r.path.equals("/echo")) {
            body = r.body;
            // how the body was framed, so clients (and tests) can see which path read it
            extra = "X-Request-Body: " + (r.chunked ? "chunked" : "content-length") + "\r\n";
        } else {
            status = "404 Not Found";
            body = "not found".getBytes(StandardCharsets.US_ASCII);
        }
        byte[] head =
                ("HTTP/1.1 "
                                + status
                                + "\r\nContent-Type: text/plain\r\nContent-Length: "
                                + body.length
                                + "\r\n"
                                + extra
                                + conn
                                + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(head.length + body.length);
        out.put(head).put(body).flip();
        return out;
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        try (AsyncRuntime rt = AsyncRuntime.create();
                TcpListener l = TcpListener.bind(new InetSocketAddress(port))) {
            System.out.println(
                    "http server on http://"
                            + l.localAddress().getHostString()
                            + ":"
                            + l.localAddress().getPort()
                            + "/");
            rt.blockOn(serve(l));
        }
    }
}
