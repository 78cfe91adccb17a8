package dev.weft.fuzz.gen;

/**
 * Random expressions of a given {@link Ty}, with awaits wherever an expression may stand: operands,
 * arguments (plain, varargs, constructor), array sizes, indices and elements, ternary branches,
 * switch-expression arms, string concatenation parts, receivers of method calls.
 *
 * <p>Rule that keeps the two executions comparable: every future is awaited by the expression
 * that creates it ({@code await(m(...))}, never a future stored and awaited later).
 */
final class ExpressionGenerator {

    private final Body b;

    /** The JDK 21 family's constructs (set by the statement generator that owns this one). */
    PatternGenerator patterns;

    ExpressionGenerator(Body b) {
        this.b = b;
    }

    Node e(Ty t, int depth) {
        if (b.on("agen")
                && depth > 0
                && b.mayAwait
                && (t == Ty.STRING || t == Ty.INT)
                && b.chance(8)) {
            Method a = b.program.randomAsyncGenerator(b.r, b.method);
            if (a != null) {
                // drained where it is called, as every future is awaited where it is created
                Node drained = new Node("await(G.collect(", call(a, depth), "))");
                return t == Ty.STRING
                        ? Node.expr("\"\"", drained)
                        : Node.expr("0", drained, ".length()");
            }
        }
        if (depth <= 0 || b.chance(25)) {
            return atom(t);
        }
        if (b.mayAwait && b.chance(35)) {
            return awaited(t, depth);
        }
        if (b.chance(10) && b.on("ternary")) {
            return Node.expr(
                    t.simplest(),
                    "(",
                    e(Ty.BOOLEAN, depth - 1),
                    " ? ",
                    e(t, depth - 1),
                    " : ",
                    e(t, depth - 1),
                    ")");
        }
        return compound(t, depth);
    }

    Node atom(Ty t) {
        Body.Var v = b.pick(t, false);
        if (v != null && b.chance(70)) {
            return Node.expr(t.simplest(), v.name);
        }
        return Node.text(t.literal(b.r));
    }

    /** {@code await(...)} of a leaf, a call, a lambda, a stage; an expression of type t. */
    Node awaited(Ty t, int depth) {
        if (t == Ty.INT) {
            int k = b.r.nextInt(10);
            Method callee = b.program.randomCallee(b.r, b.method);
            if (k < 3 && callee != null && b.on("calls")) {
                return Node.expr("0", "((int) await(", call(callee, depth), "))");
            }
            if (k == 3 && b.on("lambdas")) {
                Body.Var fn = b.pick(null, false);
                if (fn != null) {
                    return Node.expr(
                            "0", "((int) await(", fn.name, ".apply(", e(Ty.INT, depth - 1), ")))");
                }
            }
            if (k == 4 && b.on("stage")) {
                return Node.expr("0", "((int) await(L.cs(", e(Ty.INT, depth - 1), ")))");
            }
        }
        Node inner = e(t, depth - 1);
        // the cast pins the static type: a bare generic await is a poly expression, and overloads
        // such as String.valueOf or Math.floorMod would make javac's choice ambiguous
        return Node.expr(t.simplest(), "((", t.java, ") await(L.", t.leaf, "(", inner, ")))");
    }

    /** A static method of the class, as named from the body being written. */
    private String qualified(Method m) {
        return b.method.inInterface ? b.program.className + "." + m.name : m.name;
    }

    /** A call of a generated async method, without the await around it. */
    Node call(Method m, int depth) {
        Node n = new Node();
        Method caller = b.method;
        if (!m.isStatic) {
            // an instance callee of the class is reached through this only from an instance
            // method of the class; an interface default method through this from any instance
            boolean viaThis = !caller.isStatic && (m.inInterface || !caller.inInterface);
            n.add(viaThis ? "this." : "new " + b.program.className + "().");
        } else if (m.inInterface) {
            n.add(b.program.interfaceName() + ".");
        } else if (caller.inInterface) {
            n.add(b.program.className + ".");
        }
        n.add(m.name + "(d - 1");
        for (Ty p : m.params) {
            n.add(", ").add(e(p, depth - 1));
        }
        return n.add(")");
    }

