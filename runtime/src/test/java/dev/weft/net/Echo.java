package dev.weft.net;

import dev.weft.Async;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Hand-written echo server futures (the runtime module's tests run without the weaver): an
 * accept loop (spawning one echo task per connection, or doing what the caller asks), and the
 * echo task.
 */
final class Echo {

    private Echo() {}

    /** What an accept loop does with each accepted stream, on the polling thread. */
    interface OnAccept {
        void accepted(TcpStream stream, Context cx) throws IOException;
    }

    /** Accepts forever, handing each stream to {@code onAccept}; ends when the listener closes. */
    static final class AcceptLoop implements Future<Void> {
        private final TcpListener listener;
        private final OnAccept onAccept;
        private Future<TcpStream> accept;

        /** An echo server: one {@link Conn} task per connection. */
        AcceptLoop(TcpListener listener) {
            this(listener, (stream, cx) -> Async.spawn(new Conn(stream)));
        }

        AcceptLoop(TcpListener listener, OnAccept onAccept) {
            this.listener = listener;
            this.onAccept = onAccept;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            try {
                while (true) {
                    if (accept == null) {
                        accept = listener.accept();
                    }
                    Poll<TcpStream> p = accept.poll(cx);
                    if (!p.isReady()) {
                        return Poll.pending();
                    }
                    accept = null;
                    onAccept.accepted(p.value(), cx);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void cancel() {
            if (accept != null) {
                accept.cancel();
            }
        }
    }

    /** Reads and writes back until end of stream, then closes. */
    static final class Conn implements Future<Void> {
        private final TcpStream stream;
        private final ByteBuffer buf = ByteBuffer.allocate(8192);
        private Future<Integer> read;
        private Future<Void> write;

        Conn(TcpStream stream) {
            this.stream = stream;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            try {
                while (true) {
                    if (write != null) {
                        if (!write.poll(cx).isReady()) {
                            return Poll.pending();
                        }
                        write = null;
                        buf.clear();
                    }
                    if (read == null) {
                        read = stream.read(buf);
                    }
                    Poll<Integer> p = read.poll(cx);
                    if (!p.isReady()) {
                        return Poll.pending();
                    }
                    read = null;
                    if (p.value() < 0) {
                        stream.close();
                        return Poll.ready(null);
                    }
                    buf.flip();
                    write = stream.writeAll(buf);
                }
            } catch (IOException e) {
                stream.close();
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void cancel() {
            if (read != null) {
                read.cancel();
            }
            if (write != null) {
                write.cancel();
            }
            stream.close();
        }
    }
}
