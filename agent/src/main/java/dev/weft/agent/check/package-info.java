/**
 * Stage 3: find each method's suspension points and decide whether the method may be woven.
 *
 * <p>A suspension point is a call to {@code Async.await(Future)}, {@code Async.await(CompletionStage)}
 * (each also with a second, {@code Class}, argument: the same point) or {@code Generator.yield(Object)}. A method with suspension points is a coroutine of one
 * {@link dev.weft.agent.check.CoroutineKind} chosen by its declared return type, or it is rejected.
 * A CompletableFuture subclass is an eager return type when {@link dev.weft.agent.check.PromiseTypes}
 * finds, in class files, that the woven code can create it.
 *
 * <p>Rejection protocol (a contract: tests and users match this text exactly):
 * <ol>
 *   <li>the message is {@code <binary.Class.Name>.<method>(<SourceFile>:<line>): <reason>}, the
 *       line being that of the first offending await/yield call;
 *   <li>the weaver prints {@code [weft] <message>} on System.err when the class is transformed;
 *   <li>the method's body becomes {@code throw new IllegalStateException(<message>)}; the rest of
 *       the class is woven normally.
 * </ol>
 * A rejection in a lambda body names the enclosing method ({@code in a lambda in Class.method(File:line)},
 * {@link dev.weft.agent.check.LambdaOrigins}), and each reason says how to fix the method.
 *
 * <p>Warnings ({@link dev.weft.agent.check.Warning}) never stop weaving. There are two:
 * {@link dev.weft.agent.check.DiscardedFutures}, a call whose {@code dev.weft.Future} result is
 * popped or stored in a local nobody reads, in any method of a class the weaver parses; and
 * {@link dev.weft.agent.check.BlockingCalls}, a call to a known blocking JDK method (its table is
 * the one list) inside a woven method, matched by owner and name only. The agent logs the second
 * kind only with its {@code warnBlocking} option; {@code check}, {@code weave} and the Maven
 * plugin always report both.
 */
package dev.weft.agent.check;
