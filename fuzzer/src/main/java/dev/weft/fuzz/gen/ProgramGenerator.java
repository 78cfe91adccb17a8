package dev.weft.fuzz.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one random program from a seed (the same seed and options give the same source). The
 * shape: 1–5 lazy methods (m0 is the static entry), up to 2 eager methods, up to 2 generators,
 * and sometimes an interface (implemented by the class) with default and static
 * async methods;
 * each awaitable method guarded by {@code if (d <= 0) return ...} so recursion depth is bounded by
 * the entry's {@code d}. The guard awaits, so every lazy and eager method stays an async method
 * (woven) whatever the shrinker removes: a Future-returning method without an await is a plain
 * method that runs at the call, which is correct but not what the woven driver checks.
 */
public final class ProgramGenerator {

    private final Options options;
    private final String packageName;

    public ProgramGenerator(Options options, String packageName) {
        this.options = options;
        this.packageName = packageName;
    }

    public Program generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Options options = this.options.withFamily(this.options.family.resolve(seed));
        Program p = new Program(seed, packageName, "P" + Long.toUnsignedString(seed, 36), options);
        int lazy = 1 + r.nextInt(4);
        for (int i = 0; i < lazy; i++) {
            boolean isStatic = i == 0 || !options.on("instance") || r.nextBoolean();
            p.methods.add(
                    new Method(
                            "m" + i, Method.Kind.LAZY, isStatic, i == 0 ? List.of() : params(r)));
        }
        int eager = options.on("eager") ? r.nextInt(3) : 0;
        for (int i = 0; i < eager; i++) {
            boolean isStatic = !options.on("instance") || r.nextBoolean();
            Method e = new Method("e" + i, Method.Kind.EAGER, isStatic, params(r));
            e.stage = r.nextInt(3) == 0;
            p.methods.add(e);
        }
        int itf = options.on("interface") && r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0;
        for (int i = 0; i < itf; i++) {
            Method m = new Method("i" + i, Method.Kind.LAZY, r.nextInt(3) == 0, params(r));
            m.inInterface = true;
            p.methods.add(m);
        }
        int gens = options.on("generators") ? r.nextInt(3) : 0;
        for (int i = 0; i < gens; i++) {
            p.methods.add(new Method("g" + i, Method.Kind.GENERATOR, true, List.of(Ty.INT)));
        }
        for (Method m : p.methods) {
            m.isPrivate = m != p.methods.get(0) && !m.inInterface && r.nextInt(3) == 0;
        }
        // after every draw of the base shape, so that a base program's seed gives the same source
        // as before
        if (options.on("deep")) {
            p.methods.add(chain(r, "c0", Method.Kind.LAZY, options.maxChain));
        }
        if (options.on("eager-deep")) {
            p.methods.add(chain(r, "ec0", Method.Kind.EAGER, options.maxChain));
        }
        if (options.on("agen")) {
            for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
                boolean isStatic = !options.on("instance") || r.nextBoolean();
                p.methods.add(
                        new Method("a" + i, Method.Kind.ASYNC_GENERATOR, isStatic, params(r)));
            }
        }
        p.root.add("int f = 3;\n");
        if (options.on("sync")) {
            p.root.add("static final Object LOCK = new Object();\n");
        }
        if (options.on("patterns")) {
            p.root.add(PatternGenerator.TYPES);
        }
        for (Method m : p.methods) {
            if (m.chain) {
                p.root.add(new ChainGenerator(r, p, m).method());
            } else {
                Node n = method(r, p, m);
                (m.inInterface ? p.interfaceBody : p.root).add(n);
            }
        }
        return p;
    }

    private static List<Ty> params(SplittableRandom r) {
        List<Ty> ps = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            ps.add(Ty.any(r));
        }
        return ps;
    }

    private Node method(SplittableRandom r, Program p, Method m) {
        Body body = new Body(r, p, m, false);
        StatementGenerator sg = new StatementGenerator(body);
        Node n = new Node();
        Options options = p.options;
        n.removable = m != p.methods.get(0);
        String access = m == p.methods.get(0) ? "public " : m.isPrivate ? "private " : "";
        String mods =
                m.inInterface
                        ? (m.isStatic ? "static " : "default ")
                        : access + (m.isStatic ? "static " : "");
        switch (m.kind) {
            case GENERATOR:
                {
                    String param = "n" + p.nextName();
                    body.vars.add(new Body.Var(param, Ty.INT, true));
                    n.add(
                            mods
                                    + "Generator<Integer> "
                                    + m.name
                                    + "(int "
                                    + param
                                    + ") throws Exception {\nG.begin();\n");
                    break;
                }
            case ASYNC_GENERATOR:
                // G.beginA/endA keep the reference's buffers of nested bodies apart (rt.G); the
                // woven body runs them too, to no effect
                n.add(
                        mods
                                + "dev.weft.AsyncStream<Integer> "
                                + m.name
                                + "("
                                + params(p, body, m)
                                + ") throws Exception {\n");
                n.add("G.beginA();\ntry {\n");
                n.add(
                        "if (d <= 0) { Generator.yield(await(L.i("
                                + r.nextInt(10)
                                + "))); return null; }\n");
                break;
            case EAGER:
                n.add(
                        mods
                                + (m.stage
                                        ? "java.util.concurrent.CompletionStage<Integer> "
                                        : "CompletableFuture<Integer> ")
                                + m.name
                                + "("
                                + params(p, body, m)
                                + ") throws Exception {\n");
                n.add(
                        "if (d <= 0) return CompletableFuture.completedFuture(await(L.i("
                                + r.nextInt(10)
                                + ")));\n");
                break;
            default:
                n.add(
                        mods
                                + "Future<Integer> "
                                + m.name
                                + "("
                                + params(p, body, m)
                                + ") throws Exception {\n");
                n.add("if (d <= 0) return Future.ready(await(L.i(" + r.nextInt(10) + ")));\n");
                break;
        }
        if (m == p.methods.get(0)) {
            for (Method c : p.methods) {
                if (c.chain) {
                    // the entry starts the chain; d >= 2 keeps m0's own recursive calls from
                    // starting many
                    n.add(
                            "if (d >= 2) T.t(\"chain "
                                    + c.name
                                    + " \" + await("
                                    + (c.isStatic ? "" : "new " + p.className + "().")
                                    + c.name
                                    + "(d, "
                                    + c.chainLength
                                    + ")));\n");
                }
            }
        }
        if (m.kind != Method.Kind.GENERATOR && p.options.on("wide") && r.nextInt(25) == 0) {
            n.add(wideLocals(r, p, body));
        }
        int depth = 1 + r.nextInt(2);
        for (int i = 0, c = 1 + r.nextInt(5); i < c; i++) {
            n.add(sg.statement(depth));
        }
        if (m.kind == Method.Kind.ASYNC_GENERATOR) {
            n.add("return null;\n} finally {\nG.endA();\n}\n}\n\n");
            return n;
        }
        n.add("return ").add(sg.returnValue(2)).add(";\n}\n\n");
        return n;
    }

    /** A chain method of the deep families; its length log-uniform in [1, max]: mostly short, some as deep as the bound. */
    private static Method chain(SplittableRandom r, String name, Method.Kind kind, int max) {
        Method m = new Method(name, kind, r.nextBoolean(), List.of(Ty.INT));
        m.chain = true;
        m.chainLength = Math.max(1, Math.min(max, (int) Math.pow(max, r.nextDouble())));
        return m;
    }

    /**
     * 130 double locals (260 slots) declared up front, so that every later local needs a
     * {@code wide} load or store and saved slots go past 255.
     */
    private static Node wideLocals(SplittableRandom r, Program p, Body body) {
        Node n = Node.stmt("double ");
        for (int i = 0; i < 130; i++) {
            String name = "w" + p.nextName();
            n.add((i == 0 ? "" : ", ") + name + " = " + r.nextInt(100) + ".5");
            body.vars.add(new Body.Var(name, Ty.DOUBLE, true));
        }
        return n.add(";\n");
    }

    private static String params(Program p, Body body, Method m) {
        StringBuilder sb = new StringBuilder("int d");
        for (Ty t : m.params) {
            String name = "p" + p.nextName();
            sb.append(", ").append(t.java).append(' ').append(name);
            body.vars.add(new Body.Var(name, t, true));
        }
        return sb.toString();
    }
}
