package dev.weft.net;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.coroutine.Sneaky;
import dev.weft.internal.io.IoOp;
import dev.weft.internal.io.IoSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A connected TCP socket whose operations are leaf futures over the reactor. One pending read and
 * one pending write at a time. The factories declare {@code IOException} because their futures
 * fail with it (API.md's checked-exception rule); creating a future never blocks.
 *
 * <pre>{@code
 * static Future<String> ping(InetSocketAddress server) throws IOException {
 *     try (TcpStream s = await(TcpStream.connect(server))) {
 *         await(s.writeAll(ByteBuffer.wrap("PING\r\n".getBytes(US_ASCII))));
 *         ByteBuffer reply = ByteBuffer.allocate(64);
 *         int n = await(s.read(reply));
 *         return Future.ready(n < 0 ? "" : new String(reply.array(), 0, n, US_ASCII));
 *     }
 * }
 * }</pre>
 */
public final class TcpStream implements AutoCloseable {

    private final SocketChannel channel;
    private final IoSource source;

    TcpStream(SocketChannel channel, IoSource source) {
        this.channel = channel;
        this.source = source;
    }

    /**
     * Connects on first poll (the reactor is the polling runtime's); fails with the JDK's
     * ConnectException and friends. Cancelling a pending connect closes the half-open socket.
     *
     * @param address the peer
     * @return a future of the connected stream
     * @throws IOException never by this call (creating the future does no I/O): declared so that
     *     {@code catch (IOException e)} around the await compiles
     */
    public static Future<TcpStream> connect(InetSocketAddress address) throws IOException {
        return new Connect(address);
    }

    /**
     * Bytes read into {@code dst} (0 only when it has no room), or -1 at end of stream.
     *
     * @param dst where the bytes go
     * @return a future of the number of bytes read
     * @throws IOException never by this call (creating the future does no I/O): declared so that
     *     {@code catch (IOException e)} around the await compiles
     */
    public Future<Integer> read(ByteBuffer dst) throws IOException {
        return new IoOp<Integer>(source, IoSource.IN, SelectionKey.OP_READ) {
            @Override
            protected Object attempt() throws IOException {
                int room = dst.remaining();
                if (room == 0) {
                    return 0;
                }
                int n = channel.read(dst);
                if (n == 0) {
                    return WOULD_BLOCK;
                }
                if (n > 0 && n < room) {
                    drained(); // the socket had less than the buffer's room: it is empty now
                }
                return n;
            }
        };
    }

    /**
     * Writes at least one byte of {@code src} (0 only when it has none left).
     *
     * @param src the bytes to write, from its position
     * @return a future of the number of bytes written
     * @throws IOException never by this call (creating the future does no I/O): declared so that
     *     {@code catch (IOException e)} around the await compiles
     */
    public Future<Integer> write(ByteBuffer src) throws IOException {
        return new IoOp<Integer>(source, IoSource.OUT, SelectionKey.OP_WRITE) {
            @Override
            protected Object attempt() throws IOException {
                if (!src.hasRemaining()) {
                    return 0;
                }
                int n = channel.write(src);
                return n == 0 ? WOULD_BLOCK : (Object) n;
            }
        };
    }

    /**
     * Writes all of {@code src}, waiting for the peer to drain its window (backpressure).
     *
     * @param src the bytes to write, from its position
     * @return a future completing once every byte was written
     * @throws IOException never by this call (creating the future does no I/O): declared so that
     *     {@code catch (IOException e)} around the await compiles
     */
    public Future<Void> writeAll(ByteBuffer src) throws IOException {
        return new IoOp<Void>(source, IoSource.OUT, SelectionKey.OP_WRITE) {
            @Override
            protected Object attempt() throws IOException {
                while (src.hasRemaining()) {
                    if (channel.write(src) == 0) {
                        return WOULD_BLOCK;
                    }
                }
                return null;
            }
        };
    }

    /**
     * Half-close: sends FIN, reading stays possible. An addition to API.md's list (the JDK's
     * {@code shutdownOutput}), needed for request/response protocols that end with EOF.
     *
     * @throws IOException when the socket is closed or the shutdown fails
     */
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /**
     * This end's address.
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
     * The peer's address.
     *
     * @return the remote address
     */
    public InetSocketAddress remoteAddress() {
        try {
            return (InetSocketAddress) channel.getRemoteAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the socket; pending operations fail with AsynchronousCloseException. Idempotent. */
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
        return "TcpStream[" + channel + "]";
    }

    /** connect(): opens and connects on first poll, then waits for OP_CONNECT. */
    private static final class Connect implements Future<TcpStream> {
        private final InetSocketAddress address;
        private SocketChannel channel;
        private IoOp<TcpStream> finish;
        private boolean done;

        Connect(InetSocketAddress address) {
            this.address = address;
        }

        @Override
        public Poll<TcpStream> poll(Context cx) {
            try {
                if (finish == null) {
                    channel = SocketChannel.open();
                    IoSource source = new IoSource(channel);
                    TcpStream stream = new TcpStream(channel, source);
                    boolean connected = channel.connect(address);
                    finish =
                            new IoOp<TcpStream>(source, IoSource.OUT, SelectionKey.OP_CONNECT) {
                                private boolean first = connected;

                                @Override
                                protected Object attempt() throws IOException {
                                    if (first || channel.finishConnect()) {
                                        first = true;
                                        return stream;
                                    }
                                    return WOULD_BLOCK;
                                }
                            };
                }
                Poll<TcpStream> p = finish.poll(cx);
                done = p.isReady();
                return p;
            } catch (IOException | RuntimeException e) {
                closeQuietly();
                throw Sneaky.<RuntimeException>rethrow(e);
            }
        }

        @Override
        public void cancel() {
            if (finish != null) {
                finish.cancel();
            }
            if (!done) {
                closeQuietly();
            }
        }

        private void closeQuietly() {
            done = true;
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // a socket that never connected
                }
            }
        }
    }
}
