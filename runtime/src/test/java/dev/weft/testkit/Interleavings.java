package dev.weft.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Small-scope exhaustive search: every interleaving of a model's actions, depth first, each prefix
 * replayed on a fresh model. Nothing is copied or merged, so a model is plain mutable test code
 * over the real object under test, and the scope must stay small (a run of seconds covers
 * thousands to a few hundred thousand complete interleavings).
 *
 * <p>Every prefix is a node of the search, so checking what must hold between steps once after
 * each replay ({@link Model#checkStep}) checks it after every step of every interleaving.
 */
public final class Interleavings {

    /** One replay of an interleaving: a fresh object under test and its model state. */
    public interface Model {

        /** The actions that may come next; none when the interleaving is complete. */
        List<Integer> enabled();

        /** Takes one step, asserting what must hold of its outcome. */
        void apply(int action);

        /** What must hold between any two steps (invariants, no lost wake-up). */
        default void checkStep() {}

        /** What must hold once no action is enabled (nothing stuck, nothing lost). */
        void checkEnd();
    }

    private Interleavings() {}

    /**
     * Explores every interleaving of {@code fresh}'s models and returns how many complete ones it
     * checked. An interleaving reaching {@code maxSteps} fails as a livelock, named by {@code
     * describe} (an action's name).
     */
    public static long explore(
            Supplier<? extends Model> fresh, int maxSteps, IntFunction<String> describe) {
        long[] complete = new long[1];
        explore(fresh, maxSteps, describe, new ArrayList<>(), complete);
        return complete[0];
    }

    private static void explore(
            Supplier<? extends Model> fresh,
            int maxSteps,
            IntFunction<String> describe,
            List<Integer> path,
            long[] complete) {
        if (path.size() >= maxSteps) {
            throw new AssertionError("livelock: " + describe(path, describe));
        }
        Model m = fresh.get();
        for (int a : path) {
            m.apply(a);
        }
        m.checkStep();
        List<Integer> enabled = m.enabled();
        if (enabled.isEmpty()) {
            m.checkEnd();
            complete[0]++;
            return;
        }
        for (int a : enabled) {
            path.add(a);
            explore(fresh, maxSteps, describe, path, complete);
            path.remove(path.size() - 1);
        }
    }

    /** The interleaving as its actions' names, for failure messages. */
    public static String describe(List<Integer> path, IntFunction<String> describe) {
        StringBuilder sb = new StringBuilder();
        for (int a : path) {
            sb.append(' ').append(describe.apply(a));
        }
        return sb.toString().trim();
    }
}
