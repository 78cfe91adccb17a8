package dev.weft.it.net;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the real peers come from, in the order issue 6 asks for:
 *
 * <ol>
 *   <li><b>Testcontainers</b> ({@code redis:7}) when a Docker engine is reachable. Asking
 *       Testcontainers is only tried when there is a sign of an engine (DOCKER_HOST, a docker.sock
 *       in one of its usual places, or ~/.testcontainers.properties): without one its probe
 *       takes seconds and logs a page of errors, for nothing.
 *   <li>Otherwise the <b>locally installed server</b> (Debian's {@code redis-server}; {@code
 *       curl}), which the test starts on a free loopback port without persistence, and stops.
 *   <li>Otherwise the test <b>fails</b> when WEFT_REQUIRE_SERVERS=1 (set by .ci/run, which
 *       installs the Debian packages) and is <b>skipped</b> with the reason everywhere else.
 * </ol>
 *
 * The same rule covers the machine's descriptor limit, which the 10,000-connection test needs.
 */
final class Servers {

    private Servers() {}

    static void requireOrSkip(boolean available, String why) {
        if (available) {
            return;
        }
        if ("1".equals(System.getenv("WEFT_REQUIRE_SERVERS"))) {
            throw new AssertionError(why + " and WEFT_REQUIRE_SERVERS=1");
        }
        String reason = why + " (set WEFT_REQUIRE_SERVERS=1 to make this a failure)";
        // Surefire reports a class whose @BeforeAll aborted as "Tests run: 0, Skipped: 0" and drops
        // the reason, so it goes to the console here, naming the test class.
        System.out.println("[weft] SKIPPED " + caller() + ": " + reason);
        Assumptions.assumeTrue(false, reason);
    }

    /** The test class that asked for the peer. */
    private static String caller() {
        return StackWalker.getInstance()
                .walk(
                        frames ->
                                frames.map(StackWalker.StackFrame::getClassName)
                                        .filter(
                                                c ->
                                                        !c.equals(Servers.class.getName())
                                                                && !c.startsWith(
                                                                        Servers.class.getName()
                                                                                + "$"))
                                        .findFirst()
                                        .orElse("?"));
    }

    /** A running Redis server; close() stops it. */
    interface Redis extends AutoCloseable {
        InetSocketAddress address();

        /** Where it came from, for messages: "redis:7 container" or the binary's path. */
        String origin();

        @Override
        void close();
    }

    /** A Redis server from a container, else from the local binary; fails or skips without one. */
    static Redis redis() throws Exception {
        if (dockerLikely() && RedisContainer.dockerAvailable()) {
            return RedisContainer.start();
        }
        String bin = localBinary("redis-server");
        requireOrSkip(
                bin != null,
                "no Docker engine and redis-server is not installed (apt-get install -y redis-server)");
        return LocalRedis.start(bin);
    }

    static String localBinary(String name) {
        for (String dir : new String[] {"/usr/bin/", "/usr/local/bin/"}) {
            if (new File(dir + name).canExecute()) {
                return dir + name;
            }
        }
        return null;
    }

    /** The cheap check before Testcontainers' own probe (see the class comment). */
    static boolean dockerLikely() {
        if (System.getenv("DOCKER_HOST") != null) {
            return true;
        }
        String home = System.getProperty("user.home");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        return Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || (runtimeDir != null && Files.exists(Path.of(runtimeDir, "docker.sock")));
    }

    /** redis-server started by the test on a free loopback port, no persistence. */
    private static final class LocalRedis implements Redis {
        private final Process process;
        private final InetSocketAddress address;
        private final String bin;

        private LocalRedis(Process process, InetSocketAddress address, String bin) {
            this.process = process;
            this.address = address;
            this.bin = bin;
        }

        /** Tries a few free ports: another process may take the one picked before redis binds it. */
        static Redis start(String bin) throws Exception {
            String failures = "";
            for (int attempt = 0; attempt < 5; attempt++) {
                int port;
                try (ServerSocket free = new ServerSocket(0)) {
                    port = free.getLocalPort();
                }
                Process p =
                        new ProcessBuilder(
                                        bin,
                                        "--port",
                                        String.valueOf(port),
                                        "--bind",
                                        "127.0.0.1",
                                        "--save",
                                        "",
                                        "--appendonly",
                                        "no")
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .start();
                LocalRedis r = new LocalRedis(p, new InetSocketAddress("127.0.0.1", port), bin);
                try {
                    if (answersPing(port, p)) {
                        return r;
                    }
                    failures += " port " + port + ": exited with " + p.exitValue() + ";";
                } catch (Exception | AssertionError e) {
                    r.close();
                    throw e;
                }
            }
            throw new AssertionError(
                    "redis-server did not start on any of 5 free ports:" + failures);
        }

        /**
         * Waits until the server on {@code port} answers PING, or {@code p} exits (false: most
         * likely the port was taken meanwhile). The bound is a hang guard, generous for a loaded
         * machine; a connection accepted by some other process is not mistaken for redis.
         */
        private static boolean answersPing(int port, Process p) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    return false;
                }
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setSoTimeout(30_000);
                    s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] pong = s.getInputStream().readNBytes(7);
                    if (new String(pong, StandardCharsets.US_ASCII).equals("+PONG\r\n")
                            && p.isAlive()) {
                        return true;
                    }
                } catch (IOException notYet) {
                    // not listening yet (or a read timed out): try again
                }
                Thread.sleep(10);
            }
            throw new AssertionError(
                    "redis-server did not answer PING on " + port + " within 120 s");
        }

        @Override
        public InetSocketAddress address() {
            return address;
        }

        @Override
        public String origin() {
            return bin;
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
