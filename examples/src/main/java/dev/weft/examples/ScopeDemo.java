package dev.weft.examples;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Scope;
import java.time.Duration;

/**
 * Structured concurrency with {@link Scope}: the tasks a scope spawns run concurrently and
 * never outlive it. A page is assembled from two fetches and an audit write that nobody awaits
 * (the scope still waits for it); then a fetch fails, which cancels its slow sibling (whose
 * finally block runs) and comes out of the await as the original exception.
 */
public final class ScopeDemo {

    private ScopeDemo() {}

    static Future<String> fetch(String what, int millis) {
        await(Async.sleep(Duration.ofMillis(millis)));
        System.out.printf("  %s fetched (%d ms)%n", what, millis);
        return Future.ready(what);
    }

    static Future<String> slowFetch(String what) {
        try {
            await(Async.sleep(Duration.ofSeconds(10)));
            return Future.ready(what);
        } finally {
            System.out.printf("  %s: finally ran (cancelled by the scope)%n", what);
        }
    }

    static Future<String> failingFetch(String what, int millis) {
        await(Async.sleep(Duration.ofMillis(millis)));
        throw new IllegalStateException(what + " unreachable");
    }

    /** Two fetches at once, plus a task nobody awaits: the scope waits for it too. */
    static Future<String> page(Scope scope) {
        JoinHandle<String> user = scope.spawn(fetch("user", 100));
        JoinHandle<String> orders = scope.spawn(fetch("orders", 50));
        scope.spawn(fetch("audit record", 150));
        return Future.ready(await(user) + " + " + await(orders));
    }

    /** The first failure cancels everything else in the scope. */
    static Future<String> pageFromReplicas(Scope scope) {
        JoinHandle<String> slow = scope.spawn(slowFetch("slow replica"));
        scope.spawn(failingFetch("primary", 50));
        return Future.ready(await(slow));
    }

    static Future<Void> demo() {
        String page = await(Scope.run(ScopeDemo::page));
        System.out.println("page: " + page + " (the scope ended after the audit record too)");
        try {
            await(Scope.run(ScopeDemo::pageFromReplicas));
        } catch (IllegalStateException e) {
            System.out.println("scope failed: " + e.getMessage());
        }
        return Future.done();
    }

    /** Runs both scopes on a runtime, blocking the calling thread until they are done. */
    public static void run() {
        try (AsyncRuntime runtime = AsyncRuntime.create()) {
            runtime.blockOn(demo());
        }
    }

    public static void main(String[] args) {
        run();
    }
}
