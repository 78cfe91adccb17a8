package dev.weft.agent.weave;

import dev.weft.agent.check.CoroutineKind;
import dev.weft.agent.check.SuspensionPoint;
import dev.weft.agent.plan.CompanionLayout;
import dev.weft.agent.plan.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/** What the {@code check} command prints about one woven coroutine method. */
public final class MethodReport {
    public final String className;
    public final String method;
    public final String descriptor;
    public final CoroutineKind kind;
    public final CompanionLayout layout;

    /** Per state, the saved locals as {@code name->field} (source names from the LocalVariableTable). */
    public final List<List<String>> savedNames;

    /**
     * Whether some await of the class calls this method's direct entry (docs/design.md,
     * "Direct await of woven methods").
     */
    public final boolean hasDirectEntry;

    /** The states (1..n) whose await calls a direct entry instead of polling a new call. */
    public final java.util.Set<Integer> directStates;

    MethodReport(
            String className,
            String method,
            String descriptor,
            CoroutineKind kind,
            CompanionLayout layout,
            List<List<String>> savedNames,
            boolean hasDirectEntry,
            java.util.Set<Integer> directStates) {
        this.hasDirectEntry = hasDirectEntry;
        this.directStates = directStates;
        this.className = className;
        this.method = method;
        this.descriptor = descriptor;
        this.kind = kind;
        this.layout = layout;
        this.savedNames = savedNames;
    }

    /**
     * Names the saved slots of each state from the original method's LocalVariableTable, read
     * before emission moves the code; slots without an entry are weaver temporaries (the
     * operand stack spilled below an await, or constructor arguments moved past it).
     */
    static List<List<String>> namesOf(MethodNode m, CompanionLayout layout) {
        List<List<String>> all = new ArrayList<>();
        for (int k = 0; k < layout.points.size(); k++) {
            int at = m.instructions.indexOf(layout.points.get(k).call);
            List<String> names = new ArrayList<>();
            for (Slot s : layout.saved.get(k)) {
                String name = "(stack)";
                if (m.localVariables != null) {
                    for (LocalVariableNode lv : m.localVariables) {
                        if (lv.index == s.local
                                && m.instructions.indexOf(lv.start) <= at
                                && at < m.instructions.indexOf(lv.end)) {
                            name = lv.name;
                        }
                    }
                }
                names.add(name + "->" + (s.field == null ? "null" : s.field));
            }
            all.add(names);
        }
        return all;
    }

    /** CompletableFuture, or the declared subclass that the woven method creates and completes. */
    private String eagerType() {
        String r = org.objectweb.asm.Type.getReturnType(descriptor).getInternalName();
        return dev.weft.agent.check.PromiseTypes.isSubclass(r)
                ? "CompletableFuture subclass " + r.replace('/', '.')
                : "CompletableFuture";
    }

    public List<String> describe() {
        List<String> out = new ArrayList<>();
        String k =
                kind == CoroutineKind.LAZY
                        ? "async (lazy Future)"
                        : kind == CoroutineKind.EAGER
                                ? "async (eager " + eagerType() + ")"
                                : kind == CoroutineKind.ASYNC_GENERATOR
                                        ? "async generator (AsyncStream)"
                                        : "generator";
        out.add(className.replace('/', '.') + "." + javaSignature(method, descriptor) + "  " + k);
        int state = 1;
        for (SuspensionPoint p : layout.points) {
            List<String> names = savedNames.get(state - 1);
            String direct = directStates.contains(state) ? " (direct call)" : "";
            out.add(
                    "  state "
                            + state++
                            + ": "
                            + (p.kind.isAwait() ? "await" : "yield")
                            + direct
                            + " at line "
                            + p.line
                            + ", saves "
                            + (names.isEmpty()
                                    ? "nothing (no local is live across it)"
                                    : String.join(" ", names)));
        }
        Map<String, String> paramFields = new java.util.HashMap<>();
        // params lists this first for an instance method: one more slot than the descriptor's
        // arguments
        boolean instance = layout.params.size() > Type.getArgumentTypes(descriptor).length;
        for (Slot p : layout.params) {
            paramFields.put(
                    p.field, instance && p == layout.params.get(0) ? " (this)" : " (argument)");
        }
        StringBuilder f = new StringBuilder();
        for (Map.Entry<String, String> e : layout.fields.entrySet()) {
            if (f.length() > 0) {
                f.append(", ");
            }
            f.append(javaType(e.getValue())).append(' ').append(e.getKey());
            // why a state that "saves nothing" still has fields: the call's arguments wait here for
            // the body
            f.append(paramFields.getOrDefault(e.getKey(), ""));
        }
        out.add(
                "  state object "
                        + layout.companionName.replace('/', '.')
                        + " extends "
                        + layout.kind.superName.substring(
                                layout.kind.superName.lastIndexOf('/') + 1)
                        + ": ~"
                        + layout.estimatedBytes()
                        + " bytes; fields: "
                        + (f.length() == 0 ? "(none)" : f));
        if (hasDirectEntry) {
            out.add(
                    "  direct entry: awaited directly in this class; allocates the state object only if it suspends");
        }
        return out;
    }

    /** {@code fetch(String, long)}: the method as its source declares it, simple type names, no descriptor. */
    public static String javaSignature(String method, String descriptor) {
        java.util.StringJoiner j = new java.util.StringJoiner(", ", method + "(", ")");
        for (Type t : Type.getArgumentTypes(descriptor)) {
            j.add(simpleName(t));
        }
        return j.toString();
    }

    private static String simpleName(Type t) {
        if (t.getSort() == Type.ARRAY) {
            return simpleName(t.getElementType()) + "[]".repeat(t.getDimensions());
        }
        String n = t.getClassName();
        return n.substring(n.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static String javaType(String desc) {
        switch (desc) {
            case "I":
                return "int";
            case "J":
                return "long";
            case "F":
                return "float";
            case "D":
                return "double";
            default:
                return "Object";
        }
    }
}
