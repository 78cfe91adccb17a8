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

    /** The family this program was generated for (MIXED resolved). */
    public final Family family;

    final List<Method> methods = new ArrayList<>();

    /** The class body: field, methods, nested interface; methods are removable by the shrinker. */
    final Node root = new Node();

    /** Methods of the interface the class implements (default and static async methods). */
    final Node interfaceBody = new Node();

    private int names;

    Program(long seed, String packageName, String className, Options options) {
        this.seed = seed;
        this.packageName = packageName;
        this.className = className;
        this.options = options;
        this.family = options.family;
    }

    int nextName() {
        return names++;
    }

    /** The tree the shrinker edits. */
    public Node tree() {
        return new Node(root, interfaceBody);
    }

    /** A package-private top-level interface next to the class (a member type could not be implemented by its own class). */
    String interfaceName() {
        return "I" + className;
    }

    public String fullName() {
        return packageName + "." + className;
    }

    /** Any awaitable (lazy or eager) method, or null. */
    Method randomCallee(SplittableRandom r, Method caller) {
        List<Method> fit = new ArrayList<>();
        for (Method m : methods) {
            if (m.kind != Method.Kind.GENERATOR
                    && m.kind != Method.Kind.ASYNC_GENERATOR
                    && !m.chain
                    && visible(m, caller)) {
                fit.add(m);
            }
        }
        return fit.isEmpty() ? null : fit.get(r.nextInt(fit.size()));
    }

    /** Private methods of the class cannot be called from the interface (another top-level type). */
    private static boolean visible(Method m, Method caller) {
        return !(m.isPrivate && caller != null && caller.inInterface);
    }

    Method randomCallee(SplittableRandom r, Method.Kind kind, Method caller) {
        List<Method> fit = new ArrayList<>();
        for (Method m : methods) {
            if (m.kind == kind && !m.chain && visible(m, caller)) {
                fit.add(m);
            }
        }
        return fit.isEmpty() ? null : fit.get(r.nextInt(fit.size()));
    }

    Method randomAsyncGenerator(SplittableRandom r, Method caller) {
        return randomCallee(r, Method.Kind.ASYNC_GENERATOR, caller);
    }

    Method randomGenerator(SplittableRandom r, Method caller) {
        return randomCallee(r, Method.Kind.GENERATOR, caller);
    }

    /** Source against weft ({@code woven}) or against the reference package. */
    public String source(boolean woven) {
        return source(woven, packageName, "dev.weft.fuzz.rt");
    }

    /** Source in another package, with the support classes from {@code rtPackage} (regression tests). */
    public String source(boolean woven, String pkg, String rtPackage) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(pkg).append(";\n\n");
        sb.append(
                woven
                        ? "import static dev.weft.Async.await;\n"
                        : "import static dev.weft.fuzz.ref.Async.await;\n");
        sb.append(woven ? "import dev.weft.Generator;\n" : "import dev.weft.fuzz.ref.Generator;\n");
        sb.append("import dev.weft.Future;\n");
        sb.append("import ").append(rtPackage).append(".*;\n");
        sb.append("import java.util.concurrent.CompletableFuture;\n\n");
        // javac ignores "all"; integration-tests compile regression programs with -Werror
        String suppress =
                "@SuppressWarnings({\"all\", \"cast\", \"fallthrough\", \"divzero\", \"empty\","
                        + " \"finally\", \"static\"})\n";
        sb.append(suppress);
        boolean itf = false;
        for (Method m : methods) {
            itf |= m.inInterface;
        }
        sb.append("public final class ")
                .append(className)
                .append(itf ? " implements " + interfaceName() + " {\n" : " {\n");
        root.render(sb);
        sb.append("}\n");
        if (itf) {
            // a top-level type of its own: the class's annotation does not cover it
            sb.append("\n").append(suppress);
            sb.append("interface ").append(interfaceName()).append(" {\n");
            interfaceBody.render(sb);
            sb.append("}\n");
        }
        return sb.toString();
    }
}
