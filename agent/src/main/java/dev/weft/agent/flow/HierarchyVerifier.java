package dev.weft.agent.flow;

import dev.weft.agent.hierarchy.TypeHierarchy;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * ASM's {@link SimpleVerifier} with every hierarchy question answered by a {@link TypeHierarchy}.
 * Used to infer types, not to judge the code (javac's output is already verified), so subtype
 * checks on references are lenient; merges are exact, because they decide the types saved.
 */
public final class HierarchyVerifier extends SimpleVerifier {

    private final TypeHierarchy hierarchy;

    /** Strict: reference subtyping is checked as HotSpot does (interfaces accept any object). */
    private final boolean strict;

    public HierarchyVerifier(
            TypeHierarchy hierarchy,
            Type currentClass,
            Type superClass,
            List<Type> interfaces,
            boolean isInterface) {
        this(hierarchy, currentClass, superClass, interfaces, isInterface, false);
    }

    public HierarchyVerifier(
            TypeHierarchy hierarchy,
            Type currentClass,
            Type superClass,
            List<Type> interfaces,
            boolean isInterface,
            boolean strict) {
        super(Opcodes.ASM9, currentClass, superClass, interfaces, isInterface);
        this.hierarchy = hierarchy;
        this.strict = strict;
    }

    @Override
    protected boolean isInterface(Type type) {
        return type.getSort() == Type.OBJECT && hierarchy.isInterface(type.getInternalName());
    }

    @Override
    protected Type getSuperClass(Type type) {
        if (type.getSort() != Type.OBJECT) {
            return Type.getObjectType("java/lang/Object");
        }
        String s = hierarchy.superName(type.getInternalName());
        return s == null ? null : Type.getObjectType(s);
    }

    @Override
    protected boolean isAssignableFrom(Type to, Type from) {
        if (to.equals(from)) {
            return true;
        }
        if (to.getSort() == Type.OBJECT && to.getInternalName().equals("java/lang/Object")) {
            return from.getSort() == Type.OBJECT || from.getSort() == Type.ARRAY;
        }
        if (to.getSort() == Type.ARRAY) {
            if (from.getSort() != Type.ARRAY) {
                return false;
            }
            Type te = Type.getType(to.getDescriptor().substring(1));
            Type fe = Type.getType(from.getDescriptor().substring(1));
            boolean refs =
                    (te.getSort() == Type.OBJECT || te.getSort() == Type.ARRAY)
                            && (fe.getSort() == Type.OBJECT || fe.getSort() == Type.ARRAY);
            return refs ? isAssignableFrom(te, fe) : te.equals(fe);
        }
        if (from.getSort() == Type.ARRAY) {
            String n = to.getInternalName();
            return n.equals("java/lang/Cloneable") || n.equals("java/io/Serializable");
        }
        if (to.getSort() != Type.OBJECT || from.getSort() != Type.OBJECT) {
            return false;
        }
        return hierarchy.isAssignable(to.getInternalName(), from.getInternalName());
    }

    @Override
    protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
        Type t = value.getType();
        Type e = expected.getType();
        if (t == null || e == null) {
            return t == e;
        }
        boolean tRef = t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
        boolean eRef = e.getSort() == Type.OBJECT || e.getSort() == Type.ARRAY;
        if (tRef && eRef) {
            if (!strict || t.getDescriptor().equals("Lnull;") || isAssignableFrom(e, t)) {
                return true;
            }
            if ((t.getSort() == Type.OBJECT && !hierarchy.isResolved(t.getInternalName()))
                    || (e.getSort() == Type.OBJECT && !hierarchy.isResolved(e.getInternalName()))) {
                return true; // a class missing from the class path cannot be judged: do not guess
            }
            return e.getSort() == Type.OBJECT && isInterface(e);
        }
        return t.equals(e);
    }

    @Override
    protected Class<?> getClass(Type type) {
        throw new IllegalStateException("weft: the weaver must not load classes (" + type + ")");
    }
}
