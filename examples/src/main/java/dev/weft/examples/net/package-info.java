/**
 * Network programs in plain awaiting Java over {@code dev.weft.net}, run with the agent: an echo
 * server, an HTTP/1.1 server (keep-alive, pipelining, chunked responses, 400 on malformed
 * requests) and a RESP (Redis) client with pipelining. Each connection is one task; a slow or
 * hostile peer only holds its own task.
 */
package dev.weft.examples.net;
