package dev.weft.fuzz.gen;

/**
 * Random statements: declarations and assignments of every type, traces, awaits as statements,
 * if/else, counted loops (for, while, do, for-each) with guarded and labelled break/continue,
 * switch on int, String and enum, try/catch/finally with throws, try-with-resources, early
 * returns, lambdas returning futures, and yields in generator bodies.
 *
 * <p>Shapes that keep both executions finite and javac-clean: every loop is bounded by a counter
 * the body cannot touch; every jump (break, continue, throw, return) is guarded by an
 * {@code if}, so no statement is ever unreachable; every local is initialized where declared and
 * has a name unique in the program.
 */
final class StatementGenerator {

    private final Body b;
    private final ExpressionGenerator x;
    private final PatternGenerator patterns;

    StatementGenerator(Body b) {
        this.b = b;
        this.x = new ExpressionGenerator(b);
        this.patterns = new PatternGenerator(b, x, this);
        x.patterns = patterns;
    }

    ExpressionGenerator expressions() {
        return x;
    }

    /** A block's statements, as a node whose children the shrinker may drop one by one. */
    Node block(int depth, int count) {
        int mark = b.mark();
        Node n = new Node("{\n");
        for (int i = 0; i < count; i++) {
            n.add(statement(depth));
        }
        b.release(mark);
        return n.add("}\n");
    }

    private int count() {
        return 1 + b.r.nextInt(2);
    }

    Node statement(int depth) {
        // opt-in families draw first, so that a base program's seed gives the same source as before
        if (b.on("sync") && b.monitors < 2 && b.chance(20)) {
            return synchronizedShape(depth);
        }
        if (b.on("patterns") && depth > 0 && b.chance(15)) {
            return patterns.statement(depth);
        }
        if (b.method.kind == Method.Kind.ASYNC_GENERATOR
                && !b.lambda
                && b.monitors == 0
                && b.chance(20)) {
            return Node.stmt("Generator.yield(", x.e(Ty.any(b.r), 1 + b.r.nextInt(2)), ");\n");
        }
        int k = b.r.nextInt(depth > 0 ? 24 : 9);
        int ed = 1 + b.r.nextInt(2);
        switch (k) {
            case 0:
            case 1:
            case 2:
                return declaration(ed);
            case 3:
            case 4:
                return assignment(ed);
            case 5:
                return Node.stmt("T.t(", x.e(Ty.any(b.r), ed), ");\n");
            case 6:
                if (b.method.kind == Method.Kind.GENERATOR && b.monitors > 0) {
                    return declaration(ed);
                }
                if (b.method.kind == Method.Kind.GENERATOR) {
                    return Node.stmt("Generator.yield(", x.e(Ty.any(b.r), ed), ");\n");
                }
                if (b.on("await-stmt") && b.mayAwait) {
                    return Node.stmt(b.chance(50) ? "await(L.v());\n" : "await(L.i(0));\n");
                }
                return declaration(ed);
            case 7:
                return guardedJump(ed);
            case 8:
                return b.method.kind == Method.Kind.GENERATOR
                        ? (b.monitors > 0
                                ? declaration(ed)
                                : Node.stmt("Generator.yield(", x.e(Ty.INT, ed), ");\n"))
                        : lambda(depth);
            case 9:
            case 10:
                return ifElse(depth);
            case 11:
            case 12:
                return b.on("loops") ? loop(depth) : ifElse(depth);
            case 13:
                return b.on("switch-int") ? switchInt(depth) : ifElse(depth);
            case 14:
                return b.on("switch-string") ? switchString(depth) : ifElse(depth);
            case 15:
                return b.on("switch-enum") ? switchEnum(depth) : ifElse(depth);
            case 16:
            case 17:
                return b.on("try") ? tryCatch(depth) : ifElse(depth);
            case 18:
                return b.on("twr") ? tryWithResources(depth) : ifElse(depth);
            case 19:
                return b.on("loops") ? forEach(depth) : ifElse(depth);
            case 20:
                return arrayStore(ed);
            case 21:
                return b.on("instance") && !b.method.isStatic && !b.method.inInterface
                        ? Node.stmt("this.f ", pick("=", "+=", "^="), " ", x.e(Ty.INT, ed), ";\n")
                        : declaration(ed);
            default:
                return Node.stmt(block(depth - 1, count()));
        }
    }

