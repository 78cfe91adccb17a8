package dev.weft.fuzz.exec;

import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Turns javac's output for a program into its reference form: {@code dev/weft/Async} and
 * {@code dev/weft/Generator} become the reference package's classes (same method descriptors
 * after erasure) and the program's package {@code from} becomes {@code to}. This is what
 * compiling the same source against the reference API gives, at a fraction of javac's cost (the
 * remapped bytes keep javac's exact instruction sequence, so the reference runs the very same
 * evaluation order).
 */
public final class ReferenceRemapper extends Remapper {

    private final String from;
    private final String to;

    public ReferenceRemapper(String fromPackage, String toPackage) {
        super(Opcodes.ASM9);
        this.from = fromPackage.replace('.', '/') + "/";
        this.to = toPackage.replace('.', '/') + "/";
    }

    @Override
    public String map(String internalName) {
        switch (internalName) {
            case "dev/weft/Async":
                return "dev/weft/fuzz/ref/Async";
            case "dev/weft/Generator":
                return "dev/weft/fuzz/ref/Generator";
            default:
                return internalName.startsWith(from)
                        ? to + internalName.substring(from.length())
                        : internalName;
        }
    }

    /**
     * The reference form of {@code classFile}, marked as woven (weft's class attribute
     * {@code weft$woven}, which the JVM ignores): its methods still return {@code dev.weft.Future},
     * so the agent's transformer would otherwise analyse every reference class for nothing and
     * print its warnings a second time.
     */
    public byte[] remap(byte[] classFile) {
        ClassReader cr = new ClassReader(classFile);
        ClassWriter cw = new ClassWriter(0);
        cr.accept(
                new ClassRemapper(cw, this) {
                    @Override
                    public void visitEnd() {
                        super.visitAttribute(WOVEN_MARKER);
                        super.visitEnd();
                    }
                },
                0);
        return cw.toByteArray();
    }

    /** The agent's woven marker (ConstantPoolScan.WOVEN_MARKER), an empty class attribute. */
    private static final Attribute WOVEN_MARKER =
            new Attribute("weft$woven") {
                @Override
                protected ByteVector write(
                        ClassWriter classWriter,
                        byte[] code,
                        int codeLength,
                        int maxStack,
                        int maxLocals) {
                    return new ByteVector();
                }
            };

    /** The binary name {@code name} has in the reference package. */
    public String mapBinary(String name) {
        return map(name.replace('.', '/')).replace('/', '.');
    }
}
