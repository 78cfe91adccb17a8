package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.testkit.Leaf;

/**
 * Awaits with a monitor held, in the nestings of {@link Monitors}: each method is rejected at
 * the line marked {@code // held: <method>}.
 */
public class MonitorsHeld {

    static final Object LOCK = new Object();
    static final Object OTHER = new Object();
    static int n;

    public static Future<Integer> heldInTryInBlock() {
        synchronized (LOCK) {
            try {
                return Future.ready(await(Leaf.of(1))); // held: heldInTryInBlock
            } finally {
                n++;
            }
        }
    }

    public static Future<Integer> heldInCatchInBlock() {
        synchronized (LOCK) {
            try {
                n++;
            } catch (RuntimeException e) {
                n += await(Leaf.of(2)); // held: heldInCatchInBlock
            }
        }
        return Future.ready(n);
    }

    public static Future<Integer> heldInFinallyInBlock() {
        synchronized (LOCK) {
            try {
                n++;
            } finally {
                n += await(Leaf.of(3)); // held: heldInFinallyInBlock
            }
        }
        return Future.ready(n);
    }

    public static Future<Integer> heldInOuterAfterInner() {
        synchronized (LOCK) {
            synchronized (OTHER) {
                n++;
            }
            n += await(Leaf.of(4)); // held: heldInOuterAfterInner
        }
        return Future.ready(n);
    }

    public static Future<Integer> heldInLoopAfterContinue() {
        for (int i = 0; i < 3; i++) {
            synchronized (LOCK) {
                if (i == 0) {
                    continue;
                }
                n += await(Leaf.of(5)); // held: heldInLoopAfterContinue
            }
        }
        return Future.ready(n);
    }

    public static Future<Integer> heldInSwitchInBlock(int k) {
        synchronized (LOCK) {
            switch (k) {
                case 0:
                    return Future.ready(0);
                default:
                    n += await(Leaf.of(6)); // held: heldInSwitchInBlock
            }
        }
        return Future.ready(n);
    }

    public static Future<Integer> heldInBlockInCatch() {
        try {
            n++;
        } catch (RuntimeException e) {
            synchronized (LOCK) {
                n += await(Leaf.of(7)); // held: heldInBlockInCatch
            }
        }
        return Future.ready(n);
    }
}
