/**
 * Sockets whose operations are leaf futures over the runtime's reactor (internal.driver, with
 * registrations in internal.io): TCP listeners and streams, UDP sockets.
 *
 * <p>Invariants users rely on:
 * <ul>
 *   <li>Creating a future never blocks and never performs I/O; the first poll does. The
 *       factories declare {@code IOException} so {@code try { await(s.read(b)); } catch
 *       (IOException e)} compiles; errors are the JDK's own types (ConnectException,
 *       "Connection reset" IOException, ClosedChannelException, ...).
 *   <li>At most one pending operation per direction per socket (one reader, one writer).
 *   <li>Cancelling a pending operation removes its readiness interest; close() fails pending
 *       operations with AsynchronousCloseException and releases the descriptor at the reactor's
 *       next select.
 *   <li>read returns -1 at end of stream; write writes at least one byte; writeAll waits as long
 *       as the peer does not drain (backpressure).
 *   <li>A socket registers with the reactor of the runtime whose task first waits on it (the shared
 *       fallback reactor outside any runtime) and stays there.
 * </ul>
 */
package dev.weft.net;
