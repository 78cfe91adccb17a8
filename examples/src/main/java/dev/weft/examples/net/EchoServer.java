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
import java.util.concurrent.atomic.AtomicInteger;

/** TCP echo server: one task per connection, written as straight-line awaiting Java. */
public final class EchoServer {

    private EchoServer() {}

    /** Accepts until the listener is closed, spawning {@link #echo} for every connection. */
    public static Future<Void> serve(TcpListener listener) throws IOException {
        return serve(listener, new AtomicInteger());
    }

    /**
     * As {@link #serve(TcpListener)}, keeping {@code open} at the number of connections being
     * served (accepted and not yet closed): the gauge a real server would export.
     */
    public static Future<Void> serve(TcpListener listener, AtomicInteger open) throws IOException {
        while (true) {
            TcpStream s;
            try {
                s = await(listener.accept());
            } catch (AsynchronousCloseException e) {
                return Future.done();
            }
            open.incrementAndGet();
            Async.spawn(counted(s, open));
        }
    }

    private static Future<Void> counted(TcpStream s, AtomicInteger open) {
        try {
            await(echo(s));
        } finally {
            open.decrementAndGet();
        }
        return Future.done();
    }

    /** Writes back everything it reads until the peer's end of stream or an I/O error. */
    public static Future<Void> echo(TcpStream s) {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        try {
            while (await(s.read(buf)) >= 0) {
                buf.flip();
                await(s.writeAll(buf));
                buf.clear();
            }
        } catch (IOException e) {
            // peer reset or closed: this connection is over, the server goes on
        } finally {
            s.close();
        }
        return Future.done();
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7007;
        try (AsyncRuntime rt = AsyncRuntime.create();
                TcpListener l = TcpListener.bind(new InetSocketAddress(port))) {
            System.out.println("echo server on " + l.localAddress());
            rt.blockOn(serve(l));
        }
    }
}
