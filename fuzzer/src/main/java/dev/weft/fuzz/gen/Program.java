package dev.weft.fuzz.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One generated program: a class with lazy, eager and generator methods. Its entry point is
 * {@code public static Future<Integer> m0(int d)}. The source is rendered twice, differing only in
 * where {@code await} and {@code Generator} come from (weft, or the reference package).
 */
public final class Program {

    public final long seed;
    public final String packageName;
    public final String className;
    final Options options;
    final List<Method> methods = new ArrayList<>();
    /** The class body: field and methods; methods are removable by the shrinker. */
    final Node root = new Node();
    private int names;

    Program(long seed, String packageName, String className, Options options) {
        this.seed = seed;
        this.packageName = packageName;
        this.className = className;
        this.options = options;
    }

    int nextName() {
        return names++;
    }

    /** The tree the shrinker edits. */
    public Node tree() {
        return root;
    }

    public String fullName() {
        return packageName + "." + className;
    }

    /** Any awaitable (lazy or eager) method, or null. */
    Method randomCallee(SplittableRandom r) {
        List<Method> fit = new ArrayList<>();
        for (Method m : methods) {
            if (m.kind != Method.Kind.GENERATOR) {
                fit.add(m);
            }
        }
        return fit.isEmpty() ? null : fit.get(r.nextInt(fit.size()));
    }

    Method randomCallee(SplittableRandom r, Method.Kind kind) {
        List<Method> fit = new ArrayList<>();
        for (Method m : methods) {
            if (m.kind == kind) {
                fit.add(m);
            }
        }
        return fit.isEmpty() ? null : fit.get(r.nextInt(fit.size()));
    }

    Method randomGenerator(SplittableRandom r) {
        return randomCallee(r, Method.Kind.GENERATOR);
    }

    /** Source against weft ({@code woven}) or against the reference package. */
    public String source(boolean woven) {
        return source(woven, packageName, "dev.weft.fuzz.rt");
    }

    /** Source in another package, with the support classes from {@code rtPackage} (regression tests). */
    public String source(boolean woven, String pkg, String rtPackage) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(pkg).append(";\n\n");
        sb.append(woven ? "import static dev.weft.Async.await;\n" : "import static dev.weft.fuzz.ref.Async.await;\n");
        sb.append(woven ? "import dev.weft.Generator;\n" : "import dev.weft.fuzz.ref.Generator;\n");
        sb.append("import dev.weft.Future;\n");
        sb.append("import ").append(rtPackage).append(".*;\n");
        sb.append("import java.util.concurrent.CompletableFuture;\n\n");
        sb.append("@SuppressWarnings(\"all\")\n");
        sb.append("public final class ").append(className).append(" {\n");
        root.render(sb);
        sb.append("}\n");
        return sb.toString();
    }
}