    private Node compound(Ty t, int depth) {
        int d = depth - 1;
        switch (t) {
            case INT:
                return intExpr(d);
            case LONG:
                switch (b.r.nextInt(3)) {
                    case 0:
                        return Node.expr(
                                "0L",
                                "(",
                                e(Ty.LONG, d),
                                " ",
                                pick("+", "-", "*", "^"),
                                " ",
                                e(Ty.LONG, d),
                                ")");
                    case 1:
                        return Node.expr("0L", "(long) (int) (", e(Ty.INT, d), ")");
                    default:
                        return Node.expr("0L", "(", e(Ty.INT, d), " * 1000L)");
                }
            case DOUBLE:
                switch (b.r.nextInt(3)) {
                    case 0:
                        return Node.expr(
                                "0.0",
                                "(",
                                e(Ty.DOUBLE, d),
                                " ",
                                pick("+", "-", "*"),
                                " ",
                                e(Ty.DOUBLE, d),
                                ")");
                    case 1:
                        return Node.expr("0.0", "(double) (int) (", e(Ty.INT, d), ")");
                    default:
                        return Node.expr("0.0", "(", e(Ty.LONG, d), " / 4.0)");
                }
            case FLOAT:
                return b.chance(50)
                        ? Node.expr(
                                "0f",
                                "(",
                                e(Ty.FLOAT, d),
                                " ",
                                pick("+", "-", "*"),
                                " ",
                                e(Ty.FLOAT, d),
                                ")")
                        : Node.expr("0f", "(float) (short) (", e(Ty.SHORT, d), ")");
            case BOOLEAN:
                switch (b.r.nextInt(6)) {
                    case 0:
                        return Node.expr(
                                "false",
                                "(",
                                e(Ty.INT, d),
                                " ",
                                pick("<", "<=", "==", "!=", ">"),
                                " ",
                                e(Ty.INT, d),
                                ")");
                    case 1:
                        return Node.expr(
                                "false",
                                "(",
                                e(Ty.BOOLEAN, d),
                                " ",
                                pick("&&", "||", "^", "&"),
                                " ",
                                e(Ty.BOOLEAN, d),
                                ")");
                    case 2:
                        return Node.expr("false", "!", e(Ty.BOOLEAN, d));
                    case 3:
                        return Node.expr("false", e(Ty.STRING, d), ".isEmpty()");
                    case 4:
                        return Node.expr("false", "(", e(Ty.DOUBLE, d), " < ", e(Ty.FLOAT, d), ")");
                    default:
                        return Node.expr("false", "(", e(Ty.LONG, d), " == ", e(Ty.LONG, d), ")");
                }
            case BYTE:
                return Node.expr("(byte) 0", "(byte) (int) (", e(Ty.INT, d), ")");
            case SHORT:
                return Node.expr("(short) 0", "(short) (", e(Ty.INT, d), " + ", e(Ty.BYTE, d), ")");
            case CHAR:
                return Node.expr("'a'", "(char) ('a' + Math.floorMod(", typed(Ty.INT, d), ", 26))");
            case STRING:
                return stringExpr(d);
            case OBJ:
                switch (b.r.nextInt(4)) {
                    case 0:
                        return Node.expr(
                                "\"o\"",
                                "(",
                                e(Ty.BOOLEAN, d),
                                " ? ",
                                e(Ty.STRING, d),
                                " : ",
                                e(Ty.BOX, d),
                                ")");
                    case 1:
                        return Node.expr(
                                "\"o\"",
                                "(",
                                e(Ty.BOOLEAN, d),
                                " ? ",
                                e(Ty.STRING, d),
                                " : (Integer) ",
                                typed(Ty.INT, d),
                                ")");
                    case 2:
                        return Node.expr("\"o\"", "(Object) ", typed(shown(), d));
                    default:
                        return Node.expr(
                                "\"o\"",
                                "(",
                                e(Ty.BOOLEAN, d),
                                " ? ",
                                e(Ty.CHARS, d),
                                " : ",
                                e(Ty.OBJ, d),
                                ")");
                }
            case CHARS:
                switch (b.r.nextInt(3)) {
                    case 0:
                        return Node.expr(
                                "\"c\"",
                                "(",
                                e(Ty.BOOLEAN, d),
                                " ? ",
                                e(Ty.STRING, d),
                                " : new StringBuilder(",
                                e(Ty.STRING, d),
                                "))");
                    case 1:
                        return Node.expr("\"c\"", "new StringBuilder(", e(Ty.CHARS, d), ")");
                    default:
                        return Node.expr("\"c\"", e(Ty.STRING, d));
                }
            case BOX:
                if (!b.on("new-box")) {
                    return atom(t);
                }
                switch (b.r.nextInt(4)) {
                    case 0:
                        return Node.expr("new Box(0)", "new Box(", e(Ty.INT, d), ")");
                    case 1:
                        return Node.expr("new Box(0)", e(Ty.BOX, d), ".with(", e(Ty.BOX, d), ")");
                    case 2:
                        return Node.expr(
                                "new Box(0)",
                                "(",
                                e(Ty.BOOLEAN, d),
                                " ? new Box(",
                                e(Ty.LONG, d),
                                ", ",
                                e(Ty.STRING, d),
                                ", 1) : new Box(",
                                e(Ty.INT, d),
                                "))");
                    default:
                        return Node.expr(
                                "new Box(0)",
                                "new Box(",
                                e(Ty.LONG, d),
                                ", ",
                                e(Ty.STRING, d),
                                ", ",
                                e(Ty.INT, d),
                                ")");
                }
            default:
                if (!b.on("arrays")) {
                    return atom(t);
                }
                switch (b.r.nextInt(3)) {
                    case 0:
                        return Node.expr(
                                "new int[] {0}",
                                "new int[] {",
                                e(Ty.INT, d),
                                ", ",
                                e(Ty.INT, d),
                                ", ",
                                e(Ty.INT, d),
                                "}");
                    case 1:
                        return Node.expr(
                                "new int[] {0}",
                                "new int[Math.floorMod(", typed(Ty.INT, d), ", 4) + 1]");
                    default:
                        return Node.expr("new int[] {0}", e(Ty.INTS, d), ".clone()");
                }
        }
    }

