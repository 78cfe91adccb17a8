package dev.weft.bench.sync;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.sync.Channel;
import dev.weft.sync.Oneshot;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The weft side of the sync benchmarks (Tokio's {@code ping_pong} in
 * {@code benches/rt_multi_threaded.rs}, {@code request_reply} in
 * {@code benches/sync_mpsc_oneshot.rs}, {@code contention_*} in {@code benches/sync_mpsc.rs}),
 * written as hand-written futures of the shape the weaver generates for the equivalent async
 * methods, so they measure the primitives and the scheduler, not the weaving.
 */
public final class SyncWorkloads {

    private SyncWorkloads() {}

    // ---- ping_pong ----

    /** The child: awaits the ping, answers with the pong. */
    static final class Ponger implements Future<Void> {
        private final Future<Void> ping;
        private final Oneshot<Void> pong;

        Ponger(Future<Void> ping, Oneshot<Void> pong) {
            this.ping = ping;
            this.pong = pong;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            if (!ping.poll(cx).isReady()) {
                return Poll.pending();
            }
            pong.complete(null);
            return Poll.ready(null);
        }
    }

    /** Spawns a child, pings it, awaits its pong; the last one to finish signals {@code done}. */
    static final class Pinger implements Future<Void> {
        private final AtomicInteger remaining;
        private final Oneshot<Void> done;
        private Future<Void> pong;

        Pinger(AtomicInteger remaining, Oneshot<Void> done) {
            this.remaining = remaining;
            this.done = done;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            if (pong == null) {
                Oneshot<Void> ping = new Oneshot<>();
                Oneshot<Void> reply = new Oneshot<>();
                Async.spawn(new Ponger(ping.future(), reply));
                ping.complete(null);
                pong = reply.future();
            }
            if (!pong.poll(cx).isReady()) {
                return Poll.pending();
            }
            if (remaining.decrementAndGet() == 0) {
                done.complete(null);
            }
            return Poll.ready(null);
        }
    }

    /** Spawns {@code n} pingers and awaits the last one's signal. */
    static final class PingPong implements Future<Void> {
        private final int n;
        private Future<Void> done;

        PingPong(int n) {
            this.n = n;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            if (done == null) {
                Oneshot<Void> signal = new Oneshot<>();
                AtomicInteger remaining = new AtomicInteger(n);
                for (int i = 0; i < n; i++) {
                    Async.spawn(new Pinger(remaining, signal));
                }
                done = signal.future();
            }
            return done.poll(cx);
        }
    }

    public static void pingPong(AsyncRuntime rt, int n) {
        rt.blockOn(rt.spawn(new PingPong(n)));
    }

    // ---- request_reply ----

    /** Answers every request until the channel closes. */
    static final class Server implements Future<Void> {
        private final Channel<Oneshot<Void>> requests;
        private Future<Oneshot<Void>> next;

        Server(Channel<Oneshot<Void>> requests) {
            this.requests = requests;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            while (true) {
                if (next == null) {
                    next = requests.receive();
                }
                Poll<Oneshot<Void>> p = next.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                next = null;
                if (p.value() == null) {
                    return Poll.ready(null);
                }
                p.value().complete(null);
            }
        }
    }

    /** A server task on {@code rt} fed by the returned channel (bounded, capacity 10). */
    public static Channel<Oneshot<Void>> startServer(AsyncRuntime rt) {
        Channel<Oneshot<Void>> requests = Channel.bounded(10);
        JoinHandle<Void> ignored = rt.spawn(new Server(requests));
        return requests;
    }

    /** Sends {@code n} requests one after another, each awaiting its reply. */
    static final class Client implements Future<Void> {
        private final Channel<Oneshot<Void>> requests;
        private final int n;
        private int sent;
        private Oneshot<Void> request;
        private Future<Void> sending;
        private Future<Void> reply;

        Client(Channel<Oneshot<Void>> requests, int n) {
            this.requests = requests;
            this.n = n;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            while (true) {
                if (reply != null) {
                    if (!reply.poll(cx).isReady()) {
                        return Poll.pending();
                    }
                    reply = null;
                    sent++;
                }
                if (sending == null) {
                    if (sent == n) {
                        return Poll.ready(null);
                    }
                    request = new Oneshot<>();
                    try {
                        sending = requests.send(request);
                    } catch (ClosedChannelException e) {
                        throw new IllegalStateException(e);
                    }
                }
                if (!sending.poll(cx).isReady()) {
                    return Poll.pending();
                }
                sending = null;
                reply = request.future();
            }
        }
    }

    public static void requestReply(AsyncRuntime rt, Channel<Oneshot<Void>> requests, int n) {
        rt.blockOn(rt.spawn(new Client(requests, n)));
    }

    // ---- mpsc contention ----

    /** Sends 0..n-1. */
    static final class Producer implements Future<Void> {
        private final Channel<Integer> ch;
        private final int n;
        private int i;
        private Future<Void> sending;

        Producer(Channel<Integer> ch, int n) {
            this.ch = ch;
            this.n = n;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            while (true) {
                if (sending == null) {
                    if (i == n) {
                        return Poll.ready(null);
                    }
                    try {
                        sending = ch.send(i++);
                    } catch (ClosedChannelException e) {
                        throw new IllegalStateException(e);
                    }
                }
                if (!sending.poll(cx).isReady()) {
                    return Poll.pending();
                }
                sending = null;
            }
        }
    }

    /**
     * Opens the channel, spawns the producers, then receives all their values; returns their sum.
     * The channel benchmarks' rendezvous workload is this on a rendezvous channel.
     */
    static final class Mpsc implements Future<Long> {
        private final Supplier<Channel<Integer>> open;
        private final int producers;
        private final int perProducer;
        private Channel<Integer> ch;
        private Future<Integer> next;
        private int received;
        private long sum;

        Mpsc(Supplier<Channel<Integer>> open, int producers, int perProducer) {
            this.open = open;
            this.producers = producers;
            this.perProducer = perProducer;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            if (ch == null) {
                ch = open.get();
                for (int p = 0; p < producers; p++) {
                    Async.spawn(new Producer(ch, perProducer));
                }
            }
            while (received < producers * perProducer) {
                if (next == null) {
                    next = ch.receive();
                }
                Poll<Integer> p = next.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                next = null;
                sum += p.value();
                received++;
            }
            return Poll.ready(sum);
        }
    }

    /** {@code capacity} 0 means unbounded. */
    public static long mpsc(AsyncRuntime rt, int capacity, int producers, int perProducer) {
        return manyToOne(
                rt,
                () -> capacity == 0 ? Channel.unbounded() : Channel.bounded(capacity),
                producers,
                perProducer);
    }

    /** {@code producers} tasks send 0..perProducer-1 each into {@code open}'s channel; the sum. */
    public static long manyToOne(
            AsyncRuntime rt, Supplier<Channel<Integer>> open, int producers, int perProducer) {
        return rt.blockOn(rt.spawn(new Mpsc(open, producers, perProducer)));
    }
}