    private Node declaration(int ed) {
        Ty t = Ty.any(b.r);
        String name = b.fresh("v");
        Node n = Node.stmt(t.java, " ", name, " = ", x.e(t, ed), ";\n");
        b.vars.add(new Body.Var(name, t, true));
        return n;
    }

    private Node assignment(int ed) {
        Ty t = Ty.any(b.r);
        Body.Var v = b.pick(t, true);
        if (v == null) {
            return declaration(ed);
        }
        if (b.on("compound-assign")
                && (t == Ty.INT || t == Ty.LONG || t == Ty.DOUBLE || t == Ty.STRING)
                && b.chance(50)) {
            return Node.stmt(v.name, " += ", x.e(t, ed), ";\n");
        }
        return Node.stmt(v.name, " = ", x.e(t, ed), ";\n");
    }

    private Node arrayStore(int ed) {
        Body.Var a = b.pick(Ty.INTS, false);
        if (a == null || !b.on("arrays")) {
            return declaration(ed);
        }
        String op = b.on("compound-assign") && b.chance(40) ? " += " : " = ";
        return Node.stmt(
                a.name,
                "[Math.floorMod((int) (",
                x.e(Ty.INT, ed),
                "), ",
                a.name,
                ".length)]",
                op,
                x.e(Ty.INT, ed),
                ";\n");
    }

    /** break/continue (possibly labelled), throw, or return, always under an if. */
    private Node guardedJump(int ed) {
        Node cond = x.e(Ty.BOOLEAN, ed);
        int k = b.r.nextInt(4);
        if (k == 0 && !b.loops.isEmpty()) {
            String label =
                    b.on("labels") && b.chance(40)
                            ? " " + b.loops.get(b.r.nextInt(b.loops.size()))
                            : "";
            return Node.stmt("if (", cond, ") ", pick("break", "continue"), label, ";\n");
        }
        if (k == 1 && b.on("throw")) {
            return Node.stmt(
                    "if (", cond, ") throw new FuzzException(\"t\" + ", x.e(Ty.INT, ed), ");\n");
        }
        if (k == 2 && b.on("return-early")) {
            return Node.stmt("if (", cond, ") return ", returnValue(ed), ";\n");
        }
        return Node.stmt("T.t(", x.e(Ty.STRING, ed), ");\n");
    }

    /** What a {@code return} in this body returns. */
    Node returnValue(int ed) {
        if (b.lambda) {
            return new Node("Future.ready(", x.e(Ty.INT, ed), ")");
        }
        switch (b.method.kind) {
            case GENERATOR:
            case ASYNC_GENERATOR:
                return Node.text("null");
            case EAGER:
                {
                    Method callee = b.program.randomCallee(b.r, Method.Kind.EAGER, b.method);
                    // a CompletionStage is not a CompletableFuture: only stage methods may
                    // tail-call them
                    if (callee != null
                            && b.tries == 0
                            && (b.method.stage || !callee.stage)
                            && b.on("tail-call")
                            && b.chance(30)) {
                        return x.call(callee, ed);
                    }
                    return new Node("CompletableFuture.completedFuture(", x.e(Ty.INT, ed), ")");
                }
            default:
                {
                    Method callee = b.program.randomCallee(b.r, Method.Kind.LAZY, b.method);
                    int k = b.r.nextInt(10);
                    if (k < 2 && callee != null && b.tries == 0 && b.on("tail-call")) {
                        return x.call(callee, ed);
                    }
                    if (k < 4) {
                        return new Node("L.i(", x.e(Ty.INT, ed), ")");
                    }
                    return new Node("Future.ready(", x.e(Ty.INT, ed), ")");
                }
        }
    }

