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

/**
 * A small HTTP/1.1 server in awaiting Java: keep-alive, pipelining (requests are parsed from one
 * buffer one after the other, responses written in order), chunked responses for {@code
 * /chunked}, 400 and close on a malformed request or a request head over 8 KiB. Request bodies
 * are supported with Content-Length only (up to 16 MiB); heads up to 8 KiB. A connection starts
 * with a 4 KiB buffer. A slow client only occupies its own task.
 *
 * <p>Routes: {@code /} hello world; {@code /chunked?n=N} N chunks; {@code /echo} the body back.
 */
public final class HttpServer {

    static final int MAX_HEAD = 8192;

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

    /** One connection: parse, answer, repeat while keep-alive. */
    static Future<Void> connection(TcpStream s) {
        ByteBuffer in = ByteBuffer.allocate(4096); // grows (x2) for large heads or bodies
        try {
            while (true) {
                Request r = Request.parse(in);
                if (r == null) {
                    if (in.position() >= MAX_HEAD && Request.headEnd(in) < 0) {
                        await(s.writeAll(ByteBuffer.wrap(badRequest())));
                        await(lingeringClose(s, in));
                        break;
                    }
                    if (!in.hasRemaining()) {
                        in = grow(in);
                    }
                    if (await(s.read(in)) < 0) {
                        break;
                    }
                    continue;
                }
                if (r.malformed) {
                    await(s.writeAll(ByteBuffer.wrap(badRequest())));
                    await(lingeringClose(s, in));
                    break;
                }
                await(s.writeAll(respond(r)));
                if (!r.keepAlive) {
                    break;
                }
            }
        } catch (IOException e) {
            // reset or closed by the peer: nothing to answer
        } finally {
            s.close();
        }
        return Future.done();
    }

    /**
     * After a 400, closing with unread request bytes would send RST and the client could lose the
     * response: send FIN, then discard input until the client's FIN (at most 1 MiB, 2 s), as
     * nginx's lingering close does.
     */
    static Future<Void> lingeringClose(TcpStream s, ByteBuffer scratch) {
        try {
            s.shutdownOutput();
            await(Async.timeout(Duration.ofSeconds(2), discard(s, scratch)));
        } catch (Exception e) {
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

    private static ByteBuffer grow(ByteBuffer b) {
        ByteBuffer bigger = ByteBuffer.allocate(b.capacity() * 2);
        b.flip();
        bigger.put(b);
        return bigger;
    }

    static byte[] badRequest() {
        return ("HTTP/1.1 400 Bad Request\r\nContent-Length: 11\r\nConnection: close\r\n\r\nbad request")
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
            StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                    + "Transfer-Encoding: chunked\r\n" + conn + "\r\n");
            for (int i = 0; i < n; i++) {
                String chunk = "chunk " + i + "\n";
                sb.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
            }
            sb.append("0\r\n\r\n");
            return ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.US_ASCII));
        }
        byte[] body;
        String status = "200 OK";
        if (r.path.equals("/")) {
            body = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
        } else if (r.path.equals("/echo")) {
            body = r.body;
        } else {
            status = "404 Not Found";
            body = "not found".getBytes(StandardCharsets.US_ASCII);
        }
        byte[] head = ("HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length + "\r\n" + conn + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(head.length + body.length);
        out.put(head).put(body).flip();
        return out;
    }

    /** A parsed request; parse consumes it from the buffer (write mode before and after). */
    static final class Request {
        String method;
        String path;
        boolean keepAlive;
        boolean malformed;
        byte[] body = new byte[0];

        /** Index just past the blank line ending the head in [0, position), or -1. */
        static int headEnd(ByteBuffer in) {
            byte[] a = in.array();
            for (int i = 3; i < in.position(); i++) {
                if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                    return i + 1;
                }
            }
            return -1;
        }

        /** The next complete request, or null when more bytes are needed. */
        static Request parse(ByteBuffer in) {
            int end = headEnd(in);
            if (end < 0) {
                return null;
            }
            Request r = new Request();
            String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n");
            String[] start = lines[0].split(" ");
            int contentLength = 0;
            if (start.length != 3 || !start[2].startsWith("HTTP/1.") || start[0].isEmpty()
                    || !start[1].startsWith("/")) {
                r.malformed = true;
                return r;
            }
            r.method = start[0];
            r.path = start[1];
            r.keepAlive = start[2].equals("HTTP/1.1");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0) {
                    r.malformed = true;
                    return r;
                }
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                if (name.equals("connection")) {
                    String v = value.toLowerCase(Locale.ROOT);
                    r.keepAlive = v.contains("keep-alive") || (r.keepAlive && !v.contains("close"));
                } else if (name.equals("content-length")) {
                    try {
                        contentLength = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        contentLength = -1;
                    }
                    if (contentLength < 0 || contentLength > 16 << 20) {
                        r.malformed = true;
                        return r;
                    }
                } else if (name.equals("transfer-encoding")) {
                    r.malformed = true; // chunked request bodies are not supported: refuse, do not guess
                    return r;
                }
            }
            if (in.position() - end < contentLength) {
                return null; // the connection loop reads more, growing the buffer (body <= 16 MiB)
            }
            r.body = new byte[contentLength];
            System.arraycopy(in.array(), end, r.body, 0, contentLength);
            int consumed = end + contentLength;
            in.flip();
            in.position(consumed);
            in.compact();
            return r;
        }
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        try (AsyncRuntime rt = AsyncRuntime.create();
                TcpListener l = TcpListener.bind(new InetSocketAddress(port))) {
            System.out.println("http server on http://" + l.localAddress().getHostString() + ":" + l.localAddress().getPort() + "/");
            rt.blockOn(serve(l));
        }
    }
}
