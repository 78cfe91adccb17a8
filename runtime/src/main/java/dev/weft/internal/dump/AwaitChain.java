package dev.weft.internal.dump;

import java.util.ArrayList;
import java.util.List;

/** Walks what a task awaits, from its spawned future down to the leaf. */
public final class AwaitChain {

    /**
     * Beyond this many entries the walk stops (a chain that long is itself the finding, and a
     * racing poller could in principle relink frames into a cycle while the walk reads them).
     */
    static final int MAX_DEPTH = 1024;

    private AwaitChain() {}

    /**
     * The chain below {@code root} (a task's spawned future), outermost first: each woven frame
     * as {@code Class.method(File.java:line)} of the await it is suspended at, then the leaf's
     * description. Ends early, without a leaf, where a running poll has just cleared what a frame
     * awaited. Never throws: a failure to describe one future is written into the chain.
     */
    public static List<String> of(Object root) {
        List<String> chain = new ArrayList<>();
        Object f = root;
        while (f != null) {
            if (chain.size() == MAX_DEPTH) {
                chain.add("... (deeper frames left out)");
                break;
            }
            try {
                // a woven frame (Coroutine) is Awaited too: its line, then what it awaits
                if (f instanceof Awaited) {
                    Awaited a = (Awaited) f;
                    chain.add(a.describeAwait());
                    f = a.awaitedInside();
                } else {
                    chain.add(f.getClass().getName());
                    f = null;
                }
            } catch (RuntimeException | LinkageError e) {
                chain.add(f.getClass().getName() + " (not described: " + e + ")");
                f = null;
            }
        }
        return chain;
    }

    /**
     * The children of a combinator, one short entry each (a woven child's suspension site, a
     * leaf's description), finished children (null slots) left out: {@code [A.f(A.java:3), Async.sleep(PT1S), fires in 0.5s]}.
     */
    public static String briefs(Object[] children) {
        StringBuilder b = new StringBuilder("[");
        int n = 0;
        for (Object c : children) {
            if (c == null) {
                continue;
            }
            if (n++ > 0) {
                b.append(", ");
            }
            if (n > 8) {
                b.append("...");
                break;
            }
            List<String> chain = of(c);
            b.append(
                    chain.isEmpty()
                            ? c.getClass().getName()
                            : chain.size() == 1
                                    ? chain.get(0)
                                    : chain.get(0) + " -> " + chain.get(chain.size() - 1));
        }
        return b.append(']').toString();
    }
}
