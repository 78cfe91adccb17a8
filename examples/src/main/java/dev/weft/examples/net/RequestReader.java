package dev.weft.examples.net;

import static dev.weft.Async.await;
import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.weft.Future;
import dev.weft.net.TcpStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads the requests of one HTTP/1.1 connection in order: the head (at most 8 KiB), then the
 * body, framed by Content-Length or by the chunked transfer coding (RFC 9112 section 7.1: chunk
 * extensions and trailer fields are read and ignored), at most 16 MiB. Bytes after a request
 * (pipelining) stay in the buffer for the next one.
 *
 * <p>Memory follows what the client has sent, not what it announced: a body grows as its bytes
 * arrive, so a head claiming 16 MiB costs nothing until the bytes come. Every line has a bound
 * (chunk-size lines 1 KiB, trailer section 8 KiB), so garbage cannot grow the buffer past 16 KiB.
 */
final class RequestReader {

    static final int MAX_HEAD = 8192;
    static final int MAX_BODY = 16 << 20;
    static final int MAX_CHUNK_LINE = 1024;

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(ISO_8859_1);

    /** A request the server refuses: it answers {@link #status} and closes the connection. */
    static final class BadRequest extends Exception {
        final int status;

        BadRequest(int status, String reason) {
            super(reason, null, false, false); // an expected outcome: no stack trace
            this.status = status;
        }
    }

    private final TcpStream s;

    /** Write mode: the bytes received and not yet consumed are [0, position). */
    private ByteBuffer in = ByteBuffer.allocate(4096);

    RequestReader(TcpStream s) {
        this.s = s;
    }

    /** The next request with its body; null when the peer ends the connection before one. */
    Future<Request> next() throws IOException, BadRequest {
        int end;
        while ((end = headEnd()) < 0 || skipEmptyLine()) {
            if (in.position() >= MAX_HEAD) {
                throw new BadRequest(400, "request head over 8 KiB");
            }
            if (!await(fill())) {
                return Future.ready(null);
            }
        }
        Request r = Request.parseHead(new String(in.array(), 0, end, ISO_8859_1));
        consume(end);
        boolean hasBody = r.chunked || r.contentLength > 0;
        if (hasBody && r.expectContinue && r.http11) {
            await(s.writeAll(ByteBuffer.wrap(CONTINUE)));
        }
        if (r.chunked) {
            r.body = await(chunkedBody());
        } else if (r.contentLength > 0) {
            r.body = await(fixedBody((int) r.contentLength));
        }
        return Future.ready(r);
    }

    /**
     * Drops one CRLF in front of a request line (RFC 9112 2.2: a server SHOULD ignore one, as some
     * clients send an extra CRLF after a POST body); true when it did.
     */
    private boolean skipEmptyLine() {
        if (in.position() >= 2 && in.get(0) == '\r' && in.get(1) == '\n') {
            consume(2);
            return true;
        }
        return false;
    }

    /** Index just past the blank line ending the head in [0, position), or -1. */
    private int headEnd() {
        byte[] a = in.array();
        for (int i = 3; i < in.position(); i++) {
            if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private Future<byte[]> fixedBody(int n) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(n, 64 * 1024));
        await(copy(body, n));
        return Future.ready(body.toByteArray());
    }

    /** chunk* last-chunk trailer-section CRLF, decoded. */
    private Future<byte[]> chunkedBody() throws IOException, BadRequest {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            long size = chunkSize(await(line(MAX_CHUNK_LINE)));
            if (size == 0) {
                break;
            }
            if (body.size() + size > MAX_BODY) {
                throw new BadRequest(413, "body over 16 MiB");
            }
            await(copy(body, (int) size));
            if (!await(line(0)).isEmpty()) {
                throw new BadRequest(400, "chunk data not followed by CRLF");
            }
        }
        int trailers = 0;
        while (true) {
            String field = await(line(MAX_HEAD));
            if (field.isEmpty()) {
                return Future.ready(body.toByteArray());
            }
            trailers += field.length() + 2;
            if (trailers > MAX_HEAD || field.indexOf(':') <= 0) {
                throw new BadRequest(400, "malformed or oversized trailer section");
            }
        }
    }

    /**
     * chunk-size [ chunk-ext ]: hex digits, then nothing or (optional whitespace) ';' and
     * extensions, which are ignored. Anything else is malformed.
     */
    static long chunkSize(String line) throws BadRequest {
        long size = 0;
        int i = 0;
        for (; i < line.length(); i++) {
            int d = Character.digit(line.charAt(i), 16);
            if (d < 0 || line.charAt(i) > 'f') { // only ASCII hex digits
                break;
            }
            size = size * 16 + d;
            if (size > MAX_BODY) {
                throw new BadRequest(413, "chunk over 16 MiB");
            }
        }
        if (i == 0) {
            throw new BadRequest(400, "chunk size is not hexadecimal");
        }
        String ext = line.substring(i).stripLeading();
        if (!ext.isEmpty() && ext.charAt(0) != ';') {
            throw new BadRequest(400, "junk after the chunk size");
        }
        return size;
    }

    /** Moves n bytes of body into out, reading as they arrive. */
    private Future<Void> copy(ByteArrayOutputStream out, int n) throws IOException {
        int left = n;
        while (left > 0) {
            if (in.position() == 0 && !await(fill())) {
                throw new EOFException("connection closed inside a request body");
            }
            int k = Math.min(left, in.position());
            out.write(in.array(), 0, k);
            consume(k);
            left -= k;
        }
        return Future.done();
    }

    /** A CRLF-terminated line of at most max bytes, without the CRLF; a bare LF is malformed. */
    private Future<String> line(int max) throws IOException, BadRequest {
        while (true) {
            byte[] a = in.array();
            int scan = Math.min(in.position(), max + 2);
            for (int i = 0; i < scan; i++) {
                if (a[i] == '\n') {
                    if (i == 0 || a[i - 1] != '\r') {
                        throw new BadRequest(400, "line not ended by CRLF");
                    }
                    String line = new String(a, 0, i - 1, ISO_8859_1);
                    consume(i + 1);
                    return Future.ready(line);
                }
            }
            if (in.position() >= max + 2) {
                throw new BadRequest(400, "line too long");
            }
            if (!await(fill())) {
                throw new EOFException("connection closed inside a chunked body");
            }
        }
    }

    /** Reads more (growing a full buffer); false at end of stream. */
    private Future<Boolean> fill() throws IOException {
        if (!in.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
            in.flip();
            in = bigger.put(in);
        }
        return Future.ready(await(s.read(in)) >= 0);
    }

    private void consume(int n) {
        in.flip();
        in.position(n);
        in.compact();
    }
}
