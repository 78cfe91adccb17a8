package dev.weft.bench.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Netty 4.2 echo and HTTP hello-world servers on the NIO or the epoll transport, with the 4.2
 * API: one {@link MultiThreadIoEventLoopGroup} (NioIoHandler or EpollIoHandler) that both
 * accepts and serves, as many loop threads as the caller asks (the runner: one per core).
 */
final class NettyServers {

    private NettyServers() {}

    /** Blocks serving until the process is killed. */
    static void serve(String workload, boolean epoll, int port, int threads)
            throws InterruptedException {
        if (epoll && !Epoll.isAvailable()) {
            // the runner records this line and leaves the peer's rows out
            System.out.println("epoll unavailable: " + Epoll.unavailabilityCause());
            System.exit(3);
        }
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, io);
        try {
            Channel server =
                    new io.netty.bootstrap.ServerBootstrap()
                            .group(group)
                            .channel(channel)
                            .option(ChannelOption.SO_BACKLOG, 1024)
                            .childHandler(
                                    new ChannelInitializer<SocketChannel>() {
                                        @Override
                                        protected void initChannel(SocketChannel ch) {
                                            if (workload.equals("http")) {
                                                ch.pipeline()
                                                        .addLast(
                                                                new HttpServerCodec(), new Hello());
                                            } else {
                                                ch.pipeline().addLast(ECHO);
                                            }
                                        }
                                    })
                            .bind(port)
                            .sync()
                            .channel();
            System.out.println(
                    "netty "
                            + (epoll ? "epoll" : "nio")
                            + " "
                            + workload
                            + " server on port "
                            + port
                            + ", "
                            + threads
                            + " event loop thread(s)");
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    private static final ChannelHandler ECHO = new Echo();

    /** Netty's own echo example: write what was read, flush once per read batch. */
    @ChannelHandler.Sharable
    private static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    /** Netty's HttpHelloWorldServer shape, answering what weft's example answers for {@code /}. */
    private static final class Hello extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (!(msg instanceof HttpRequest req)) {
                return;
            }
            ByteBuf body = Unpooled.wrappedBuffer(BODY);
            FullHttpResponse res =
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
            res.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
            if (HttpUtil.isKeepAlive(req)) {
                ctx.write(res);
            } else {
                res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.write(res).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
