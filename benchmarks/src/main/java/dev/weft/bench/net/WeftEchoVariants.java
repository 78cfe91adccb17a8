package dev.weft.bench.net;

import dev.weft.AsyncRuntime;
import dev.weft.examples.net.EchoServer;
import dev.weft.net.TcpListener;
import java.net.InetSocketAddress;

/**
 * weft's example echo server ({@link EchoServer#serve}, unchanged) on another runtime than the
 * example's {@code AsyncRuntime.create()}: {@code WeftEchoVariants PORT workers N} or {@code
 * WeftEchoVariants PORT current} (the current-thread runtime). Not part of the group's table: a
 * probe for the profile (how much of the cost is hand-offs between threads), run by hand under
 * the agent like the example.
 */
public final class WeftEchoVariants {

    private WeftEchoVariants() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        AsyncRuntime rt =
                args[1].equals("current")
                        ? AsyncRuntime.currentThread()
                        : AsyncRuntime.builder().workers(Integer.parseInt(args[2])).build();
        try (rt;
                TcpListener l = TcpListener.bind(new InetSocketAddress(port))) {
            System.out.println(
                    "weft echo server ("
                            + String.join(" ", args).substring(args[0].length() + 1)
                            + ") on "
                            + l.localAddress());
            rt.blockOn(EchoServer.serve(l));
        }
    }
}
