package dev.weft.examples.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 request as {@link HttpServer} sees it: the parsed head (RFC 9112 sections 3 and 5)
 * and, once {@link RequestReader} has read it, the body. The head parser is strict where leniency
 * lets a proxy and this server disagree on where a request ends (request smuggling): duplicate or
 * non-numeric Content-Length, Content-Length together with Transfer-Encoding, a transfer coding
 * list not ending in chunked, whitespace before a header's colon, and obsolete line folding are
 * all refused.
 */
final class Request {

    String method;
    String path;
    boolean http11;
    boolean keepAlive;

    /** -1 when the head has no Content-Length. */
    long contentLength = -1;

    /** The body uses the chunked transfer coding. */
    boolean chunked;

    /** The client waits for "100 Continue" before sending the body. */
    boolean expectContinue;

    byte[] body = new byte[0];

    private Request() {}

    /** Parses a head (start line and header fields, ending with the blank line). */
    static Request parseHead(String head) throws RequestReader.BadRequest {
        String[] lines = head.split("\r\n");
        String[] start = lines[0].split(" ", -1);
        if (start.length != 3
                || !(start[2].equals("HTTP/1.1") || start[2].equals("HTTP/1.0"))
                || !isToken(start[0])
                || !start[1].startsWith("/")) {
            throw bad("malformed request line");
        }
        Request r = new Request();
        r.method = start[0];
        r.path = start[1];
        r.http11 = start[2].equals("HTTP/1.1");
        r.keepAlive = r.http11;
        List<String> codings = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0
                    || !isToken(line.substring(0, colon))
                    || line.indexOf('\n') >= 0
                    || line.indexOf('\r') >= 0) {
                throw bad("malformed header field");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "connection":
                    {
                        String v = value.toLowerCase(Locale.ROOT);
                        r.keepAlive =
                                v.contains("keep-alive") || (r.keepAlive && !v.contains("close"));
                        break;
                    }
                case "content-length":
                    {
                        long n = parseLength(value);
                        if (r.contentLength >= 0 && r.contentLength != n) {
                            throw bad("conflicting Content-Length fields");
                        }
                        r.contentLength = n;
                        break;
                    }
                case "transfer-encoding":
                    for (String c : value.split(",")) {
                        codings.add(c.strip().toLowerCase(Locale.ROOT));
                    }
                    break;
                case "expect":
                    r.expectContinue = value.equalsIgnoreCase("100-continue");
                    break;
                default:
                    break;
            }
        }
        if (!codings.isEmpty()) {
            if (r.contentLength >= 0) {
                throw bad("both Content-Length and Transfer-Encoding");
            }
            // RFC 9112 6.3: when chunked is not the final coding the length is unknowable: 400
            if (!codings.get(codings.size() - 1).equals("chunked")
                    || codings.indexOf("chunked") != codings.size() - 1) {
                throw bad("Transfer-Encoding must end with chunked, once");
            }
            if (codings.size() > 1) {
                throw new RequestReader.BadRequest(
                        501, "transfer coding not implemented: " + codings);
            }
            r.chunked = true;
            // RFC 9112 6.1: Transfer-Encoding in an HTTP/1.0 message means faulty framing: answer
            // it,
            // then close the connection
            r.keepAlive &= r.http11;
        }
        return r;
    }

    private static long parseLength(String value) throws RequestReader.BadRequest {
        if (value.isEmpty() || value.length() > 10) {
            throw bad("bad Content-Length");
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw bad("bad Content-Length");
            }
            n = n * 10 + (c - '0');
        }
        if (n > RequestReader.MAX_BODY) {
            throw new RequestReader.BadRequest(413, "body over 16 MiB");
        }
        return n;
    }

    /** RFC 9110 token: visible ASCII except delimiters; no spaces (so no "Name : value"). */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static RequestReader.BadRequest bad(String why) {
        return new RequestReader.BadRequest(400, why);
    }
}
