package dev.weft.internal.context;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.internal.driver.Reactor;
import dev.weft.internal.time.TimerDriver;

/**
 * What leaf futures and {@code Async.spawn} need from the runtime they run on. Every scheduler
 * is one. The runtime binds itself to its threads through {@link #CURRENT}: permanently on its
 * workers, and on a blockOn thread for the duration of the call.
 */
public interface RuntimeHandle {

    /** The runtime whose thread this is; set by the runtime on its worker and blockOn threads. */
    ThreadLocal<RuntimeHandle> CURRENT = new ThreadLocal<>();

    /** The runtime of the current thread, or null. */
    static RuntimeHandle current() {
        return CURRENT.get();
    }

    /** The runtime of the current thread, or IllegalStateException naming {@code what}. */
    static RuntimeHandle require(String what) {
        RuntimeHandle h = CURRENT.get();
        if (h == null) {
            throw new IllegalStateException(
                    what
                            + " called outside a weft runtime: call it from a task"
                            + " (AsyncRuntime.blockOn / spawn), or use runtime.spawn(...) directly");
        }
        return h;
    }

    /** The timer driver of {@code cx}'s runtime, or the shared fallback's outside any runtime. */
    static TimerDriver timersOf(Context cx) {
        RuntimeHandle r = Contexts.runtime(cx);
        return r != null ? r.timers() : Reactor.fallback().timers();
    }

    /** The reactor of {@code cx}'s runtime, or the shared fallback outside any runtime. */
    static Reactor reactorOf(Context cx) {
        RuntimeHandle r = Contexts.runtime(cx);
        return r != null ? r.reactor() : Reactor.fallback();
    }

    /** Spawns {@code future} as a task of this runtime. */
    <T> JoinHandle<T> spawn(Future<T> future);

    /** The timer driver leaf futures of this runtime arm their timers on. */
    TimerDriver timers();

    /**
     * The I/O driver socket leaf futures of this runtime register with. The default is the shared
     * fallback reactor; the schedulers override it with their own (created lazily, closed on
     * shutdown).
     */
    default Reactor reactor() {
        return Reactor.fallback();
    }
}