    private Node lambda(int depth) {
        if (!b.on("lambdas") || !b.mayAwait) {
            return declaration(2);
        }
        String name = b.fresh("fn");
        String param = b.fresh("x");
        Node n;
        Method callee = b.program.randomCallee(b.r, Method.Kind.LAZY, b.method);
        if (b.on("await-lambda") && b.chance(60) || callee == null) {
            Body inner = new Body(b.r, b.program, b.method, true);
            inner.vars.add(new Body.Var(param, Ty.INT, false));
            StatementGenerator sg = new StatementGenerator(inner);
            Node body = new Node("{\n");
            for (int i = 0, c = count(); i < c; i++) {
                body.add(sg.statement(Math.min(depth, 1)));
            }
            body.add("return ", sg.returnValue(2), ";\n}");
            n = Node.stmt("Fn ", name, " = (int ", param, ") -> ", body, ";\n");
        } else {
            Body inner = new Body(b.r, b.program, b.method, true);
            inner.vars.add(new Body.Var(param, Ty.INT, false));
            n =
                    Node.stmt(
                            "Fn ",
                            name,
                            " = ",
                            param,
                            " -> ",
                            new ExpressionGenerator(inner).call(callee, 2),
                            ";\n");
        }
        b.vars.add(new Body.Var(name, null, false));
        return n;
    }

    private Node ifElse(int depth) {
        Node n = Node.stmt("if (", x.e(Ty.BOOLEAN, 2), ") ", block(depth - 1, count()));
        if (b.chance(50)) {
            n.add("else ").add(block(depth - 1, count()));
        }
        n.alt = Node.text("");
        return n;
    }

    private Node loop(int depth) {
        String label = b.fresh("L");
        String c = b.fresh("i");
        int bound = b.r.nextInt(4);
        Node head;
        Node tail = Node.text("");
        int mark = b.mark();
        b.vars.add(new Body.Var(c, Ty.INT, false));
        b.loops.add(label);
        switch (b.r.nextInt(3)) {
            case 0:
                if (b.chance(30)) {
                    // the bound is evaluated (and may await) before every iteration; at most 3
                    head =
                            new Node(
                                    label,
                                    ": for (int ",
                                    c,
                                    " = 0; ",
                                    c,
                                    " < Math.floorMod((int) (",
                                    x.e(Ty.INT, 1),
                                    "), 4); ",
                                    c,
                                    "++) ");
                } else {
                    head =
                            new Node(
                                    label,
                                    ": for (int ",
                                    c,
                                    " = 0; ",
                                    c,
                                    " < ",
                                    Integer.toString(bound),
                                    "; ",
                                    c,
                                    "++) ");
                }
                break;
            case 1:
                head =
                        new Node(
                                "{ int ",
                                c,
                                " = 0; ",
                                label,
                                ": while (",
                                c,
                                "++ < ",
                                Integer.toString(bound),
                                ") ");
                tail = Node.text("}\n");
                break;
            default:
                head = new Node("{ int ", c, " = 0; ", label, ": do ");
                tail = Node.text("while (++" + c + " < " + bound + "); }\n");
                break;
        }
        Node body = block(depth - 1, count());
        b.loops.remove(b.loops.size() - 1);
        b.release(mark);
        Node n = Node.stmt(head, body, tail);
        n.alt = Node.text("");
        return n;
    }

    private Node forEach(int depth) {
        String label = b.fresh("L");
        String v = b.fresh("e");
        int mark = b.mark();
        Node head;
        if (b.chance(50)) {
            head = new Node(label, ": for (int ", v, " : ", x.e(Ty.INTS, 2), ") ");
            b.vars.add(new Body.Var(v, Ty.INT, false));
        } else {
            head =
                    new Node(
                            label,
                            ": for (String ",
                            v,
                            " : java.util.List.of(",
                            x.e(Ty.STRING, 1),
                            ", ",
                            x.e(Ty.STRING, 1),
                            ")) ");
            b.vars.add(new Body.Var(v, Ty.STRING, false));
        }
        b.loops.add(label);
        Node body = block(depth - 1, count());
        b.loops.remove(b.loops.size() - 1);
        b.release(mark);
        Node n = Node.stmt(head, body);
        n.alt = Node.text("");
        return n;
    }

