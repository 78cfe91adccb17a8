package dev.weft.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.examples.net.HttpServer;
import dev.weft.net.TcpListener;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1.1 example (woven by the agent) under real clients: the JDK's HttpClient, curl when
 * installed (required when WEFT_REQUIRE_SERVERS=1), and raw blocking sockets for pipelining,
 * garbage and a byte-at-a-time client.
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
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("Hello, World!", r.body());
        }
        HttpResponse<String> ch = c.send(HttpRequest.newBuilder(URI.create(base + "/chunked?n=100")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ch.statusCode());
        assertTrue(ch.body().startsWith("chunk 0\nchunk 1\n") && ch.body().endsWith("chunk 99\n"), ch.body());
        String body = "x".repeat(20_000);
        HttpResponse<String> echo = c.send(HttpRequest.newBuilder(URI.create(base + "/echo"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(body, echo.body());
        assertEquals(404, c.send(HttpRequest.newBuilder(URI.create(base + "/nope")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    static String exchange(byte[] request, boolean byteAtATime) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.localAddress().getPort())) {
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
        String resp = exchange((one + post + one + last).getBytes(StandardCharsets.US_ASCII), false);
        int first = resp.indexOf("Hello, World!");
        int echoed = resp.indexOf("hello", first);
        int second = resp.indexOf("Hello, World!", echoed);
        int chunked = resp.indexOf("chunk 1\n", second);
        assertTrue(first > 0 && echoed > first && second > echoed && chunked > second, resp);
        assertTrue(resp.endsWith("0\r\n\r\n"), resp);
    }

    @Test
    void garbageGets400AndTheServerSurvives() throws Exception {
        String resp = exchange("\u0001\u0002 garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), false);
        assertTrue(resp.startsWith("HTTP/1.1 400 "), resp);
        byte[] huge = new byte[9_000];
        java.util.Arrays.fill(huge, (byte) 'A');
        assertTrue(exchange(huge, false).startsWith("HTTP/1.1 400 "));
        assertTrue(exchange("GET / HTTP/1.1\r\nno colon here\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false)
                .startsWith("HTTP/1.1 400 "));
        // still serving
        assertTrue(exchange("GET / HTTP/1.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false)
                .contains("Hello, World!"));
    }

    @Test
    void slowClientByteAtATime() throws Exception {
        String resp = exchange("GET / HTTP/1.1\r\nHost: slow\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), true);
        assertTrue(resp.startsWith("HTTP/1.1 200 OK") && resp.endsWith("Hello, World!"), resp);
    }

    @Test
    void curl() throws Exception {
        boolean have = new File("/usr/bin/curl").canExecute();
        Servers.requireOrSkip(have, "curl is not installed (apt-get install -y curl)");
        Process p = new ProcessBuilder("curl", "-sS", "--http1.1", base + "/", base + "/chunked?n=3")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("Hello, World!chunk 0\nchunk 1\nchunk 2\n", out);
    }
}
