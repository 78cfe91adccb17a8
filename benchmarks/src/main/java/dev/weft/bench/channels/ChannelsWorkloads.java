package dev.weft.bench.channels;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.bench.sync.SyncWorkloads;
import dev.weft.sync.Broadcast;
import dev.weft.sync.Channel;
import dev.weft.sync.Watch;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;

/**
 * The weft side of the channel benchmarks, written as hand-written futures of the shape the
 * weaver generates for the equivalent async methods (as {@code dev.weft.bench.sync.SyncWorkloads}),
 * so they measure the primitives and the scheduler, not the weaving.
 */
public final class ChannelsWorkloads {

    private ChannelsWorkloads() {}

    // ---- rendezvous: producers hand values one by one to a consumer ----

    /** The sync benchmarks' mpsc workload on a rendezvous channel; returns the sum received. */
    public static long rendezvous(AsyncRuntime rt, int producers, int perProducer) {
        return SyncWorkloads.manyToOne(rt, Channel::rendezvous, producers, perProducer);
    }

    // ---- broadcast: one sender, every receiver gets every value ----

    /** Receives n values from one subscription; returns their sum. */
    static final class Listener implements Future<Long> {
        private final Broadcast.Receiver<Integer> rx;
        private final int n;
        private Future<Integer> next;
        private int got;
        private long sum;

        Listener(Broadcast.Receiver<Integer> rx, int n) {
            this.rx = rx;
            this.n = n;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            while (got < n) {
                if (next == null) {
                    try {
                        next = rx.receive();
                    } catch (Broadcast.LaggedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                Poll<Integer> p =
                        next.poll(cx); // a lag would fail the benchmark: the ring holds all n
                if (!p.isReady()) {
                    return Poll.pending();
                }
                next = null;
                sum += p.value();
                got++;
            }
            return Poll.ready(sum);
        }
    }

    /** Subscribes the listeners, sends 0..n-1, awaits every listener; returns the sum of sums. */
    static final class Fanout implements Future<Long> {
        private final int receivers;
        private final int n;
        private List<JoinHandle<Long>> listeners;
        private int joined;
        private long sum;

        Fanout(int receivers, int n) {
            this.receivers = receivers;
            this.n = n;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            if (listeners == null) {
                Broadcast<Integer> bc = new Broadcast<>(n);
                listeners = new ArrayList<>(receivers);
                for (int r = 0; r < receivers; r++) {
                    listeners.add(Async.spawn(new Listener(bc.subscribe(), n)));
                }
                try {
                    for (int i = 0; i < n; i++) {
                        bc.send(i);
                    }
                } catch (ClosedChannelException e) {
                    throw new IllegalStateException(e);
                }
            }
            while (joined < receivers) {
                Poll<Long> p = listeners.get(joined).poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                sum += p.value();
                joined++;
            }
            return Poll.ready(sum);
        }
    }

    public static long broadcast(AsyncRuntime rt, int receivers, int n) {
        return rt.blockOn(rt.spawn(new Fanout(receivers, n)));
    }

    // ---- watch: change-notification round trips ----

    /** Copies every change of ping to pong, until it copied n. */
    static final class Echo implements Future<Void> {
        private final Watch.Receiver<Integer> ping;
        private final Watch<Integer> pong;
        private final int n;
        private Future<Boolean> changed;

        Echo(Watch.Receiver<Integer> ping, Watch<Integer> pong, int n) {
            this.ping = ping;
            this.pong = pong;
            this.n = n;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            while (true) {
                if (changed == null) {
                    changed = ping.changed();
                }
                Poll<Boolean> p = changed.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                changed = null;
                int v = ping.get();
                try {
                    pong.set(v);
                } catch (ClosedChannelException e) {
                    throw new IllegalStateException(e);
                }
                if (v == n) {
                    return Poll.ready(null);
                }
            }
        }
    }

    /** n round trips: sets ping to i, waits until pong is i. */
    static final class WatchPingPong implements Future<Long> {
        private final int n;
        private Watch<Integer> ping;
        private Watch.Receiver<Integer> pong;
        private Future<Boolean> changed;
        private int i;

        WatchPingPong(int n) {
            this.n = n;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            if (ping == null) {
                ping = new Watch<>(0);
                Watch<Integer> pongWatch = new Watch<>(0);
                pong = pongWatch.subscribe();
                Async.spawn(new Echo(ping.subscribe(), pongWatch, n));
            }
            while (true) {
                if (changed == null) {
                    if (i == n) {
                        return Poll.ready((long) i);
                    }
                    try {
                        ping.set(++i);
                    } catch (ClosedChannelException e) {
                        throw new IllegalStateException(e);
                    }
                    changed = pong.changed();
                }
                Poll<Boolean> p = changed.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                changed = pong.get() == i ? null : pong.changed();
            }
        }
    }

    public static long watchPingPong(AsyncRuntime rt, int n) {
        return rt.blockOn(rt.spawn(new WatchPingPong(n)));
    }
}
