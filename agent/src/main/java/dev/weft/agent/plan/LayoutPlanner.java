package dev.weft.agent.plan;

import dev.weft.agent.analyze.SavedLocal;
import dev.weft.agent.check.CoroutineKind;
import dev.weft.agent.check.SuspensionPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Assigns fields and state numbers; see the package notes for the sharing rule. */
public final class LayoutPlanner {

    private LayoutPlanner() {}

    /**
     * @param ordinal the method's index among the class's coroutine methods, making names unique
     *     and deterministic (load-time and build-time weaving must agree)
     */
    public static CompanionLayout plan(
            ClassNode owner,
            MethodNode m,
            CoroutineKind kind,
            int ordinal,
            List<SuspensionPoint> points,
            List<List<SavedLocal>> savedPerPoint) {
        String simple = m.name.replace('<', '_').replace('>', '_');
        String companion = owner.name + "$weft$" + simple + "$" + ordinal;
        // The body keeps the method's name (an overload taking the companion), so stack traces
        // read Host.method(Host.java:line), as the user wrote it.
        // Overloaded coroutines would share the body descriptor, so they get numbered names.
        String body = overloaded(owner, m) ? m.name + "$weft$" + ordinal : m.name;
        Map<String, String> fields = new LinkedHashMap<>();

        List<SavedLocal> paramLocals = new ArrayList<>();
        int slot = 0;
        if ((m.access & Opcodes.ACC_STATIC) == 0) {
            paramLocals.add(new SavedLocal(0, Type.getObjectType(owner.name)));
            slot = 1;
        }
        for (Type t : Type.getArgumentTypes(m.desc)) {
            paramLocals.add(new SavedLocal(slot, t));
            slot += t.getSize();
        }
        List<Slot> params = assign(paramLocals, fields);

        List<SuspensionPoint> reachable = new ArrayList<>();
        List<List<Slot>> saved = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (savedPerPoint.get(i) == null) {
                continue;
            }
            reachable.add(points.get(i));
            saved.add(assign(savedPerPoint.get(i), fields));
        }
        return new CompanionLayout(companion, body, kind, fields, params, reachable, saved);
    }

    private static boolean overloaded(ClassNode owner, MethodNode m) {
        for (MethodNode other : owner.methods) {
            if (other != m && other.name.equals(m.name)) {
                return true;
            }
        }
        return false;
    }

    private static List<Slot> assign(List<SavedLocal> locals, Map<String, String> fields) {
        int[] next = new int[5];
        List<Slot> slots = new ArrayList<>();
        for (SavedLocal l : locals) {
            if (l.isNull()) {
                slots.add(new Slot(l.slot, l.type, null, null));
                continue;
            }
            int c = category(l.type);
            String name = "ijfda".charAt(c) + Integer.toString(next[c]);
            next[c]++;
            String desc = c == 4 ? "Ljava/lang/Object;" : String.valueOf("IJFD".charAt(c));
            fields.putIfAbsent(name, desc);
            slots.add(new Slot(l.slot, l.type, name, desc));
        }
        return slots;
    }

    private static int category(Type t) {
        switch (t.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return 0;
            case Type.LONG:
                return 1;
            case Type.FLOAT:
                return 2;
            case Type.DOUBLE:
                return 3;
            default:
                return 4;
        }
    }
}
