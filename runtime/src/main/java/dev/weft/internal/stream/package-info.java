/**
 * The machinery behind {@link dev.weft.AsyncStream}: the bridges to and from
 * {@link java.util.concurrent.Flow}, and the streams that runtime types hand out.
 *
 * <p>Invariants: a stream has one consumer, and at most one {@code hasNext()} is outstanding at a
 * time; every Flow signal to a subscriber is serialized.
 */
package dev.weft.internal.stream;
