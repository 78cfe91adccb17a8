/**
 * Network programs in plain awaiting Java over {@code dev.weft.net}, run with the agent: an echo
 * server, an HTTP/1.1 server (keep-alive, pipelining, chunked responses, Content-Length and
 * chunked request bodies, 400 on malformed requests) and a RESP (Redis) client that many tasks
 * share over one connection, with pipelining. Each server connection is one task; a slow or
 * hostile peer only holds its own task, and the memory it can make the server hold is bounded
 * by what it actually sends (see RequestReader).
 */
package dev.weft.examples.net;
