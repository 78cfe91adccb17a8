package dev.weft.examples.net;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.net.TcpStream;
import dev.weft.sync.Notify;
import dev.weft.sync.Oneshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A Redis client speaking RESP2 over one connection, in awaiting Java: GET, SET, INCR, any
 * {@link #command}, and {@link #pipeline}. Any number of tasks may call it at once on the one
 * connection. An error reply ("-ERR ...") comes out of that caller's await as
 * {@link RedisException}; the other callers are not affected.
 *
 * <p><b>How concurrent callers share the connection.</b> RESP answers commands in the order they
 * arrive, so the client keeps the commands it has sent, or will send, as a FIFO of pending
 * replies ({@link Oneshot}s):
 *
 * <ol>
 *   <li>A call appends its encoded command to {@link #out} and its reply slot to {@link
 *       #pending} in one critical section, so the byte order on the wire and the slot order
 *       agree; that order is the order in which the calls were first polled.
 *   <li>The writer task ({@link #writeLoop}) takes everything in {@code out} at once and writes
 *       it (several callers' commands coalesce into one write).
 *   <li>The reader task ({@link #readLoop}) parses one reply at a time and settles the oldest
 *       slot with it.
 * </ol>
 *
 * <p><b>Cancellation.</b> A caller only awaits its slot; cancelling it abandons the slot, but the
 * command is still written and its reply still read (and dropped) by the reader, so the FIFO
 * stays aligned with the wire. No caller ever holds the socket, so no cancellation can leave a
 * half-written command or a half-read reply behind.
 *
 * <p><b>Failure.</b> An I/O error, end of stream or {@link #close} fails every pending slot and
 * every later call with an IOException whose cause is the original error.
 */
public final class RedisClient implements AutoCloseable {

    /** An error reply from the server. */
    public static final class RedisException extends IOException {
        public RedisException(String message) {
            super(message);
        }
    }

    private final TcpStream stream;
    private final RespReader replies;

    /** Guards {@link #out}, {@link #pending} and {@link #failure}; never held across an await. */
    private final Object lock = new Object();

    /** Encoded commands not yet taken by the writer, in the order of their slots in pending. */
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** One slot per command written or about to be, oldest first: the reader settles the head. */
    private final ArrayDeque<Oneshot<Object>> pending = new ArrayDeque<>();

    /** Set once, when the connection became unusable; never unset. */
    private IOException failure;

    /** The writer waits here for commands (its permit covers a call made before it waits). */
    private final Notify wantWrite = new Notify();

    private RedisClient(TcpStream stream) {
        this.stream = stream;
        this.replies = new RespReader(stream);
    }

    /** Connects and starts the connection's reader and writer tasks on the current runtime. */
    public static Future<RedisClient> connect(InetSocketAddress address) throws IOException {
        RedisClient c = new RedisClient(await(TcpStream.connect(address)));
        Async.spawn(c.readLoop());
        Async.spawn(c.writeLoop());
        return Future.ready(c);
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

    /**
     * One command; the reply as String (simple/bulk, null for nil), Long, or List (whose error
     * elements are RedisException objects). An error reply is thrown as RedisException.
     */
    public Future<Object> command(String... args) throws IOException {
        Oneshot<Object> reply = send(List.<String[]>of(args)).get(0);
        return Future.ready(await(replyOf(reply)));
    }

    /**
     * Pipelining: every command goes out back to back (no other caller's command between them),
     * then every reply is awaited in order. An error reply is returned in its slot as a
     * RedisException object (the others still arrive).
     */
    public Future<List<Object>> pipeline(List<String[]> commands) throws IOException {
        List<Oneshot<Object>> slots = send(commands);
        List<Object> results = new ArrayList<>(slots.size());
        for (Oneshot<Object> slot : slots) {
            try {
                results.add(await(replyOf(slot)));
            } catch (RedisException e) {
                results.add(e);
            }
        }
        return Future.ready(results);
    }

    /**
     * The slot's outcome; declares what it fails with (a RedisException error reply, or the
     * IOException that ended the connection), so callers can catch them around the await.
     */
    private static Future<Object> replyOf(Oneshot<Object> slot) throws IOException {
        return slot.future();
    }

    /** Step 1 of the class comment: queues the commands and their slots, then wakes the writer. */
    private List<Oneshot<Object>> send(List<String[]> commands) throws IOException {
        List<Oneshot<Object>> slots = new ArrayList<>(commands.size());
        synchronized (lock) {
            if (failure != null) {
                throw new IOException("redis connection is closed: " + failure, failure);
            }
            for (String[] c : commands) {
                byte[] b = encode(c);
                out.write(b, 0, b.length);
                Oneshot<Object> slot = new Oneshot<>();
                pending.add(slot);
                slots.add(slot);
            }
        }
        wantWrite.notifyOne();
        return slots;
    }

    static byte[] encode(String... args) {
        StringBuilder sb = new StringBuilder().append('*').append(args.length).append("\r\n");
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Step 2: writes whatever the callers queued, until the connection fails or is closed. */
    private Future<Void> writeLoop() {
        try {
            while (true) {
                byte[] batch = null;
                synchronized (lock) {
                    if (failure != null) {
                        break;
                    }
                    if (out.size() > 0) {
                        batch = out.toByteArray();
                        out.reset();
                    }
                }
                if (batch == null) {
                    await(wantWrite.notified());
                } else {
                    await(stream.writeAll(ByteBuffer.wrap(batch)));
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
        return Future.done();
    }

    /** Step 3: settles the oldest slot with each reply (abandoned slots drop theirs). */
    private Future<Void> readLoop() {
        try {
            while (true) {
                Object reply = await(replies.next());
                Oneshot<Object> slot;
                synchronized (lock) {
                    slot = pending.poll();
                }
                if (slot == null) {
                    throw new IOException("reply without a command: " + reply);
                }
                if (reply instanceof RedisException) {
                    slot.fail((RedisException) reply);
                } else {
                    slot.complete(reply);
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
        return Future.done();
    }

    /** Marks the connection failed, fails every pending slot, closes the socket, stops the writer. */
    private void fail(Exception cause) {
        List<Oneshot<Object>> orphans;
        IOException first;
        synchronized (lock) {
            if (failure == null) {
                failure =
                        cause instanceof IOException ? (IOException) cause : new IOException(cause);
            }
            first = failure;
            orphans = new ArrayList<>(pending);
            pending.clear();
        }
        for (Oneshot<Object> slot : orphans) {
            slot.fail(new IOException("redis connection lost before the reply: " + first, first));
        }
        stream.close();
        wantWrite.notifyOne();
    }

    /** Closes the connection: calls still waiting for a reply fail with an IOException. */
    @Override
    public void close() {
        fail(new AsynchronousCloseException());
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
