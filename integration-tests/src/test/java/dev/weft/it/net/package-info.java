/**
 * dev.weft.net and the network examples under the agent against real peers: the JDK's
 * HttpClient, curl, redis-server (started by the test itself on a free port), plain blocking JDK
 * sockets in both directions, and many concurrent connections. Missing binaries fail under
 * WEFT_REQUIRE_SERVERS=1 and skip otherwise; Testcontainers is not used (no Docker engine).
 */
package dev.weft.it.net;
