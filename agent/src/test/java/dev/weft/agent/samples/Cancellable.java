package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import java.util.List;

/** A body suspended on a future that never completes, to be cancelled. */
public final class Cancellable {

    private Cancellable() {}

    static final class Never implements Future<String> {
        final List<String> log;

        Never(List<String> log) {
            this.log = log;
        }

        @Override
        public Poll<String> poll(Context cx) {
            return Poll.pending();
        }

        @Override
        public void cancel() {
            log.add("cancelled:true");
        }
    }

    public static Future<String> guarded(List<String> log) {
        log.add("started");
        try {
            return Future.ready(await(new Never(log)));
        } finally {
            log.add("finally");
        }
    }
}
