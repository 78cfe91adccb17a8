package dev.weft.agent.emit;

import dev.weft.agent.scan.ConstantPoolScan;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassWriter;

/**
 * The empty class attribute {@code weft$woven}. The JVM ignores unknown attributes; reflection
 * never sees it (unlike a marker field, which would show up in records, serialization and
 * frameworks); the scan stage finds its name in the constant pool and never weaves twice.
 */
final class WovenMarker extends Attribute {

    WovenMarker() {
        super(ConstantPoolScan.WOVEN_MARKER);
    }

    @Override
    protected ByteVector write(ClassWriter cw, byte[] code, int len, int maxStack, int maxLocals) {
        return new ByteVector();
    }

    /** Adds the marker to a class being written. */
    static void mark(org.objectweb.asm.tree.ClassNode cn) {
        if (cn.attrs == null) {
            cn.attrs = new java.util.ArrayList<>();
        }
        cn.attrs.add(new WovenMarker());
    }
}
