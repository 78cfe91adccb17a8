package dev.weft.agent.check;

import dev.weft.agent.hierarchy.TypeHierarchy;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Whether an eager method may declare a subclass of {@code CompletableFuture} as its return type
 * (EA Async's {@code Task<T>}, Orbit's promises): the woven code makes the object with
 * {@code new P()} in the method's companion, a class of the host's package, and completes it with
 * the coroutine's outcome. So P must be a concrete class, accessible from that package, with a
 * no-arg constructor accessible from it. All of it is read from class files through the
 * {@link TypeHierarchy}; the class is never loaded.
 *
 * <p>Not checked: module exports (a public class of a package its module does not export to the
 * host's module fails at the first call with IllegalAccessError, as the same {@code new} in the
 * user's own source would have failed to compile).
 */
public final class PromiseTypes {

    private static final String CF = "java/util/concurrent/CompletableFuture";
    private static final String STAGE = "java/util/concurrent/CompletionStage";

    private PromiseTypes() {}

    /** True if {@code type} is a proper subclass of CompletableFuture (assumed instantiable). */
    public static boolean isSubclass(String type) {
        return !type.equals(CF) && !type.equals(STAGE);
    }

    /**
     * Why an eager method of class {@code host} cannot return {@code type}, or null if it can
     * ({@code type} then is a concrete CompletableFuture subclass with an accessible no-arg
     * constructor). Also null when {@code type} has nothing to do with CompletableFuture and
     * CompletionStage: the caller's general "not a future type" reason applies.
     */
    public static String whyNot(TypeHierarchy h, String host, String type) {
        String name = type.replace('/', '.');
        if (!h.isResolved(type)) {
            return "the class file of the return type "
                    + name
                    + " (or of a super class) was not found, so weft"
                    + " cannot tell whether it is a CompletableFuture it can create";
        }
        if (h.isInterface(type)) {
            return h.isAssignable(STAGE, type)
                    ? "the return type "
                            + name
                            + " is an interface: an eager method must"
                            + " declare CompletionStage, CompletableFuture or a CompletableFuture subclass"
                    : null;
        }
        if (!h.isAssignable(CF, type)) {
            return null;
        }
        byte[] b = h.classFile(type);
        if (b == null) {
            return "the class file of the return type " + name + " was not found";
        }
        Header c = new Header();
        new ClassReader(b)
                .accept(
                        c,
                        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        boolean samePackage = packageOf(type).equals(packageOf(host));
        if ((c.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) != 0) {
            return "the return type "
                    + name
                    + " is abstract: weft must create the object it returns";
        }
        if ((c.access & Opcodes.ACC_PUBLIC) == 0 && !samePackage) {
            return "the return type "
                    + name
                    + " is not public: weft must create the object it returns, from "
                    + packageOf(host).replace('/', '.');
        }
        if (c.noArgAccess < 0) {
            return "the return type "
                    + name
                    + " has no no-arg constructor: weft creates the object it returns"
                    + " with new "
                    + simpleName(name)
                    + "()";
        }
        boolean accessible =
                (c.noArgAccess & Opcodes.ACC_PUBLIC) != 0
                        || (samePackage && (c.noArgAccess & Opcodes.ACC_PRIVATE) == 0);
        if (!accessible) {
            return "the no-arg constructor of the return type "
                    + name
                    + " is not accessible from "
                    + (packageOf(host).isEmpty()
                            ? "the unnamed package"
                            : packageOf(host).replace('/', '.'))
                    + ": weft creates the object it returns with new "
                    + simpleName(name)
                    + "()";
        }
        return null;
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    private static String simpleName(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
    }

    /** The class's access flags and its {@code <init>()V}'s, -1 if it has none. */
    private static final class Header extends ClassVisitor {
        int access;
        int noArgAccess = -1;

        Header() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(
                int version,
                int access,
                String name,
                String signature,
                String superName,
                String[] interfaces) {
            this.access = access;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            if (name.equals("<init>") && descriptor.equals("()V")) {
                noArgAccess = access;
            }
            return null;
        }
    }
}
