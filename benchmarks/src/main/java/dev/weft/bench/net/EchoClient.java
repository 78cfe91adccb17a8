package dev.weft.bench.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The echo load generator, the same program for every server: {@code EchoClient HOST PORT
 * CONNECTIONS WARMUP_S MEASURE_S [SERVER_PID]}. One thread and one NIO selector drive every connection in a
 * closed loop: send a 64-byte message, wait until all 64 bytes are back (each byte checked),
 * record the round trip in an HdrHistogram, send the next. Round trips completed during the
 * warm-up are dropped. Prints one JSON object: connections, ops_per_s, p50_us, p99_us, p999_us,
 * max_us, count, and with a SERVER_PID (Linux) the server process's CPU time over the measured
 * window: server_cpu_cores (CPU seconds per second) and server_cpu_us_per_op, which depend far
 * less on the other load of a shared machine than throughput does.
 *
 * <p>Why one thread: on two cores the server and the client share the machine; a single client
 * thread leaves the server at least one core, and it is the same handicap for every server. The
 * round trip therefore includes the client's own queueing at 100 and 1,000 connections.
 */
public final class EchoClient {

    static final int SIZE = 64;

    private EchoClient() {}

    /** One connection's closed loop. */
    private static final class Conn {
        final SocketChannel ch;
        final ByteBuffer out = ByteBuffer.allocate(SIZE);
        final ByteBuffer in = ByteBuffer.allocate(SIZE);
        final byte[] expect = new byte[SIZE];
        SelectionKey key;
        long sentAt;
        byte seq;

        Conn(SocketChannel ch, int id) {
            this.ch = ch;
            seq = (byte) id;
        }

        /** Starts the next round trip; false if the message did not leave in one write. */
        void send() throws IOException {
            seq++;
            Arrays.fill(expect, seq);
            expect[0] = (byte) ~seq;
            out.clear();
            out.put(expect).flip();
            in.clear();
            sentAt = System.nanoTime();
            ch.write(out);
            key.interestOps(
                    out.hasRemaining()
                            ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
                            : SelectionKey.OP_READ);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println(
                    "usage: EchoClient HOST PORT CONNECTIONS WARMUP_S MEASURE_S [SERVER_PID]");
            System.exit(2);
        }
        InetSocketAddress addr = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int n = Integer.parseInt(args[2]);
        long warmupNs = (long) (Double.parseDouble(args[3]) * 1e9);
        long measureNs = (long) (Double.parseDouble(args[4]) * 1e9);
        String serverPid = args.length > 5 ? args[5] : null;
        long cpuFrom = 0;

        Selector sel = Selector.open();
        Conn[] conns = new Conn[n];
        for (int i = 0; i < n; i++) {
            SocketChannel ch = SocketChannel.open();
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(addr);
            ch.configureBlocking(false);
            conns[i] = new Conn(ch, i);
            conns[i].key = ch.register(sel, 0, conns[i]);
        }

        Histogram h = new Histogram(60_000_000_000L, 3);
        long start = System.nanoTime();
        long measureFrom = start + warmupNs;
        long end = measureFrom + measureNs;
        boolean measuring = false;
        long count = 0;
        for (Conn c : conns) {
            c.send();
        }
        while (true) {
            long now = System.nanoTime();
            if (!measuring && now >= measureFrom) {
                measuring = true;
                h.reset();
                count = 0;
                cpuFrom = cpuTicks(serverPid);
            }
            if (now >= end) {
                break;
            }
            long waitMs = Math.max(1, ((measuring ? end : measureFrom) - now) / 1_000_000);
            sel.select(waitMs);
            Iterator<SelectionKey> it = sel.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey k = it.next();
                it.remove();
                Conn c = (Conn) k.attachment();
                if (k.isWritable()) {
                    c.ch.write(c.out);
                    if (!c.out.hasRemaining()) {
                        k.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (k.isReadable()) {
                    if (c.ch.read(c.in) < 0) {
                        throw new IOException("server closed a connection");
                    }
                    if (!c.in.hasRemaining()) {
                        long rtt = System.nanoTime() - c.sentAt;
                        if (!Arrays.equals(c.in.array(), c.expect)) {
                            throw new IOException("echo mismatch");
                        }
                        h.recordValue(rtt);
                        count++;
                        c.send();
                    }
                }
            }
        }
        double secs = (System.nanoTime() - measureFrom) / 1e9;
        double cpuSecs = (cpuTicks(serverPid) - cpuFrom) / (double) CLOCK_TICKS;
        for (Conn c : conns) {
            c.ch.close();
        }
        sel.close();
        System.out.println(
                String.format(
                        Locale.ROOT,
                        "{\"connections\": %d, \"ops_per_s\": %.1f, \"p50_us\": %.1f, \"p99_us\": %.1f, \"p999_us\": %.1f, "
                                + "\"max_us\": %.1f, \"count\": %d%s}",
                        n,
                        count / secs,
                        h.getValueAtPercentile(50) / 1e3,
                        h.getValueAtPercentile(99) / 1e3,
                        h.getValueAtPercentile(99.9) / 1e3,
                        h.getMaxValue() / 1e3,
                        count,
                        serverPid == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        ", \"server_cpu_cores\": %.3f, \"server_cpu_us_per_op\": %.2f",
                                        cpuSecs / secs,
                                        count == 0 ? 0 : cpuSecs * 1e6 / count)));
    }

    /** USER_HZ: the unit of /proc/PID/stat's times, 100 on every Linux this runs on. */
    static final int CLOCK_TICKS = 100;

    /** utime + stime of a process from /proc/PID/stat (fields 14 and 15), 0 without a pid. */
    static long cpuTicks(String pid) throws IOException {
        if (pid == null) {
            return 0;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
