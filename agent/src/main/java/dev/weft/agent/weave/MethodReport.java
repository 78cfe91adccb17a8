package dev.weft.agent.weave;

import dev.weft.agent.check.CoroutineKind;
import dev.weft.agent.check.SuspensionPoint;
import dev.weft.agent.plan.CompanionLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the {@code check} command prints about one woven coroutine method. */
public final class MethodReport {
    public final String className;
    public final String method;
    public final String descriptor;
    public final CoroutineKind kind;
    public final CompanionLayout layout;

    MethodReport(String className, String method, String descriptor, CoroutineKind kind, CompanionLayout layout) {
        this.className = className;
        this.method = method;
        this.descriptor = descriptor;
        this.kind = kind;
        this.layout = layout;
    }

    public List<String> describe() {
        List<String> out = new ArrayList<>();
        String k = kind == CoroutineKind.LAZY ? "async (lazy Future)"
                : kind == CoroutineKind.EAGER ? "async (eager CompletableFuture)" : "generator";
        out.add(className.replace('/', '.') + "." + method + descriptor + "  " + k);
        int state = 1;
        for (SuspensionPoint p : layout.points) {
            out.add("  state " + state++ + ": " + (p.kind.isAwait() ? "await" : "yield") + " at line " + p.line
                    + ", saves " + layout.saved.get(state - 2).size() + " local(s)");
        }
        StringBuilder f = new StringBuilder();
        for (Map.Entry<String, String> e : layout.fields.entrySet()) {
            if (f.length() > 0) {
                f.append(", ");
            }
            f.append(javaType(e.getValue())).append(' ').append(e.getKey());
        }
        out.add("  state object " + layout.companionName.replace('/', '.') + " extends "
                + layout.kind.superName.substring(layout.kind.superName.lastIndexOf('/') + 1) + ": ~"
                + layout.estimatedBytes() + " bytes; fields: " + (f.length() == 0 ? "(none)" : f));
        return out;
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
