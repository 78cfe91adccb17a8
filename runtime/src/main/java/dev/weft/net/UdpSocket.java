package dev.weft.net;

import dev.weft.Future;
import dev.weft.internal.io.IoOp;
import dev.weft.internal.io.IoSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;

/**
 * A UDP socket; one pending send and one pending receive at a time.
 *
 * <pre>{@code
 * static Future<Void> echo(UdpSocket socket) throws IOException {
 *     ByteBuffer buf = ByteBuffer.allocate(1500);
 *     while (true) {
 *         buf.clear();
 *         InetSocketAddress from = await(socket.receive(buf));
 *         buf.flip();
 *         await(socket.send(buf, from));
 *     }
 * }
 * }</pre>
 */
public final class UdpSocket implements AutoCloseable {

    private final DatagramChannel channel;
    private final IoSource source;

    private UdpSocket(DatagramChannel channel, IoSource source) {
        this.channel = channel;
        this.source = source;
    }

    /**
     * Binds (port 0 = any free port); the first waiting operation picks the reactor.
     *
     * @param address the local address
     * @return the bound socket
     * @throws IOException when binding fails
     */
    public static UdpSocket bind(InetSocketAddress address) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.bind(address);
            return new UdpSocket(ch, new IoSource(ch));
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
     * Sends {@code src}'s remaining bytes as one datagram.
     *
     * @param src the datagram's bytes, from its position
     * @param target where to send it
     * @return a future of the number of bytes sent
     * @throws IOException never by this call (creating the future does no I/O): declared so that
     *     {@code catch (IOException e)} around the await compiles
     */
    public Future<Integer> send(ByteBuffer src, InetSocketAddress target) throws IOException {
        return new IoOp<Integer>(source, IoSource.OUT, SelectionKey.OP_WRITE) {
            @Override
            protected Object attempt() throws IOException {
                int remaining = src.remaining();
                int n = channel.send(src, target);
                return n == 0 && remaining > 0 ? WOULD_BLOCK : (Object) n;
            }
        };
    }

    /**
     * Receives one datagram into {@code dst} (excess bytes are discarded).
     *
     * @param dst where the datagram goes
     * @return a future of the sender's address
     * @throws IOException never by this call (creating the future does no I/O): declared so that
     *     {@code catch (IOException e)} around the await compiles
     */
    public Future<InetSocketAddress> receive(ByteBuffer dst) throws IOException {
        return new IoOp<InetSocketAddress>(source, IoSource.IN, SelectionKey.OP_READ) {
            @Override
            protected Object attempt() throws IOException {
                Object from = channel.receive(dst);
                return from == null ? WOULD_BLOCK : from;
            }
        };
    }

    /** Closes the socket; pending operations fail with AsynchronousCloseException. Idempotent. */
    @Override
    public void close() {
        source.close();
    }
}
