package dev.weft.internal.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A subscriber for tests that requests {@code initial} items in onSubscribe, records every signal,
 * and records the rule violations it can see: an onNext beyond what it requested, overlapping
 * signals, signals after a terminal one.
 */
class RecordingSubscriber<T> implements Flow.Subscriber<T> {

    private final long initial;
    final List<T> items = new CopyOnWriteArrayList<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    final CountDownLatch terminated = new CountDownLatch(1);
    final AtomicLong requested = new AtomicLong();
    private final AtomicInteger inSignal = new AtomicInteger();
    volatile Flow.Subscription subscription;
    volatile Throwable error;
    volatile boolean completed;
    volatile Thread lastSignalThread;

    /** Counts down on each onNext; replaced by tests that wait for a number of items. */
    volatile CountDownLatch itemsLatch = new CountDownLatch(0);

    RecordingSubscriber(long initial) {
        this.initial = initial;
    }

    private void enter(String signal) {
        lastSignalThread = Thread.currentThread();
        if (inSignal.incrementAndGet() != 1) {
            violations.add("overlapping " + signal);
        }
        if (terminated.getCount() == 0) {
            violations.add(signal + " after a terminal signal");
        }
    }

    private void exit() {
        inSignal.decrementAndGet();
    }

    void request(long n) {
        requested.addAndGet(n);
        subscription.request(n);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        enter("onSubscribe");
        if (subscription != null) {
            violations.add("second onSubscribe");
        }
        subscription = s;
        exit();
        if (initial > 0) {
            request(initial);
        }
    }

    @Override
    public void onNext(T item) {
        enter("onNext");
        if (items.size() + 1 > requested.get()) {
            violations.add(
                    "onNext beyond demand: item "
                            + (items.size() + 1)
                            + " of "
                            + requested.get()
                            + " requested");
        }
        items.add(item);
        exit();
        itemsLatch.countDown();
    }

    @Override
    public void onError(Throwable t) {
        enter("onError");
        error = t;
        exit();
        terminated.countDown();
    }

    @Override
    public void onComplete() {
        enter("onComplete");
        completed = true;
        exit();
        terminated.countDown();
    }

    void awaitTerminated() throws InterruptedException {
        if (!terminated.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no terminal signal; items " + items);
        }
    }

    void awaitItems(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("items did not arrive: " + items);
        }
    }
}