    private Node switchInt(int depth) {
        Node n = Node.stmt("switch (Math.floorMod((int) (", x.e(Ty.INT, 2), "), 4)) {\n");
        n.add("case 0: ").add(block(depth - 1, count())).add(b.chance(70) ? "break;\n" : "");
        n.add("case 2: ").add(block(depth - 1, count())).add("break;\n");
        n.add("default: ").add(block(depth - 1, count())).add("}\n");
        n.alt = Node.text("");
        return n;
    }

    private Node switchString(int depth) {
        Node n = Node.stmt("switch (", x.e(Ty.STRING, 2), ") {\n");
        n.add("case \"s1\": ").add(block(depth - 1, count())).add("break;\n");
        n.add("case \"s2\": case \"k\": ")
                .add(block(depth - 1, count()))
                .add(b.chance(70) ? "break;\n" : "");
        n.add("default: ").add(block(depth - 1, count())).add("}\n");
        n.alt = Node.text("");
        return n;
    }

    private Node switchEnum(int depth) {
        Node n = Node.stmt("switch (Color.of((int) (", x.e(Ty.INT, 2), "))) {\n");
        n.add("case RED: ").add(block(depth - 1, count())).add("break;\n");
        n.add("case BLUE: ").add(block(depth - 1, count())).add(b.chance(50) ? "break;\n" : "");
        n.add("default: ").add(block(depth - 1, count())).add("}\n");
        n.alt = Node.text("");
        return n;
    }

    private Node tryCatch(int depth) {
        b.tries++;
        try {
            return tryCatchInside(depth);
        } finally {
            b.tries--;
        }
    }

    private Node tryCatchInside(int depth) {
        Node n = Node.stmt("try ", block(depth - 1, count()));
        int catches = b.r.nextInt(3);
        if (catches == 0 && b.chance(50)) {
            catches = 1;
        }
        String[] types = {"FuzzException", "RuntimeException", "Exception"};
        int from = b.r.nextInt(3);
        for (int i = 0; i < catches && from + i < 3; i++) {
            String ev = b.fresh("ex");
            n.add(
                    "catch ("
                            + types[from + i]
                            + " "
                            + ev
                            + ") {\nT.t(\"caught \" + "
                            + ev
                            + ".getMessage());\n");
            Node inner = block(depth - 1, count());
            n.add(inner);
            if (b.on("throw") && b.chance(25)) {
                n.add(Node.stmt("if (", x.e(Ty.BOOLEAN, 1), ") throw " + ev + ";\n"));
            }
            n.add("}\n");
        }
        if (catches == 0 || b.chance(40)) {
            n.add("finally ").add(block(depth - 1, count()));
        }
        n.alt = Node.text("");
        return n;
    }

    /**
     * The sync family (issue 12 point 1): a {@code synchronized} block (lock: a static field, the
     * class, {@code this}, or an object chosen by an awaited value) whose body never awaits, alone,
     * inside a try whose catch and finally blocks await, or in a loop whose body breaks or
     * continues out of it and awaits after it. The body may nest further blocks, tries and jumps;
     * tail calls are off inside (they would run the callee after the monitor is released).
     */
    private Node synchronizedShape(int depth) {
        switch (b.r.nextInt(4)) {
            case 0:
                {
                    b.tries++;
                    try {
                        int mark = b.mark();
                        Node n =
                                Node.stmt(
                                        "try {\n",
                                        statement(0),
                                        synchronizedBlock(depth, false),
                                        statement(0),
                                        "}\n");
                        b.release(mark);
                        if (b.chance(60)) {
                            String ev = b.fresh("ex");
                            n.add(
                                    "catch ("
                                            + pick("FuzzException", "RuntimeException", "Exception")
                                            + " "
                                            + ev
                                            + ") {\nT.t(\"sync caught \" + "
                                            + ev
                                            + ".getMessage());\n",
                                    awaitOrNot(),
                                    block(depth - 1, count()),
                                    "}\n");
                            if (b.chance(50)) {
                                n.add(
                                        "finally {\n",
                                        awaitOrNot(),
                                        block(depth - 1, count()),
                                        "}\n");
                            }
                        } else {
                            n.add("finally {\n", awaitOrNot(), block(depth - 1, count()), "}\n");
                        }
                        n.alt = Node.text("");
                        return n;
                    } finally {
                        b.tries--;
                    }
                }
            case 1:
                if (b.on("loops")) {
                    String label = b.fresh("L");
                    String c = b.fresh("i");
                    int mark = b.mark();
                    b.vars.add(new Body.Var(c, Ty.INT, false));
                    b.loops.add(label);
                    Node n =
                            Node.stmt(
                                    label,
                                    ": for (int ",
                                    c,
                                    " = 0; ",
                                    c,
                                    " < ",
                                    Integer.toString(1 + b.r.nextInt(3)),
                                    "; ",
                                    c,
                                    "++) {\n",
                                    synchronizedBlock(depth, true),
                                    awaitOrNot(),
                                    statement(depth - 1),
                                    "}\n");
                    b.loops.remove(b.loops.size() - 1);
                    b.release(mark);
                    n.alt = Node.text("");
                    return n;
                }
                return synchronizedBlock(depth, false);
            default:
                return synchronizedBlock(depth, false);
        }
    }

