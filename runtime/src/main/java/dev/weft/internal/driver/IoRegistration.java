package dev.weft.internal.driver;

import java.nio.channels.SelectionKey;

/**
 * What the driver knows of a channel registered with its selector: the attachment of the
 * channel's key, told when a select finds the key ready and when the driver shuts down.
 * Implemented one layer up ({@code internal.io.IoSource}), so the driver never names the socket
 * side and the dependency points one way.
 */
public interface IoRegistration {

    /** Called by the driving thread for a key that a select found ready. */
    void ready(SelectionKey key);

    /** Called once by the driver's shutdown: close the channel and fail its waiters. */
    void close();
}
