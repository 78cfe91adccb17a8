package dev.weft.fuzz.gen;

/**
 * The JDK 21 family's constructs (compiled with {@code --release 21}): pattern-matching
 * {@code switch} over the program's sealed interface {@code Sh} with record patterns (nested too)
 * and guards, as expressions (arms yielding through blocks) and as statements (arms that are
 * blocks with awaits); {@code switch} over an {@code Object} with type patterns; {@code instanceof}
 * with type and record patterns whose bindings are used after awaits.
 *
 * <p>Rules that keep the programs javac-clean and comparable: every pattern switch is exhaustive
 * through one unguarded arm per permitted record, placed after the guarded and nested ones it
 * dominates; arms of switch expressions hold only expressions and traces (a break, continue or
 * return may not leave a switch expression); the scrutinees are never null; records print through
 * their generated {@code toString}, which is the same in both executions. Types are named through
 * the class ({@code P.Sq}) because interface methods use them too; a guard is never a constant
 * ({@code when false} is a compile-time error), so each starts with a test of a binding.
 */
final class PatternGenerator {

    /** The sealed hierarchy and its factory, members of every JDK 21 program's class. */
    static final String TYPES =
            "sealed interface Sh permits Sq, Ci, Duo {}\n"
                    + "record Sq(int side) implements Sh {}\n"
                    + "record Ci(String name, int r) implements Sh {}\n"
                    + "record Duo(Sh left, Sh right) implements Sh {}\n"
                    + "static Sh shape(int k) {\n"
                    + "return switch (Math.floorMod(k, 5)) {\n"
                    + "case 0 -> new Sq(k);\n"
                    + "case 1 -> new Ci(\"c\" + Math.floorMod(k, 7), k * 3);\n"
                    + "case 2 -> new Duo(new Sq(k + 1), new Ci(\"p\", k));\n"
                    + "case 3 -> new Duo(new Duo(new Sq(k), new Sq(-k)), new Sq(2));\n"
                    + "default -> new Ci(\"\", -k);\n"
                    + "};\n"
                    + "}\n";

    private final Body b;
    private final ExpressionGenerator x;
    private final StatementGenerator s;
    private final String c;

    PatternGenerator(Body b, ExpressionGenerator x, StatementGenerator s) {
        this.b = b;
        this.x = x;
        this.s = s;
        this.c = b.program.className + ".";
    }

    /** A value of the sealed type; awaited (through an Object leaf) when the body may await. */
    private Node shape(int d) {
        if (b.mayAwait && b.chance(50)) {
            return new Node("((", c, "Sh) await(L.o(", c, "shape(", x.e(Ty.INT, d), "))))");
        }
        return new Node(c, "shape(", x.e(Ty.INT, d), ")");
    }

    /**
     * A guard's condition: it may read only effectively final locals, so only this arm's
     * bindings are in scope while it is written (locals of the body are mostly reassigned).
     */
    private Node guard(int d, int bindings) {
        java.util.List<Body.Var> saved = new java.util.ArrayList<>(b.vars);
        b.vars.clear();
        b.vars.addAll(saved.subList(saved.size() - bindings, saved.size()));
        try {
            return x.e(Ty.BOOLEAN, d);
        } finally {
            b.vars.clear();
            b.vars.addAll(saved);
        }
    }

    private String bind(String prefix, Ty t) {
        String name = b.fresh(prefix);
        b.vars.add(new Body.Var(name, t, false));
        return name;
    }

    /** An int: a switch expression over the sealed type, or over an Object with type patterns. */
    Node intExpr(int d) {
        return b.chance(70) ? sealedSwitch(d) : objectSwitch(d);
    }

    private Node sealedSwitch(int d) {
        int mark = b.mark();
        Node n = Node.expr("0", "(switch (", shape(d), ") {\n");
        String s1 = bind("s", Ty.INT);
        n.add(
                "case ",
                c,
                "Sq(int ",
                s1,
                ") when ",
                s1,
                " != 7 && ",
                guard(d, 1),
                " -> ",
                x.e(Ty.INT, d),
                ";\n");
        b.release(mark);
        String s2 = bind("s", Ty.INT);
        n.add(
                "case ",
                c,
                "Sq(int ",
                s2,
                ") -> {\nT.t(",
                x.e(Ty.STRING, d),
                ");\nyield ",
                s2,
                " + ",
                x.e(Ty.INT, d),
                ";\n}\n");
        b.release(mark);
        String n1 = bind("c", Ty.STRING);
        String r1 = bind("c", Ty.INT);
        n.add(
                "case ",
                c,
                "Ci(String ",
                n1,
                ", int ",
                r1,
                ") when ",
                n1,
                ".isEmpty() || ",
                guard(d, 2),
                " -> ",
                r1,
                " + ",
                x.e(Ty.INT, d),
                ";\n");
        b.release(mark);
        String n2 = bind("c", Ty.STRING);
        String r2 = bind("c", Ty.INT);
        n.add(
                "case ",
                c,
                "Ci(var ",
                n2,
                ", var ",
                r2,
                ") -> ",
                n2,
                ".length() * ",
                r2,
                " + ",
                x.e(Ty.INT, d),
                ";\n");
        b.release(mark);
        String a = bind("a", Ty.INT);
        String rt = b.fresh("rt");
        n.add(
                "case ",
                c,
                "Duo(",
                c,
                "Sq(int ",
                a,
                "), var ",
                rt,
                ") -> {\nT.t(",
                rt,
                ");\nT.t(",
                x.e(Ty.INT, d),
                ");\nyield ",
                a,
                " - ",
                x.e(Ty.INT, d),
                ";\n}\n");
        b.release(mark);
        String lf = b.fresh("lf");
        String rt2 = b.fresh("rt");
        n.add(
                "case ",
                c,
                "Duo(var ",
                lf,
                ", var ",
                rt2,
                ") -> {\nT.t(",
                x.e(Ty.STRING, d),
                " + ",
                lf,
                ");\nyield ",
                rt2,
                ".hashCode() % 7 + ",
                x.e(Ty.INT, d),
                ";\n}\n");
        return n.add("})");
    }

