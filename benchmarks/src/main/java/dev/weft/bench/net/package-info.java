/**
 * The networking benchmark group {@code net} (issue 6 point 5, and the echo half of issue 8
 * point 5): the peers' servers and the one load generator, each started in a process of its own
 * by {@code benchmarks/run/net}. weft's servers are not here: the runner starts the examples
 * ({@code dev.weft.examples.net.EchoServer} and {@code HttpServer}) under the agent.
 *
 * <p>Invariants: every server answers exactly the bytes weft's example answers (the echo returns
 * what it read; HTTP answers {@code Hello, World!} with the same three headers), so a peer
 * cannot look fast by doing less; the load generator ({@link EchoClient}) is the same program
 * for every echo server and checks every echoed byte, HTTP load comes from {@code wrk}; nothing
 * here runs during {@code mvn verify}.
 */
package dev.weft.bench.net;