    private Node intExpr(int d) {
        if (b.on("patterns") && patterns != null && b.chance(15)) {
            return patterns.intExpr(d);
        }
        switch (b.r.nextInt(14)) {
            case 0:
            case 1:
                return Node.expr(
                        "0",
                        "(",
                        e(Ty.INT, d),
                        " ",
                        pick("+", "-", "*", "^", "&", "|"),
                        " ",
                        e(Ty.INT, d),
                        ")");
            case 2:
                return Node.expr(
                        "0", "(", e(Ty.INT, d), " ", pick("/", "%"), " (", e(Ty.INT, d), " | 1))");
            case 3:
                return Node.expr("0", "(int) (long) (", e(Ty.LONG, d), ")");
            case 4:
                return Node.expr("0", "(int) (double) (", e(Ty.DOUBLE, d), ")");
            case 5:
                return Node.expr("0", e(Ty.STRING, d), ".length()");
            case 6:
                return b.on("new-box") ? Node.expr("0", e(Ty.BOX, d), ".sum()") : atom(Ty.INT);
            case 7:
                {
                    Body.Var a = b.pick(Ty.INTS, false);
                    if (a != null && b.on("arrays")) {
                        return Node.expr(
                                "0",
                                a.name,
                                "[Math.floorMod(",
                                typed(Ty.INT, d),
                                ", ",
                                a.name,
                                ".length)]");
                    }
                    return Node.expr("0", e(Ty.INTS, d), ".length");
                }
            case 8:
                return b.on("varargs")
                        ? Node.expr(
                                "0",
                                "L.va(",
                                e(Ty.INT, d),
                                ", ",
                                e(Ty.INT, d),
                                ", ",
                                e(Ty.INT, d),
                                ")")
                        : atom(Ty.INT);
            case 9:
                return b.on("switch-expr") ? switchExpr(d) : atom(Ty.INT);
            case 10:
                {
                    Method g = b.program.randomGenerator(b.r, b.method);
                    if (g != null && b.mayAwait && b.on("generators")) {
                        return Node.expr(
                                "0", "G.drain(", qualified(g), "(", e(Ty.INT, d), ")).length()");
                    }
                    return Node.expr(
                            "0", "Math.max(", typed(Ty.INT, d), ", ", typed(Ty.INT, d), ")");
                }
            case 11:
                return Node.expr("0", "(", e(Ty.CHAR, d), " + ", e(Ty.SHORT, d), ")");
            case 12:
                return Node.expr("0", "(", e(Ty.INT, d), " << (", e(Ty.INT, d), " & 7))");
            default:
                return Node.expr("0", "Integer.compare(", e(Ty.INT, d), ", ", e(Ty.INT, d), ")");
        }
    }