    private Node objectSwitch(int d) {
        int mark = b.mark();
        Node n = Node.expr("0", "(switch ((Object) ", x.e(Ty.OBJ, d), ") {\n");
        String s1 = bind("o", Ty.STRING);
        n.add(
                "case String ",
                s1,
                " when ",
                s1,
                ".isEmpty() != ",
                guard(d, 1),
                " -> ",
                s1,
                ".length() + ",
                x.e(Ty.INT, d),
                ";\n");
        b.release(mark);
        String s2 = bind("o", Ty.STRING);
        n.add(
                "case String ",
                s2,
                " -> {\nT.t(",
                x.e(Ty.INT, d),
                ");\nyield ",
                s2,
                ".hashCode() % 11;\n}\n");
        b.release(mark);
        String i1 = b.fresh("o");
        n.add("case Integer ", i1, " -> ", i1, " + ", x.e(Ty.INT, d), ";\n");
        String bx = b.fresh("o");
        n.add("case Box ", bx, " -> ", bx, ".sum();\n");
        return n.add("default -> ", x.e(Ty.INT, d), ";\n})");
    }

    /** A statement: a pattern switch whose arms are blocks, or an instanceof with a binding used across awaits. */
    Node statement(int depth) {
        int mark = b.mark();
        Node n;
        switch (b.r.nextInt(3)) {
            case 0:
                {
                    n = Node.stmt("switch (", shape(1), ") {\n");
                    String s1 = bind("s", Ty.INT);
                    n.add(
                            "case ",
                            c,
                            "Sq(int ",
                            s1,
                            ") when ",
                            s1,
                            " > 0 || ",
                            guard(1, 1),
                            " -> ",
                            s.block(depth - 1, 2));
                    b.release(mark);
                    String sq = b.fresh("sq");
                    n.add("case ", c, "Sq ", sq, " -> {\nT.t(", sq, ");\n}\n");
                    String n1 = bind("c", Ty.STRING);
                    String r1 = bind("c", Ty.INT);
                    n.add(
                            "case ",
                            c,
                            "Ci(String ",
                            n1,
                            ", int ",
                            r1,
                            ") -> ",
                            s.block(depth - 1, 2));
                    b.release(mark);
                    String pa = b.fresh("pa");
                    n.add(
                            "case ",
                            c,
                            "Duo ",
                            pa,
                            " -> ",
                            new Node("{\nT.t(", pa, ");\n", s.block(depth - 1, 1), "}\n"));
                    n.add("}\n");
                    break;
                }
            case 1:
                {
                    Node o = x.e(Ty.OBJ, 1);
                    String s1 = bind("o", Ty.STRING);
                    n =
                            Node.stmt(
                                    "if (",
                                    o,
                                    " instanceof String ",
                                    s1,
                                    " && ",
                                    s1,
                                    ".length() < ",
                                    x.e(Ty.INT, 1),
                                    ") {\n",
                                    "T.t(",
                                    x.e(Ty.INT, 1),
                                    ");\n",
                                    s.block(depth - 1, 2),
                                    "T.t(",
                                    s1,
                                    " + ",
                                    x.e(Ty.STRING, 1),
                                    ");\n}\n");
                    break;
                }
            default:
                {
                    Node sh = shape(1);
                    String a = bind("a", Ty.INT);
                    String rt = b.fresh("rt");
                    n =
                            Node.stmt(
                                    "if (",
                                    sh,
                                    " instanceof ",
                                    c,
                                    "Duo(",
                                    c,
                                    "Sq(int ",
                                    a,
                                    "), var ",
                                    rt,
                                    ")) {\n",
                                    "T.t(",
                                    x.e(Ty.STRING, 1),
                                    ");\n",
                                    s.block(depth - 1, 2),
                                    "T.t(",
                                    rt,
                                    " + \" \" + ",
                                    a,
                                    ");\n}\n");
                    break;
                }
        }
        b.release(mark);
        n.alt = Node.text("");
        return n;
    }
}
