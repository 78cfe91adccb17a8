package dev.weft.it.elsewhere;

import java.util.concurrent.CompletableFuture;

/** A CompletableFuture subclass whose no-arg constructor only its package and subclasses may call. */
public class ProtectedTask<T> extends CompletableFuture<T> {
    protected ProtectedTask() {}
}
