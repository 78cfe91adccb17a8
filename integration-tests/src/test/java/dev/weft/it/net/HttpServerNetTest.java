package dev.weft.it.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.examples.net.HttpServer;
import dev.weft.net.TcpListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP/1.1 example (woven by the agent) under real clients: the JDK's HttpClient, curl when
 * installed (required when WEFT_REQUIRE_SERVERS=1), and raw blocking sockets for pipelining,
 * garbage, malformed chunked bodies and a byte-at-a-time client. Request bodies come framed both
 * ways: Content-Length, and chunked (curl with a Transfer-Encoding header; the JDK client with a
 * body publisher of unknown length).
 */
class HttpServerNetTest {

    static AsyncRuntime rt;
    static TcpListener listener;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        rt = AsyncRuntime.create();
        listener = TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        rt.spawn(HttpServer.serve(listener));
        base = "http://127.0.0.1:" + listener.localAddress().getPort();
    }

    @AfterAll
    static void stop() {
        listener.close();
        rt.close();
    }

    @Test
    void jdkHttpClientKeepAliveChunkedAndEcho() throws Exception {
        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r =
                    c.send(
                            HttpRequest.newBuilder(URI.create(base + "/")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("Hello, World!", r.body());
        }
        HttpResponse<String> ch =
                c.send(
                        HttpRequest.newBuilder(URI.create(base + "/chunked?n=100")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ch.statusCode());
        assertTrue(
                ch.body().startsWith("chunk 0\nchunk 1\n") && ch.body().endsWith("chunk 99\n"),
                ch.body());
        String body = "x".repeat(20_000);
        HttpResponse<String> echo =
                c.send(
                        HttpRequest.newBuilder(URI.create(base + "/echo"))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(body, echo.body());
        assertEquals(
                404,
                c.send(
                                HttpRequest.newBuilder(URI.create(base + "/nope")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
    }

    static String exchange(byte[] request, boolean byteAtATime) throws Exception {
        try (Socket s =
                new Socket(InetAddress.getLoopbackAddress(), listener.localAddress().getPort())) {
            OutputStream out = s.getOutputStream();
            if (byteAtATime) {
                for (byte b : request) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(0, 100_000);
                }
            } else {
                out.write(request);
            }
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        String one = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        String post = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
        String last = "GET /chunked?n=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        String resp =
                exchange((one + post + one + last).getBytes(StandardCharsets.US_ASCII), false);
        int first = resp.indexOf("Hello, World!");
        int echoed = resp.indexOf("hello", first);
        int second = resp.indexOf("Hello, World!", echoed);
        int chunked = resp.indexOf("chunk 1\n", second);
        assertTrue(first > 0 && echoed > first && second > echoed && chunked > second, resp);
        assertTrue(resp.endsWith("0\r\n\r\n"), resp);
    }

    @Test
    void garbageGets400AndTheServerSurvives() throws Exception {
        String resp =
                exchange(
                        "\u0001\u0002 garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                        false);
        assertTrue(resp.startsWith("HTTP/1.1 400 "), resp);
        byte[] huge = new byte[9_000];
        java.util.Arrays.fill(huge, (byte) 'A');
        assertTrue(exchange(huge, false).startsWith("HTTP/1.1 400 "));
        assertTrue(
                exchange(
                                "GET / HTTP/1.1\r\nno colon here\r\n\r\n"
                                        .getBytes(StandardCharsets.US_ASCII),
                                false)
                        .startsWith("HTTP/1.1 400 "));
        // still serving
        assertTrue(
                exchange(
                                "GET / HTTP/1.1\r\nConnection: close\r\n\r\n"
                                        .getBytes(StandardCharsets.US_ASCII),
                                false)
                        .contains("Hello, World!"));
    }

    @Test
    void slowClientByteAtATime() throws Exception {
        String resp =
                exchange(
                        "GET / HTTP/1.1\r\nHost: slow\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII),
                        true);
        assertTrue(resp.startsWith("HTTP/1.1 200 OK") && resp.endsWith("Hello, World!"), resp);
    }

    @Test
    void curl() throws Exception {
        boolean have = new File("/usr/bin/curl").canExecute();
        Servers.requireOrSkip(have, "curl is not installed (apt-get install -y curl)");
        Process p =
                new ProcessBuilder("curl", "-sS", "--http1.1", base + "/", base + "/chunked?n=3")
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("Hello, World!chunk 0\nchunk 1\nchunk 2\n", out);
    }

    static final byte[] BIG = new byte[300_000];

    static {
        for (int i = 0; i < BIG.length; i++) {
            BIG[i] = (byte) (i * 31 + (i >> 8)); // every byte value, CR and LF included
        }
    }

    @Test
    void curlSendsAChunkedBody(@TempDir Path dir) throws Exception {
        Servers.requireOrSkip(
                new File("/usr/bin/curl").canExecute(),
                "curl is not installed (apt-get install -y curl)");
        Path in = Files.write(dir.resolve("body.bin"), BIG);
        Path out = dir.resolve("echoed.bin");
        Path headers = dir.resolve("headers.txt");
        Process p =
                new ProcessBuilder(
                                "curl",
                                "-sS",
                                "--http1.1",
                                "-H",
                                "Transfer-Encoding: chunked",
                                "--data-binary",
                                "@" + in,
                                "-D",
                                headers.toString(),
                                "-o",
                                out.toString(),
                                base + "/echo")
                        .redirectErrorStream(true)
                        .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        String head = Files.readString(headers, StandardCharsets.ISO_8859_1);
        assertTrue(head.contains("X-Request-Body: chunked"), head);
        assertArrayEquals(BIG, Files.readAllBytes(out));
    }

    @Test
    void jdkHttpClientSendsAChunkedBody() throws Exception {
        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 3; i++) { // the same keep-alive connection goes on after each body
            HttpResponse<byte[]> r =
                    c.send(
                            HttpRequest.newBuilder(URI.create(base + "/echo"))
                                    .POST(
                                            HttpRequest.BodyPublishers.ofInputStream(
                                                    () -> new ByteArrayInputStream(BIG)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            assertEquals(
                    "chunked",
                    r.headers().firstValue("X-Request-Body").orElse(null),
                    "the JDK client sent it chunked");
            assertArrayEquals(BIG, r.body());
            assertEquals(
                    "Hello, World!",
                    c.send(
                                    HttpRequest.newBuilder(URI.create(base + "/")).build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
        }
    }

    static final String CHUNKED_POST =
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

    @Test
    void chunkedBodiesWithExtensionsAndTrailersArePipelined() throws Exception {
        String a =
                CHUNKED_POST
                        + "5;name=value\r\nhello\r\n6 ; x\r\n world\r\n0\r\nX-Checksum: 1\r\nX-More: 2\r\n\r\n";
        String b = CHUNKED_POST + "3\r\nabc\r\n000\r\n\r\n";
        String last = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        String resp = exchange((a + b + last).getBytes(StandardCharsets.US_ASCII), false);
        int first = resp.indexOf("\r\n\r\nhello world");
        int second = resp.indexOf("\r\n\r\nabc", first);
        int third = resp.indexOf("Hello, World!", second);
        assertTrue(first > 0 && second > first && third > second, resp);
        // HTTP/1.0 with Transfer-Encoding: answered, then closed even though keep-alive was asked
        String old =
                exchange(
                        ("POST /echo HTTP/1.0\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n"
                                        + "3\r\nabc\r\n0\r\n\r\n"
                                        + last)
                                .getBytes(StandardCharsets.US_ASCII),
                        false);
        assertTrue(old.endsWith("\r\n\r\nabc") && old.contains("Connection: close"), old);
        // the same, one byte at a time
        String slow = exchange((a + last).getBytes(StandardCharsets.US_ASCII), true);
        assertTrue(slow.contains("hello world") && slow.endsWith("Hello, World!"), slow);
    }

    @Test
    void malformedChunkedBodiesGet400AndClose() throws Exception {
        String next =
                "GET / HTTP/1.1\r\nHost: x\r\n\r\n"; // must not be answered: the connection closes
        String[] bodies = {
            "zz\r\nhello\r\n0\r\n\r\n", // not hexadecimal
            "-5\r\nhello\r\n0\r\n\r\n", // negative
            "\r\nhello\r\n0\r\n\r\n", // empty size
            " 5\r\nhello\r\n0\r\n\r\n", // leading space
            "5x\r\nhello\r\n0\r\n\r\n", // junk after the size
            "5\r\nhelloXX\r\n0\r\n\r\n", // data longer than its size
            "5\nhello\r\n0\r\n\r\n", // bare LF
            "0\r\nno colon\r\n\r\n", // malformed trailer
            "1" + "0".repeat(2_000) + "\r\n", // size line over 1 KiB
        };
        for (String body : bodies) {
            String resp =
                    exchange(
                            (CHUNKED_POST + body + next).getBytes(StandardCharsets.US_ASCII),
                            false);
            assertTrue(resp.startsWith("HTTP/1.1 400 Bad Request\r\n"), body + " -> " + resp);
            assertTrue(
                    resp.contains("Connection: close") && resp.indexOf("HTTP/1.1", 1) < 0,
                    body + " -> " + resp);
        }
        String tooBig =
                exchange(
                        (CHUNKED_POST + "FFFFFFFFFFFF\r\n").getBytes(StandardCharsets.US_ASCII),
                        false);
        assertTrue(tooBig.startsWith("HTTP/1.1 413 "), tooBig);
        String[] heads = {
            "POST /echo HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
            "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
            "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
            "POST /echo HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
            "POST /echo HTTP/1.1\r\nContent-Length: +5\r\n\r\nhello",
            "POST /echo HTTP/1.1\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
        };
        for (String head : heads) {
            String resp = exchange((head + next).getBytes(StandardCharsets.US_ASCII), false);
            assertTrue(
                    resp.startsWith("HTTP/1.1 400 ") && resp.indexOf("HTTP/1.1", 1) < 0,
                    head + " -> " + resp);
        }
        String gzip =
                exchange(
                        ("POST /echo HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n" + next)
                                .getBytes(StandardCharsets.US_ASCII),
                        false);
        assertTrue(gzip.startsWith("HTTP/1.1 501 "), gzip);
        // still serving
        assertTrue(
                exchange(
                                "GET / HTTP/1.1\r\nConnection: close\r\n\r\n"
                                        .getBytes(StandardCharsets.US_ASCII),
                                false)
                        .endsWith("Hello, World!"));
    }

    @Test
    void expectContinueGets100BeforeTheBody() throws Exception {
        try (Socket s =
                new Socket(InetAddress.getLoopbackAddress(), listener.localAddress().getPort())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(
                    ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            byte[] interim = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            assertEquals(
                    new String(interim, StandardCharsets.US_ASCII),
                    new String(in.readNBytes(interim.length), StandardCharsets.US_ASCII));
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            String resp = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(resp.startsWith("HTTP/1.1 200 OK") && resp.endsWith("hello"), resp);
        }
    }
}
