package dev.weft.fuzz.gen;

import java.util.SplittableRandom;

/**
 * The deep families' chain method: {@code c0(int d, int n)} (lazy) or {@code ec0(int d, int n)}
 * (eager, {@code CompletableFuture}) recursing on n once per level down to n == 0, where it awaits
 * {@code L.ip}, a leaf that is pending at least once in the woven run (eager chains: or
 * {@code L.csx}, a stage completed from another thread). So a woven chain of N
 * frames suspends at the bottom and is resumed and completed through every level: the shape of
 * issue 12 points 2 and 4 (lost completions, hangs, stack growth per level).
 *
 * <p>Each level may run a few simple random statements before and after its recursive await
 * (which sits in a plain declaration, a try/catch, a one-iteration loop, or a tail call), so the
 * levels differ in live locals and handlers. The entry starts the chain with N from the program
 * seed (log-uniform up to {@link Options#maxChain}).
 */
final class ChainGenerator {

    private final SplittableRandom r;
    private final Program p;
    private final Method m;

    ChainGenerator(SplittableRandom r, Program p, Method m) {
        this.r = r;
        this.p = p;
        this.m = m;
    }

    Node method() {
        Body body = new Body(r, p, m, false);
        body.vars.add(new Body.Var("n", Ty.INT, false));
        StatementGenerator sg = new StatementGenerator(body);
        boolean eager = m.kind == Method.Kind.EAGER;
        String wrap = eager ? "CompletableFuture.completedFuture(" : "Future.ready(";
        Node n = new Node();
        n.removable = true;
        n.add(
                (m.isStatic ? "static " : "")
                        + (eager ? "CompletableFuture<Integer> " : "Future<Integer> ")
                        + m.name
                        + "(int d, int n) throws Exception {\n");
        // an eager chain's bottom is, half the time, a stage completed from another thread
        String leaf = eager && r.nextBoolean() ? "L.csx(" : "L.ip(";
        n.add("if (n <= 0) return " + wrap + "await(" + leaf + r.nextInt(10) + ")));\n");
        for (int i = r.nextInt(3); i > 0; i--) {
            n.add(sg.statement(0));
        }
        String self = m.name + "(d, n - 1)";
        int k = r.nextInt(6);
        if (k == 0 && p.options.on("tail-call")) {
            return n.add("return " + self + ";\n}\n\n");
        }
        String rv = body.fresh("rv");
        switch (k) {
            case 1:
                n.add(
                        "int "
                                + rv
                                + ";\ntry {\n"
                                + rv
                                + " = (int) await("
                                + self
                                + ");\n} catch (FuzzException ex) {\n"
                                + "T.t(\"chain caught \" + n + \" \" + ex.getMessage());\n"
                                + rv
                                + " = -n;\n}\n");
                break;
            case 2:
                n.add(
                        "int "
                                + rv
                                + " = 0;\nfor (int i = 0; i < 1; i++) {\n"
                                + rv
                                + " += (int) await("
                                + self
                                + ");\n}\n");
                break;
            case 3:
                n.add("T.t(\"c\" + n);\nint " + rv + " = n + (int) await(" + self + ") * 3;\n");
                break;
            default:
                n.add("int " + rv + " = (int) await(" + self + ");\n");
                break;
        }
        body.vars.add(new Body.Var(rv, Ty.INT, true));
        for (int i = r.nextInt(3); i > 0; i--) {
            n.add(sg.statement(0));
        }
        return n.add("return " + wrap + rv + " + ", sg.expressions().e(Ty.INT, 1), ");\n}\n\n");
    }
}
