package dev.weft.bench.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The echo server written with callbacks (the seed's "callbacks/promises" model): NIO.2's
 * AsynchronousServerSocketChannel in a fixed group of {@code threads} threads, each connection a
 * chain of CompletionHandlers read → write (repeated until the buffer is drained) → read.
 */
final class CallbackEchoServer {

    private CallbackEchoServer() {}

    static void serve(int port, int threads) throws IOException, InterruptedException {
        AsynchronousChannelGroup group =
                AsynchronousChannelGroup.withFixedThreadPool(
                        threads, Executors.defaultThreadFactory());
        AsynchronousServerSocketChannel server = AsynchronousServerSocketChannel.open(group);
        server.bind(new InetSocketAddress(port), 1024);
        System.out.println(
                "callback echo server on port " + port + ", " + threads + " group thread(s)");
        server.accept(
                null,
                new CompletionHandler<AsynchronousSocketChannel, Void>() {
                    @Override
                    public void completed(AsynchronousSocketChannel ch, Void a) {
                        server.accept(null, this);
                        new Connection(ch).read();
                    }

                    @Override
                    public void failed(Throwable e, Void a) {
                        if (server.isOpen()) {
                            server.accept(null, this);
                        }
                    }
                });
        new CountDownLatch(1).await(); // serve until killed
    }

    /** One connection's state: the buffer and the two handlers, allocated once. */
    private static final class Connection {
        final AsynchronousSocketChannel ch;
        final ByteBuffer buf = ByteBuffer.allocate(4096);

        final CompletionHandler<Integer, Void> onRead =
                new CompletionHandler<>() {
                    @Override
                    public void completed(Integer n, Void a) {
                        if (n < 0) {
                            close();
                            return;
                        }
                        buf.flip();
                        ch.write(buf, null, onWrite);
                    }

                    @Override
                    public void failed(Throwable e, Void a) {
                        close();
                    }
                };

        final CompletionHandler<Integer, Void> onWrite =
                new CompletionHandler<>() {
                    @Override
                    public void completed(Integer n, Void a) {
                        if (buf.hasRemaining()) {
                            ch.write(buf, null, this);
                        } else {
                            read();
                        }
                    }

                    @Override
                    public void failed(Throwable e, Void a) {
                        close();
                    }
                };

        Connection(AsynchronousSocketChannel ch) {
            this.ch = ch;
        }

        void read() {
            buf.clear();
            ch.read(buf, null, onRead);
        }

        void close() {
            try {
                ch.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
