package dev.weft.fuzz.run;

import dev.weft.fuzz.gen.Node;
import dev.weft.fuzz.gen.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reduces a failing program while it keeps failing the same way: drops statements and methods,
 * replaces compound statements by nothing and expressions by literals, pass after pass until a
 * pass changes nothing (a 1-minimal program for these edits) or the attempt budget runs out.
 * Candidates that no longer compile simply do not fail, so they are rejected like any other.
 */
public final class Shrinker {

    /** The shrunk program's verdict and how many candidates were judged. */
    public static final class Result {
        public final Verdict verdict;
        public final int attempts;

        Result(Verdict verdict, int attempts) {
            this.verdict = verdict;
            this.attempts = attempts;
        }
    }

    private final Function<Program, Verdict> judge;
    private final int budget;
    private int attempts;

    public Shrinker(Trial trial, int budget) {
        this(trial::judge, budget);
    }

    /** A shrinker over any judge (tests use a synthetic one). */
    public Shrinker(Function<Program, Verdict> judge, int budget) {
        this.judge = judge;
        this.budget = budget;
    }

    /** Shrinks {@code p} in place (its tree is edited). */
    public Result shrink(Program p, Verdict.Kind kind) {
        Verdict last = judge.apply(p);
        if (last.kind != kind) {
            return new Result(last, 1);
        }
        boolean progress = true;
        while (progress && attempts < budget) {
            progress = false;
            List<Node> nodes = new ArrayList<>();
            p.tree().walk(nodes::add);
            for (Node n : nodes) {
                if (attempts >= budget || !live(p, n)) {
                    continue;
                }
                if (n.isRemovable()) {
                    n.setDropped(true);
                    Verdict v = attempt(p, kind);
                    if (v != null) {
                        last = v;
                        progress = true;
                        continue;
                    }
                    n.setDropped(false);
                }
                if (n.hasAlt()) {
                    n.setUseAlt(true);
                    Verdict v = attempt(p, kind);
                    if (v != null) {
                        last = v;
                        progress = true;
                        continue;
                    }
                    n.setUseAlt(false);
                }
            }
        }
        return new Result(last, attempts);
    }

    private static boolean live(Program p, Node n) {
        boolean[] found = {false};
        p.tree().walk(m -> found[0] |= m == n);
        return found[0];
    }

    private Verdict attempt(Program p, Verdict.Kind kind) {
        attempts++;
        Verdict v = judge.apply(p);
        return v.kind == kind ? v : null;
    }
}
