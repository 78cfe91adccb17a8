package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.testkit.Leaf;

/**
 * javac's synchronized blocks nested every way with try/catch/finally, loops, switches and
 * returns (issue 12, point 1). Each {@code ok*} method awaits only where no monitor is held and
 * is woven; each result records {@code Thread.holdsLock} after its awaits. The methods that
 * await with a monitor held are in {@link MonitorsHeld}, so {@code check} accepts this class.
 */
public class Monitors {

    static final Object LOCK = new Object();
    static final Object OTHER = new Object();

    private static String locks() {
        return Thread.holdsLock(LOCK) || Thread.holdsLock(OTHER) ? " LOCKED" : "";
    }

    /** The shape of the issue: the block in a try, the await in its finally. */
    public static Future<String> okFinallyAroundBlock() {
        int v = 0;
        try {
            synchronized (LOCK) {
                v++;
            }
        } finally {
            v = await(Leaf.of(v + 1));
        }
        return Future.ready(v + locks());
    }

    /** The whole body in a try, a small block inside, the await in the catch. */
    public static Future<String> okCatchAroundBlock(boolean fail) {
        try {
            synchronized (LOCK) {
                if (fail) {
                    throw new IllegalStateException("in block");
                }
            }
            return Future.ready("no throw" + await(Leaf.of("!")) + locks());
        } catch (IllegalStateException e) {
            return Future.ready(e.getMessage() + await(Leaf.of(" caught")) + locks());
        }
    }

    /** catch (Throwable) around the block: its handler comes after javac's unlock handler. */
    public static Future<String> okCatchThrowableAroundBlock(boolean fail) {
        String s = "";
        try {
            synchronized (LOCK) {
                if (fail) {
                    throw new IllegalStateException("t");
                }
                s += "b";
            }
        } catch (Throwable t) {
            s += await(Leaf.of(t.getMessage()));
        } finally {
            s += await(Leaf.of("f"));
        }
        return Future.ready(s + locks());
    }

    /** try/catch/finally inside the block, awaits before and after it. */
    public static Future<String> okTryInsideBlock(boolean fail) {
        String s = await(Leaf.of("a"));
        synchronized (LOCK) {
            try {
                if (fail) {
                    throw new IllegalArgumentException("x");
                }
                s += "t";
            } catch (IllegalArgumentException e) {
                s += "c";
            } finally {
                s += "f";
            }
        }
        return Future.ready(s + await(Leaf.of("z")) + locks());
    }

    /** Nested blocks; awaits between, after, and in an enclosing try's handlers. */
    public static Future<String> okNestedBlocks(boolean fail) {
        String s = "";
        try {
            synchronized (LOCK) {
                synchronized (OTHER) {
                    s += "in";
                    if (fail) {
                        throw new IllegalStateException("!");
                    }
                }
                s += "-";
            }
            s += await(Leaf.of("between"));
            synchronized (OTHER) {
                s += "-o";
            }
        } catch (IllegalStateException e) {
            s += await(Leaf.of("caught")) + locks();
        } finally {
            s += await(Leaf.of(".")) + locks();
        }
        return Future.ready(s);
    }

    /** break and continue out of the block, and return from inside it; awaits in the loop. */
    public static Future<String> okLoopExits(int stopAt) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            synchronized (LOCK) {
                if (i % 2 == 1) {
                    continue;
                }
                if (i == stopAt) {
                    break;
                }
                if (i == 8) {
                    return Future.ready(s.append("ret").toString());
                }
                s.append(i);
            }
            s.append(await(Leaf.of(":"))).append(locks());
        }
        return Future.ready(s + await(Leaf.of("end")) + locks());
    }

    /** A switch inside the block, blocks inside a switch's cases, awaits outside all of them. */
    public static Future<String> okSwitches(int k) {
        String s;
        synchronized (LOCK) {
            switch (k) {
                case 0:
                    s = "zero";
                    break;
                case 1:
                    s = "one";
                    break;
                default:
                    s = "many";
            }
        }
        switch (k) {
            case 0:
                synchronized (OTHER) {
                    s += "!";
                }
                s += await(Leaf.of("a"));
                break;
            case 1:
                try {
                    synchronized (OTHER) {
                        throw new IllegalStateException("b");
                    }
                } catch (IllegalStateException e) {
                    s += await(Leaf.of(e.getMessage()));
                }
                break;
            default:
                s += await(Leaf.of("c"));
        }
        return Future.ready(s + locks());
    }

    /** The lock itself is awaited: the await runs before the monitor is entered. */
    public static Future<String> okAwaitedLock() {
        String s;
        synchronized (await(Leaf.of(LOCK))) {
            s = "locked " + Thread.holdsLock(LOCK);
        }
        return Future.ready(s + await(Leaf.of("")) + locks());
    }

    /** An instance method synchronizing on this, with a try-with-resources around the block. */
    @SuppressWarnings("try") // the resource is unused on purpose: only its close paths matter here
    public Future<String> okThisInTryWithResources() {
        String s = "";
        try (AutoCloseable c = () -> {}) {
            synchronized (this) {
                s += Thread.holdsLock(this);
            }
        } catch (Exception e) {
            s += "x";
        } finally {
            s += await(Leaf.of(Thread.holdsLock(this)));
        }
        return Future.ready(s);
    }

    public static Future<String> okThis() {
        return new Monitors().okThisInTryWithResources();
    }

    /** A synchronized method that calls woven methods (it awaits nothing itself). */
    public static synchronized Future<String> okSynchronizedCaller() {
        return okFinallyAroundBlock();
    }

    /** A woven method awaiting the result of a synchronized one. */
    public static Future<String> okAwaitsSynchronizedCallee() {
        String s = await(okSynchronizedCaller());
        return Future.ready(s + locks());
    }
}
