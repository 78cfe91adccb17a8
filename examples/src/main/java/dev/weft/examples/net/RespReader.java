package dev.weft.examples.net;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.examples.net.RedisClient.RedisException;
import dev.weft.net.TcpStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses RESP2 replies from a stream, one at a time, for {@link RedisClient}'s reader task (its
 * only caller, so no locking). An error reply is returned as a {@link RedisException} object, not
 * thrown: the client decides whose await throws it.
 */
final class RespReader {

    private final TcpStream stream;

    /** Read mode: the bytes received and not yet parsed are [position, limit). */
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);

    RespReader(TcpStream stream) {
        this.stream = stream;
        in.flip();
    }

    /** The next reply: String (simple or bulk; null for nil), Long, List, or RedisException. */
    Future<Object> next() throws IOException {
        String line = await(line());
        if (line.isEmpty()) {
            throw new IOException("empty RESP line");
        }
        String rest = line.substring(1);
        switch (line.charAt(0)) {
            case '+':
                return Future.ready(rest);
            case '-':
                return Future.ready(new RedisException(rest));
            case ':':
                return Future.ready(Long.parseLong(rest));
            case '$':
                {
                    int n = Integer.parseInt(rest);
                    if (n < 0) {
                        return Future.ready(null);
                    }
                    byte[] b = await(bytes(n + 2));
                    return Future.ready(new String(b, 0, n, StandardCharsets.UTF_8));
                }
            case '*':
                {
                    int n = Integer.parseInt(rest);
                    if (n < 0) {
                        return Future.ready(null);
                    }
                    List<Object> items = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        items.add(await(next()));
                    }
                    return Future.ready(items);
                }
            default:
                throw new IOException("bad RESP type byte: " + line);
        }
    }

    /** One CRLF-terminated line, without the CRLF. */
    private Future<String> line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            while (in.hasRemaining()) {
                char c = (char) (in.get() & 0xFF);
                if (c == '\n' && sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
                    sb.setLength(sb.length() - 1);
                    return Future.ready(sb.toString());
                }
                sb.append(c);
            }
            await(fill());
        }
    }

    private Future<byte[]> bytes(int n) throws IOException {
        byte[] out = new byte[n];
        int off = 0;
        while (off < n) {
            if (!in.hasRemaining()) {
                await(fill());
            }
            int k = Math.min(n - off, in.remaining());
            in.get(out, off, k);
            off += k;
        }
        return Future.ready(out);
    }

    private Future<Void> fill() throws IOException {
        in.compact();
        int r = await(stream.read(in));
        in.flip();
        if (r < 0) {
            throw new EOFException("redis closed the connection");
        }
        return Future.done();
    }
}
