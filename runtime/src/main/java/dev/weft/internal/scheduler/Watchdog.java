package dev.weft.internal.scheduler;

import dev.weft.internal.dump.DumpFormat;
import dev.weft.internal.jfr.WeftEvents;
import dev.weft.internal.metrics.WorkerCounters;
import dev.weft.internal.task.Task;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Notices a task poll that runs longer than a threshold (a blocking call in a task: JDBC,
 * {@code Thread.sleep}, {@code CompletableFuture.join}...), which stalls its worker and every task
 * queued behind it. One daemon thread per runtime, waking every threshold/2.
 *
 * <p>What the workers pay: nothing beyond the poll sequence they keep for the metrics anyway
 * ({@link WorkerCounters#pollStarted}/{@link WorkerCounters#pollEnded}, two release stores per
 * poll, no clock read). The watchdog reads each worker's sequence; an odd value is a poll in
 * progress. The first check that sees a given odd value notes the time; a later check that sees
 * the same value {@code threshold} after that knows one poll has run at least the threshold. It
 * then samples the worker's stack ({@code Thread.getStackTrace}, while the poll still runs) and
 * re-reads the sequence: if the poll ended meanwhile the sample belongs to another poll and is
 * dropped. So a poll that runs 1.5 thresholds is always reported, one of between 1 and 1.5
 * thresholds may be, a shorter one never is.
 *
 * <p>What it cannot tell apart: a worker that blocks and a worker that does not get a CPU (a
 * machine loaded far beyond its cores, a long GC pause) look the same from outside; the sampled
 * stack then shows ordinary weft or user code, no blocking call. Measured on a 2-core machine at
 * load ~25: skynet's microsecond polls were reported a few times per run.
 *
 * <p>A report goes to {@code System.Logger} "dev.weft.watchdog" (WARNING) once per spawn site and
 * once per blocking frame (the innermost frame of the sampled stack outside the JDK): a site or a
 * frame already reported is not logged again, so a hot blocking call logs once, not once per
 * poll. Every detection is also a JFR event {@code dev.weft.SlowPoll} when one is recorded.
 */
final class Watchdog implements Runnable {

    static final System.Logger LOG = System.getLogger("dev.weft.watchdog");

    private final WorkStealingScheduler scheduler;
    private final long thresholdNanos;
    private final Thread thread;

    /** Per worker: the odd sequence last seen, when it was first seen, whether it was reported. */
    private final long[] seenSeq;

    private final long[] firstSeen;
    private final boolean[] reported;

    /** Spawn sites and blocking frames already logged. */
    private final Set<String> loggedSites = ConcurrentHashMap.newKeySet();

    private final Set<String> loggedFrames = ConcurrentHashMap.newKeySet();

    private volatile boolean stopped;

    Watchdog(WorkStealingScheduler scheduler, long thresholdNanos, String name) {
        this.scheduler = scheduler;
        this.thresholdNanos = thresholdNanos;
        int n = scheduler.workers.length;
        this.seenSeq = new long[n];
        this.firstSeen = new long[n];
        this.reported = new boolean[n];
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    /** Stops the thread and waits for it (it never blocks for longer than one period). */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
        if (thread != Thread.currentThread()) {
            try {
                thread.join(TimeUnit.NANOSECONDS.toMillis(thresholdNanos) + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        long period = Math.max(1, thresholdNanos / 2);
        while (!stopped) {
            LockSupport.parkNanos(this, period);
            if (stopped) {
                return;
            }
            check(System.nanoTime());
        }
    }

    private void check(long now) {
        Worker[] workers = scheduler.workers;
        for (int i = 0; i < workers.length; i++) {
            Worker w = workers[i];
            long seq = w.counters.pollSequence();
            if ((seq & 1) == 0) {
                continue; // between polls
            }
            if (seq != seenSeq[i]) {
                seenSeq[i] = seq;
                firstSeen[i] = now;
                reported[i] = false;
                continue;
            }
            if (reported[i] || now - firstSeen[i] < thresholdNanos) {
                continue;
            }
            // ordering: current was written before the release store of this odd sequence.
            Task<?> task = w.current;
            StackTraceElement[] stack = w.getStackTrace();
            if (task == null || w.counters.pollSequence() != seq) {
                continue; // the poll ended while we looked: the sample may be another poll's
            }
            reported[i] = true;
            report(w, task, stack, System.nanoTime() - firstSeen[i]);
        }
    }

    private void report(Worker w, Task<?> task, StackTraceElement[] stack, long runningNanos) {
        String recorded = scheduler.spawnSite(task);
        // without a recorded site the future's class stands for it in the once-per-site rule (a
        // woven method's companion class names the method)
        String site = recorded != null ? recorded : "not recorded";
        String siteKey = recorded != null ? recorded : task.futureName();
        String frame = blockingFrame(stack);
        WeftEvents.slowPoll(task, site, frame, w.getName(), runningNanos);
        boolean newSite = loggedSites.add(siteKey);
        boolean newFrame = loggedFrames.add(frame);
        if (!(newSite || newFrame) || !LOG.isLoggable(Level.WARNING)) {
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append("slow poll: a task has run for ")
                .append(TimeUnit.NANOSECONDS.toMillis(runningNanos))
                .append(" ms on ")
                .append(w.getName())
                .append(" without returning (threshold ")
                .append(TimeUnit.NANOSECONDS.toMillis(thresholdNanos))
                .append(" ms): it holds up its worker and")
                .append(" the tasks queued behind it.\n  task: ")
                .append(task.futureName())
                .append(" (id ")
                .append(DumpFormat.taskId(task))
                .append(")\n  spawned at: ")
                .append(site)
                .append("\n  blocking in: ")
                .append(frame)
                .append("\n  worker stack, sampled during the stall:");
        for (StackTraceElement e : stack) {
            b.append("\n    at ").append(site(e));
            if (e.getClassName().equals(Task.class.getName()) && e.getMethodName().equals("run")) {
                break; // below: the worker's loop, the same for every task
            }
        }
        b.append(
                "\n  Await instead of blocking (Async.sleep, await a CompletionStage), or move the blocking call"
                        + " to Async.spawnBlocking. Reported once per spawn site and blocking frame;"
                        + " -Dweft.slowPollMillis=0 turns the watchdog off.");
        LOG.log(Level.WARNING, b.toString());
    }

    /** The innermost frame that is not the JDK's: the user's line that blocks (or spins). */
    static String blockingFrame(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (!(c.startsWith("java.")
                    || c.startsWith("javax.")
                    || c.startsWith("jdk.")
                    || c.startsWith("sun.")
                    || c.startsWith("com.sun."))) {
                return site(e);
            }
        }
        return stack.length > 0 ? site(stack[0]) : "(no stack)";
    }

    /** {@code Class.method(File.java:line)}, as weft names every place. */
    private static String site(StackTraceElement e) {
        return e.getClassName()
                + "."
                + e.getMethodName()
                + "("
                + (e.isNativeMethod()
                        ? "Native Method"
                        : e.getFileName() == null
                                ? "Unknown Source"
                                : e.getFileName() + ":" + e.getLineNumber())
                + ")";
    }
}
