package dev.weft.net;

import dev.weft.Future;
import dev.weft.internal.io.IoOp;
import dev.weft.internal.io.IoSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A listening TCP socket. It registers with the reactor of the runtime that first waits on it
 * (the shared fallback reactor outside any runtime), so binding on any thread is fine. One
 * pending accept at a time.
 *
 * <pre>{@code
 * static Future<Void> serve(TcpListener listener) throws IOException {
 *     while (true) {
 *         TcpStream client = await(listener.accept());
 *         Async.spawn(handle(client));           // one task per connection
 *     }
 * }
 *
 * try (AsyncRuntime rt = AsyncRuntime.create();
 *      TcpListener listener = TcpListener.bind(new InetSocketAddress(8080))) {
 *     rt.blockOn(serve(listener));
 * }
 * }</pre>
 */
public final class TcpListener implements AutoCloseable {

    private static final int BACKLOG = 1024;

    private final ServerSocketChannel channel;
    private final IoSource source;

    private TcpListener(ServerSocketChannel channel, IoSource source) {
        this.channel = channel;
        this.source = source;
    }

    /**
     * Binds (port 0 = any free port) with SO_REUSEADDR and a backlog of 1024.
     *
     * @param address the local address to listen on
     * @return the listening socket
     * @throws IOException when binding fails (address in use, ...)
     */
    public static TcpListener bind(InetSocketAddress address) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(address, BACKLOG);
            return new TcpListener(ch, new IoSource(ch));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * The bound address, with the port chosen when binding to port 0.
     *
     * @return the local address
     */
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next incoming connection; fails with AsynchronousCloseException when closed meanwhile.
     *
     * @return a future of the accepted connection
     * @throws IOException never by this call (creating the future does no I/O): declared so that
     *     {@code catch (IOException e)} around the await compiles
     */
    public Future<TcpStream> accept() throws IOException {
        return new IoOp<TcpStream>(source, IoSource.IN, SelectionKey.OP_ACCEPT) {
            @Override
            protected Object attempt() throws IOException {
                SocketChannel sc = channel.accept();
                if (sc == null) {
                    return WOULD_BLOCK;
                }
                try {
                    return new TcpStream(sc, new IoSource(sc));
                } catch (IOException | RuntimeException e) {
                    sc.close();
                    throw e;
                }
            }
        };
    }

    /** Stops listening; a pending accept fails with AsynchronousCloseException. Idempotent. */
    @Override
    public void close() {
        source.close();
    }

    /** Internal (tests): the reactor registration. */
    IoSource source() {
        return source;
    }

    @Override
    public String toString() {
        return "TcpListener[" + channel + "]";
    }
}
