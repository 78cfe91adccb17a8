package dev.weft.examples.net;

import static dev.weft.Async.await;

import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.net.TcpStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Redis client speaking RESP2 over one connection, in awaiting Java: GET, SET, INCR and
 * {@link #pipeline} (all commands written in one go, then all replies read in order). An error
 * reply ("-ERR ...") comes out of the await as {@link RedisException}. One caller at a time.
 */
public final class RedisClient implements AutoCloseable {

    /** An error reply from the server. */
    public static final class RedisException extends IOException {
        public RedisException(String message) {
            super(message);
        }
    }

    private final TcpStream stream;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);

    private RedisClient(TcpStream stream) {
        this.stream = stream;
        in.flip(); // read mode, empty
    }

    public static Future<RedisClient> connect(InetSocketAddress address) throws IOException {
        return Future.ready(new RedisClient(await(TcpStream.connect(address))));
    }

    public Future<String> get(String key) throws IOException {
        return Future.ready((String) await(command("GET", key)));
    }

    public Future<String> set(String key, String value) throws IOException {
        return Future.ready((String) await(command("SET", key, value)));
    }

    public Future<Long> incr(String key) throws IOException {
        return Future.ready((Long) await(command("INCR", key)));
    }

    /** One command; the reply as String (simple/bulk, null for nil), Long, or List. */
    public Future<Object> command(String... args) throws IOException {
        await(stream.writeAll(ByteBuffer.wrap(encode(args))));
        return reply();
    }

    /**
     * Pipelining: writes every command, then reads every reply in order. An error reply is
     * returned in its slot as a RedisException object (the others still arrive).
     */
    public Future<List<Object>> pipeline(List<String[]> commands) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String[] c : commands) {
            byte[] b = encode(c);
            all.write(b, 0, b.length);
        }
        await(stream.writeAll(ByteBuffer.wrap(all.toByteArray())));
        List<Object> replies = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            try {
                replies.add(await(reply()));
            } catch (RedisException e) {
                replies.add(e);
            }
        }
        return Future.ready(replies);
    }

    static byte[] encode(String... args) {
        StringBuilder sb = new StringBuilder().append('*').append(args.length).append("\r\n");
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads one RESP value. */
    private Future<Object> reply() throws IOException {
        String line = await(line());
        char type = line.charAt(0);
        String rest = line.substring(1);
        switch (type) {
            case '+':
                return Future.ready(rest);
            case '-':
                throw new RedisException(rest);
            case ':':
                return Future.ready(Long.parseLong(rest));
            case '$': {
                int n = Integer.parseInt(rest);
                if (n < 0) {
                    return Future.ready(null);
                }
                byte[] b = await(bytes(n + 2));
                return Future.ready(new String(b, 0, n, StandardCharsets.UTF_8));
            }
            case '*': {
                int n = Integer.parseInt(rest);
                if (n < 0) {
                    return Future.ready(null);
                }
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(await(reply()));
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

    @Override
    public void close() {
        stream.close();
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 6379;
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            RedisClient c = rt.blockOn(connect(new InetSocketAddress("127.0.0.1", port)));
            System.out.println("SET -> " + rt.blockOn(c.set("weft", "hello")));
            System.out.println("GET -> " + rt.blockOn(c.get("weft")));
            System.out.println("INCR -> " + rt.blockOn(c.incr("weft:counter")));
            c.close();
        }
    }
}