    private Node awaitOrNot() {
        return b.mayAwait
                ? Node.stmt("await(", b.chance(50) ? "L.v()" : "L.i(0)", ");\n")
                : Node.text("");
    }

    private Node synchronizedBlock(int depth, boolean jump) {
        Node lock;
        int k = b.r.nextInt(4);
        if (k == 0 && !b.method.isStatic) {
            lock = Node.text("this");
        } else if (k == 1) {
            lock = Node.text(b.program.className + ".class");
        } else if (k == 2) {
            lock =
                    b.mayAwait
                            ? new Node("L.lock((int) await(L.i(", x.e(Ty.INT, 1), ")))")
                            : new Node("L.lock(", x.e(Ty.INT, 1), ")");
        } else {
            lock = Node.text(b.program.className + ".LOCK");
        }
        boolean mayAwait = b.mayAwait;
        b.mayAwait = false;
        b.monitors++;
        b.tries++;
        try {
            int mark = b.mark();
            Node body = new Node("{\n");
            for (int i = 0, c = 1 + b.r.nextInt(3); i < c; i++) {
                body.add(statement(depth - 1));
            }
            if (jump && !b.loops.isEmpty()) {
                String label = b.chance(40) ? " " + b.loops.get(b.r.nextInt(b.loops.size())) : "";
                body.add(
                        Node.stmt(
                                "if (",
                                x.e(Ty.BOOLEAN, 1),
                                ") ",
                                pick("break", "continue"),
                                label,
                                ";\n"));
                body.add(statement(0));
            }
            b.release(mark);
            Node n = Node.stmt("synchronized (", lock, ") ", body.add("}\n"));
            n.alt = Node.text("");
            return n;
        } finally {
            b.mayAwait = mayAwait;
            b.monitors--;
            b.tries--;
        }
    }

    private Node tryWithResources(int depth) {
        b.tries++;
        try {
            return tryWithResourcesInside(depth);
        } finally {
            b.tries--;
        }
    }

    private Node tryWithResourcesInside(int depth) {
        String r = b.fresh("r");
        Node n =
                Node.stmt(
                        "try (Res ",
                        r,
                        " = new Res(\"",
                        r,
                        "\", ",
                        x.e(Ty.INT, 2),
                        ")) {\nT.t(",
                        r,
                        ".use(",
                        x.e(Ty.INT, 1),
                        "));\n");
        n.add(block(depth - 1, count())).add("}\n");
        if (b.chance(30)) {
            String ev = b.fresh("ex");
            n.add(
                    "catch (Exception "
                            + ev
                            + ") {\nT.t(\"twr caught \" + "
                            + ev
                            + ".getMessage());\n}\n");
        }
        n.alt = Node.text("");
        return n;
    }

    private String pick(String... options) {
        return options[b.r.nextInt(options.length)];
    }
}
