package dev.weft.agent.analyze;

import org.objectweb.asm.Type;

/**
 * One local slot live across a suspension point, with its verifier type. {@link #isNull} means
 * the slot holds the null constant: nothing is stored, resume pushes null.
 */
public final class SavedLocal {
    public final int slot;
    public final Type type;

    public SavedLocal(int slot, Type type) {
        this.slot = slot;
        this.type = type;
    }

    public boolean isNull() {
        return type.getSort() == Type.OBJECT && type.getInternalName().equals("null");
    }
}
