package dev.weft.fuzz.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the expression and statement generators know while writing one method (or lambda) body:
 * the variables in scope, the enclosing loops, and what the body may do (await or not).
 */
final class Body {

    /** A local in scope; {@code mutable} false for loop counters and lambda-captured names. */
    static final class Var {
        final String name;
        final Ty type;
        final boolean mutable;

        Var(String name, Ty type, boolean mutable) {
            this.name = name;
            this.type = type;
            this.mutable = mutable;
        }
    }

    final SplittableRandom r;
    final Program program;
    final Method method;
    final List<Var> vars = new ArrayList<>();

    /** Labels of the enclosing loops, innermost last. */
    final List<String> loops = new ArrayList<>();

    /**
     * Depth of enclosing try statements (any part). A tail call ({@code return m(...)}) there
     * would run the callee's body after the finally blocks when woven (the returned future is
     * awaited in tail position, after the method returned) but before them in the reference
     * (the unwoven callee runs at the call), so tail calls are only generated outside.
     */
    int tries;

    /**
     * False in generator bodies (a generator cannot await) and inside {@code synchronized} blocks
     * (weft rejects an await where a monitor is held; the sync family awaits only around them).
     */
    boolean mayAwait;

    /** Depth of enclosing {@code synchronized} blocks: no await and no generator yield inside. */
    int monitors;

    /** Inside a lambda body: returns produce the lambda's future, captured locals are off limits. */
    final boolean lambda;

    Body(SplittableRandom r, Program program, Method method, boolean lambda) {
        this.r = r;
        this.program = program;
        this.method = method;
        this.mayAwait = method.kind != Method.Kind.GENERATOR;
        this.lambda = lambda;
    }

    String fresh(String prefix) {
        return prefix + program.nextName();
    }

    int mark() {
        return vars.size();
    }

    void release(int mark) {
        while (vars.size() > mark) {
            vars.remove(vars.size() - 1);
        }
    }

    Var pick(Ty t, boolean mutableOnly) {
        List<Var> fit = new ArrayList<>();
        for (Var v : vars) {
            if (v.type == t && (!mutableOnly || v.mutable)) {
                fit.add(v);
            }
        }
        return fit.isEmpty() ? null : fit.get(r.nextInt(fit.size()));
    }

    boolean chance(int pct) {
        return r.nextInt(100) < pct;
    }

    boolean on(String feature) {
        return program.options.on(feature);
    }
}