    // "yield (" would parse as a call of a method named yield: the value goes through
    // requireNonNull.
    private Node switchExpr(int d) {
        Node n = Node.expr("0", "(switch (Math.floorMod(", typed(Ty.INT, d), ", 4)) {");
        n.add(" case 0 -> ").add(e(Ty.INT, d)).add(";");
        n.add(" case 1, 2 -> { T.t(")
                .add(e(Ty.STRING, d))
                .add("); yield java.util.Objects.requireNonNull(")
                .add(e(Ty.INT, d))
                .add("); }");
        return n.add(" default -> ").add(e(Ty.INT, d)).add("; })");
    }

    /** A switch expression on a String, arms with awaits; yields a String. */
    private Node stringSwitchExpr(int d) {
        Node n = Node.expr("\"\"", "(switch (", e(Ty.STRING, d), ") {");
        n.add(" case \"s1\", \"s2\" -> ").add(e(Ty.STRING, d)).add(";");
        n.add(" case \"s3\" -> { T.t(")
                .add(e(Ty.INT, d))
                .add("); yield java.util.Objects.requireNonNull(")
                .add(e(Ty.STRING, d))
                .add("); }");
        return n.add(" default -> ").add(e(Ty.STRING, d)).add("; })");
    }

    private Node stringExpr(int d) {
        switch (b.r.nextInt(10)) {
            case 0:
            case 1:
                return Node.expr("\"\"", "(\"k\" + ", e(shown(), d), " + ", e(shown(), d), ")");
            case 8:
                return Node.expr(
                        "\"\"",
                        "new StringBuilder(",
                        e(Ty.STRING, d),
                        ").append(",
                        typed(shown(), d),
                        ").append(",
                        typed(shown(), d),
                        ").toString()");
            case 9:
                return b.on("switch-expr") ? stringSwitchExpr(d) : atom(Ty.STRING);
            case 2:
                return Node.expr("\"\"", "String.valueOf(", typed(shown(), d), ")");
            case 3:
                return Node.expr("\"\"", e(Ty.STRING, d), ".concat(", e(Ty.STRING, d), ")");
            case 4:
                return b.on("varargs")
                        ? Node.expr("\"\"", "L.vs(", e(shown(), d), ", ", e(shown(), d), ")")
                        : atom(Ty.STRING);
            case 5:
                return Node.expr("\"\"", "T.show(", e(Ty.INTS, d), ")");
            case 6:
                {
                    Method g = b.program.randomGenerator(b.r, b.method);
                    if (g != null && b.mayAwait && b.on("generators")) {
                        return Node.expr("\"\"", "G.drain(", qualified(g), "(", e(Ty.INT, d), "))");
                    }
                    return Node.expr("\"\"", e(Ty.STRING, d), ".toUpperCase()");
                }
            default:
                return Node.expr("\"\"", e(Ty.BOX, d), ".toString()");
        }
    }

    /**
     * An argument of an overloaded method (append, valueOf, max, floorMod): cast to its static
     * type, because a switch expression or a ternary there is a poly expression, and javac may
     * find the overload ambiguous.
     */
    private Node typed(Ty t, int d) {
        Node inner = e(t, d);
        return new Node("((", t.java, ") ", inner, ")");
    }

    /** Any type whose string form is deterministic (an int[] prints its identity hash). */
    private Ty shown() {
        Ty t = Ty.any(b.r);
        return t == Ty.INTS ? Ty.STRING : t;
    }

    private String pick(String... options) {
        return options[b.r.nextInt(options.length)];
    }
}
