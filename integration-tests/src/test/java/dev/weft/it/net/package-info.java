/**
 * dev.weft.net and the network examples under the agent against real peers: the JDK's
 * HttpClient, curl, Redis (a redis:7 container from Testcontainers when a Docker engine is
 * reachable, else the local redis-server started by the test on a free port), plain blocking JDK
 * sockets in both directions, and 10,000 concurrent connections from a client in a child JVM.
 * Where the peers come from, and what happens when one is missing (fail under
 * WEFT_REQUIRE_SERVERS=1, skip otherwise), is {@link dev.weft.it.net.Servers}'s job.
 */
package dev.weft.it.net;
