package dev.weft.agent.plan;

import org.objectweb.asm.Type;

/** A local slot saved into a companion field ({@code field == null}: a null constant, no field). */
public final class Slot {
    public final int local;
    public final Type type;
    public final String field;
    public final String fieldDesc;

    Slot(int local, Type type, String field, String fieldDesc) {
        this.local = local;
        this.type = type;
        this.field = field;
        this.fieldDesc = fieldDesc;
    }

    public boolean isReference() {
        return fieldDesc != null && fieldDesc.startsWith("L");
    }
}
