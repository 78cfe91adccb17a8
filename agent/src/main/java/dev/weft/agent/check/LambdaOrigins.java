package dev.weft.agent.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The source method a lambda body belongs to, so that messages never show a synthetic name such
 * as {@code lambda$load$0}. The answer comes from the class file alone (no class loading): the
 * method whose {@code invokedynamic} passes a handle to the lambda body is its enclosing method;
 * a lambda inside a lambda is followed outwards. When no site is found (a body only reached by
 * deserialization, say), javac's naming scheme {@code lambda$<method>$<n>} is read instead.
 */
public final class LambdaOrigins {

    private LambdaOrigins() {}

    /** True for a compiler-generated lambda body. */
    public static boolean isLambdaBody(MethodNode m) {
        return (m.access & Opcodes.ACC_SYNTHETIC) != 0 && m.name.startsWith("lambda$");
    }

    /** The name of the source method enclosing lambda body {@code m}, or null if {@code m} is none. */
    public static String enclosingMethod(ClassNode owner, MethodNode m) {
        if (!isLambdaBody(m)) {
            return null;
        }
        Map<String, MethodNode> sites = sites(owner);
        Set<String> seen = new HashSet<>();
        MethodNode at = m;
        while (isLambdaBody(at) && seen.add(at.name + at.desc)) {
            MethodNode outer = sites.get(at.name + at.desc);
            if (outer == null) {
                return fromName(at.name);
            }
            at = outer;
        }
        return isLambdaBody(at) ? fromName(at.name) : at.name;
    }

    /** Lambda body (name + descriptor) to the method holding the invokedynamic that creates it. */
    private static Map<String, MethodNode> sites(ClassNode owner) {
        Map<String, MethodNode> sites = new HashMap<>();
        for (MethodNode m : owner.methods) {
            if (m.instructions == null) {
                continue;
            }
            for (AbstractInsnNode insn : m.instructions) {
                if (!(insn instanceof InvokeDynamicInsnNode)) {
                    continue;
                }
                for (Object arg : ((InvokeDynamicInsnNode) insn).bsmArgs) {
                    if (arg instanceof Handle && ((Handle) arg).getOwner().equals(owner.name)) {
                        sites.putIfAbsent(((Handle) arg).getName() + ((Handle) arg).getDesc(), m);
                    }
                }
            }
        }
        return sites;
    }

    /** javac's {@code lambda$<method>$<n>}; {@code new} and {@code static} stand for the initializers. */
    private static String fromName(String synthetic) {
        int from = "lambda$".length();
        int to = synthetic.lastIndexOf('$');
        if (to <= from) {
            return "a lambda"; // another compiler's scheme: say what it is rather than print it
        }
        String name = synthetic.substring(from, to);
        return name.equals("new") ? "<init>" : name.equals("static") ? "<clinit>" : name;
    }
}
