/**
 * The contract woven code calls — internal use only, but stable: classes woven at build time
 * against one weft-runtime must keep running on the next.
 *
 * <p>Parts: {@link dev.weft.internal.coroutine.Coroutine} (the state object of a lazy async
 * call; extended by each generated companion class), {@link
 * dev.weft.internal.coroutine.EagerCoroutine} (CompletableFuture-returning methods: its own task,
 * run through the thread's {@link dev.weft.internal.coroutine.Trampoline} so that a chain of them
 * completing from its leaf resumes in a loop),
 * {@link dev.weft.internal.coroutine.GeneratorCoroutine} (methods returning {@code Generator}),
 * {@link dev.weft.internal.coroutine.AsyncGeneratorCoroutine} (methods returning {@code
 * AsyncStream}, which await and yield: the stream, its hasNext() future and that future's Poll
 * in one object),
 * {@link dev.weft.internal.coroutine.Await} (what each await site calls), {@link
 * dev.weft.internal.coroutine.CompanionLoader} (defines companions in the host's loader, after
 * {@link dev.weft.internal.coroutine.EarlyInit} has initialised the await path's classes on a
 * fresh stack, so that an overflow at a JVM's first await cannot leave them unusable), {@link
 * dev.weft.internal.coroutine.NotWoven} (the error unwoven markers throw), {@link
 * dev.weft.internal.coroutine.Sneaky} (rethrow without wrapping) and {@link
 * dev.weft.internal.coroutine.Ready} (a complete future that is its own poll result, which the
 * await path recognises by type to skip a second call).
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): above {@code
 * internal.context} (cancellation, the runtime of an eager coroutine, the coop budget Ready
 * spends) and {@code internal.dump}; below the futures, sockets and tasks that use it. It names
 * no driver, task or scheduler.
 *
 * <p>Invariants:
 * <ol>
 *   <li>A woven body returns {@code Await.SUSPENDED} (lazy/eager/async generator) or {@code
 *       GeneratorCoroutine.YIELDED} (generators, async generators) only after saving every live local into its companion and
 *       setting {@code state} to the suspension point's number (1..n); 0 means "not started",
 *       -1 (Coroutine.DONE) "complete", never left.
 *   <li>While suspended on an await, {@code awaiting} holds the awaited future; the resume path
 *       re-polls exactly that object, then clears the field.
 *   <li>Resumption is a loop, not a recursion: a poll of a suspended chain of lazy coroutines
 *       resumes its innermost one and continues each caller in a loop, so after the first
 *       suspension nothing grows the Java stack with the chain's depth ({@link
 *       dev.weft.internal.coroutine.Coroutine}); a failure's trace still names every level
 *       ({@link dev.weft.internal.coroutine.AsyncFrames}).
 *   <li>Only the awaiter polls a coroutine, one thread at a time; fields are plain, ordered by
 *       the executor's hand-off (task state word) or, for eager coroutines, by their run word.
 *   <li>Exceptions leave {@code poll}, {@code hasNext} and await sites as the original object;
 *       nothing here wraps.
 *   <li>An eager coroutine's CompletableFuture always completes, with the value or the error
 *       (a StackOverflowError raised while polling or publishing included); an error that can no
 *       longer go to it is rethrown, never dropped.
 *   <li>Cancellation is checked only on the pending path ({@code Await.cancelled}, after {@code
 *       Coroutine.poll(Future, Context)} returned SUSPENDED), so the ready path costs one poll and
 *       one compare.
 *   <li>A direct entry (a lazy body run without its state object, for an await of a call to it)
 *       returns {@code Await.SUSPENDED} only after allocating its state object, saving its live
 *       locals into it as its own body would, and handing it to the root's {@code awaiting} field
 *       ({@link dev.weft.internal.coroutine.Coroutine#handOff}); the root is the state object of
 *       the nearest caller that has one, polled on this thread, so nothing else reads that field
 *       between the hand-off and the caller taking it.
 * </ol>
 *
 * <p>Why the contract has this shape: docs/design.md, "The woven-code contract lives in one
 * runtime package", "Where a coroutine's state lives", "Cancellation flows through Context",
 * "Timers work without a runtime" and "Eager methods drive themselves".
 */
package dev.weft.internal.coroutine;
