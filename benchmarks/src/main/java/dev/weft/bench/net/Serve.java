package dev.weft.bench.net;

/**
 * Starts one peer's server in this process: {@code Serve WORKLOAD PEER PORT [THREADS]}, WORKLOAD
 * {@code echo} or {@code http}, PEER one of netty-nio, netty-epoll, virtual-threads,
 * platform-threads, completable-future (echo only). THREADS (default: one per core) sizes the
 * event loop group of Netty and the channel group of the callback server; the thread-per-
 * connection servers ignore it. Serves until killed.
 */
public final class Serve {

    private Serve() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Serve echo|http PEER PORT [THREADS]");
            System.exit(2);
        }
        String workload = args[0];
        String peer = args[1];
        int port = Integer.parseInt(args[2]);
        int threads =
                args.length > 3
                        ? Integer.parseInt(args[3])
                        : Runtime.getRuntime().availableProcessors();
        switch (peer) {
            case "netty-nio" -> NettyServers.serve(workload, false, port, threads);
            case "netty-epoll" -> NettyServers.serve(workload, true, port, threads);
            case "virtual-threads" -> BlockingServers.serve(workload, true, port);
            case "platform-threads" -> BlockingServers.serve(workload, false, port);
            case "completable-future" -> {
                if (!workload.equals("echo")) {
                    throw new IllegalArgumentException("the callback server is echo only");
                }
                CallbackEchoServer.serve(port, threads);
            }
            default -> throw new IllegalArgumentException("unknown peer " + peer);
        }
    }
}
