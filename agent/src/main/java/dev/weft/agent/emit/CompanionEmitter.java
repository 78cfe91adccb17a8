package dev.weft.agent.emit;

import dev.weft.agent.check.CoroutineKind;
import dev.weft.agent.plan.CompanionLayout;
import dev.weft.agent.plan.Slot;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Writes a companion class:
 *
 * <pre>
 * final synthetic class H$weft$m$N extends Coroutine {      // or EagerCoroutine, GeneratorCoroutine,
 *                                                           // AsyncGeneratorCoroutine
 *     int i0; long j0; Object a0; ...                       // the planned fields
 *     static Future weft$new(H self, A a, B b) {            // returns m's declared type
 *         C c = new C(); c.a0 = self; c.a1 = a; c.i0 = b;   // (eager: Object, c not started;
 *         return c;                                         // the stub starts it)
 *     }
 *     protected Object resume(Context cx) { return H.m(this, cx); }   // generator: resume()
 *     public Object enter(Context cx) { ... H.m(this, cx) ... }        // lazy only: see enter
 *     protected String lineTable() { return "H;m;12,15;H.java"; }      // state k -> line, for task dumps
 * }
 * </pre>
 */
public final class CompanionEmitter {

    /** Class-file version of companions: Java 8 (stack map frames; any JVM weft runs on loads it). */
    private static final int VERSION = Opcodes.V1_8;

    private CompanionEmitter() {}

    public static byte[] emit(ClassNode host, MethodNode original, CompanionLayout layout) {
        String c = layout.companionName;
        String sup = layout.kind.superName;
        // Every method below but enter is straight-line code, and enter writes its two frames
        // itself: only the maxima are computed (frame computation, run cold once per woven
        // method, cost more at start-up). Any other branch added here must write its frames too.
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(
                VERSION,
                Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                c,
                null,
                sup,
                null);
        if (host.sourceFile != null) {
            cw.visitSource(host.sourceFile, null);
        }
        for (Map.Entry<String, String> f : layout.fields.entrySet()) {
            cw.visitField(Opcodes.ACC_SYNTHETIC, f.getKey(), f.getValue(), null, null).visitEnd();
        }

        // package access: a direct entry in the host allocates the companion only when it suspends
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_SYNTHETIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, sup, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        String factoryDesc = factoryDescriptor(host, original, layout.kind);
        MethodVisitor f =
                cw.visitMethod(
                        Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                        "weft$new",
                        factoryDesc,
                        null,
                        null);
        f.visitCode();
        f.visitTypeInsn(Opcodes.NEW, c);
        f.visitInsn(Opcodes.DUP);
        f.visitMethodInsn(Opcodes.INVOKESPECIAL, c, "<init>", "()V", false);
        int self = Type.getArgumentsAndReturnSizes(factoryDesc) >> 2;
        f.visitVarInsn(Opcodes.ASTORE, self);
        for (Slot p : layout.params) {
            if (p.field == null) {
                continue;
            }
            f.visitVarInsn(Opcodes.ALOAD, self);
            f.visitVarInsn(p.type.getOpcode(Opcodes.ILOAD), p.local);
            f.visitFieldInsn(Opcodes.PUTFIELD, c, p.field, p.fieldDesc);
        }
        f.visitVarInsn(Opcodes.ALOAD, self);
        f.visitInsn(Opcodes.ARETURN);
        f.visitMaxs(0, 0);
        f.visitEnd();

        boolean generator = !layout.kind.awaits();
        MethodVisitor r =
                cw.visitMethod(
                        Opcodes.ACC_PROTECTED | Opcodes.ACC_SYNTHETIC,
                        "resume",
                        generator
                                ? "()Ljava/lang/Object;"
                                : "(Ldev/weft/Context;)Ljava/lang/Object;",
                        null,
                        null);
        r.visitCode();
        r.visitVarInsn(Opcodes.ALOAD, 0);
        if (generator) {
            r.visitInsn(Opcodes.ACONST_NULL);
        } else {
            r.visitVarInsn(Opcodes.ALOAD, 1);
        }
        boolean itf = (host.access & Opcodes.ACC_INTERFACE) != 0;
        r.visitMethodInsn(
                Opcodes.INVOKESTATIC, host.name, layout.bodyName, bodyDescriptor(layout), itf);
        r.visitInsn(Opcodes.ARETURN);
        r.visitMaxs(0, 0);
        r.visitEnd();

        if (layout.kind == CoroutineKind.LAZY) {
            enter(cw, c, host, layout, itf);
        }

        String table = lineTable(host, original, layout);
        if (table != null) {
            MethodVisitor t =
                    cw.visitMethod(
                            Opcodes.ACC_PROTECTED | Opcodes.ACC_SYNTHETIC,
                            "lineTable",
                            "()Ljava/lang/String;",
                            null,
                            null);
            t.visitCode();
            t.visitLdcInsn(table);
            t.visitInsn(Opcodes.ARETURN);
            t.visitMaxs(0, 0);
            t.visitEnd();
        }
        // The companion is defined through the class loader, so it reaches the transformer; its
        // calls into the host and the runtime would make the scan parse and check it for nothing.
        cw.visitAttribute(new WovenMarker());
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * {@code public Object enter(Context cx)}: the first poll of this state object from an await
     * site runs the body in this frame ({@code Coroutine.enter}), not under the poll loop:
     *
     * <pre>
     * if (!entering()) return Coroutine.poll(this, cx);   // polled since the site looked
     * Object r;
     * try { r = H.m(this, cx); } catch (Throwable t) { return entered(null, t, cx); }
     * return entered(r, null, cx);
     * </pre>
     *
     * The two frames are written here (no frame computation, as for the rest of the companion).
     */
    private static void enter(
            ClassWriter cw, String c, ClassNode host, CompanionLayout layout, boolean itf) {
        String entered =
                "(Ljava/lang/Object;Ljava/lang/Throwable;Ldev/weft/Context;)Ljava/lang/Object;";
        MethodVisitor m =
                cw.visitMethod(
                        Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC,
                        "enter",
                        "(Ldev/weft/Context;)Ljava/lang/Object;",
                        null,
                        null);
        m.visitCode();
        Label go = new Label();
        Label start = new Label();
        Label end = new Label();
        Label thrown = new Label();
        m.visitTryCatchBlock(start, end, thrown, "java/lang/Throwable");
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, c, "entering", "()Z", false);
        m.visitJumpInsn(Opcodes.IFNE, go);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "dev/weft/internal/coroutine/Coroutine",
                "poll",
                "(Ldev/weft/Future;Ldev/weft/Context;)Ljava/lang/Object;",
                false);
        m.visitInsn(Opcodes.ARETURN);
        m.visitLabel(go);
        m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        m.visitLabel(start);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitMethodInsn(
                Opcodes.INVOKESTATIC, host.name, layout.bodyName, bodyDescriptor(layout), itf);
        m.visitLabel(end);
        m.visitVarInsn(Opcodes.ASTORE, 2);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(Opcodes.ALOAD, 2);
        m.visitInsn(Opcodes.ACONST_NULL);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, c, "entered", entered, false);
        m.visitInsn(Opcodes.ARETURN);
        m.visitLabel(thrown);
        m.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {"java/lang/Throwable"});
        m.visitVarInsn(Opcodes.ASTORE, 2);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.ACONST_NULL);
        m.visitVarInsn(Opcodes.ALOAD, 2);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, c, "entered", entered, false);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /**
     * The companion's line table, in the format {@code Coroutine.lineTable} documents:
     * {@code host;method;line1,line2,...;file}, line k being the source line of suspension point
     * k (-1: none recorded). One string constant, resolved only when a task dump asks for it; null
     * when it would not fit in a constant (65,535 bytes), so the dump falls back to state numbers.
     */
    static String lineTable(ClassNode host, MethodNode original, CompanionLayout layout) {
        StringBuilder b = new StringBuilder();
        b.append(host.name.replace('/', '.')).append(';').append(original.name).append(';');
        for (int i = 0; i < layout.points.size(); i++) {
            b.append(i == 0 ? "" : ",").append(layout.points.get(i).line);
        }
        b.append(';').append(host.sourceFile == null ? "" : host.sourceFile);
        String s = b.toString();
        // modified UTF-8 takes at most 3 bytes a char
        return s.length() * 3 <= 65535
                        || s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 65000
                ? s
                : null;
    }

    /**
     * {@code (H this?, params...) -> declared return type}; for an eager method {@code -> Object},
     * the companion not started yet (the stub starts it, {@link StubEmitter}).
     */
    static String factoryDescriptor(ClassNode host, MethodNode m, CoroutineKind kind) {
        Type[] args = Type.getArgumentTypes(m.desc);
        boolean instance = (m.access & Opcodes.ACC_STATIC) == 0;
        Type[] all = new Type[args.length + (instance ? 1 : 0)];
        int k = 0;
        if (instance) {
            all[k++] = Type.getObjectType(host.name);
        }
        for (Type a : args) {
            all[k++] = a;
        }
        Type r =
                kind == CoroutineKind.EAGER
                        ? Type.getObjectType("java/lang/Object")
                        : Type.getReturnType(m.desc);
        return Type.getMethodDescriptor(r, all);
    }

    /**
     * The direct entry: {@code (H this?, params..., Context cx, Object root) -> Object}, the value
     * of awaiting the call, or {@code Await.SUSPENDED} after handing its state object to root.
     */
    public static String directDescriptor(String hostName, MethodNode m) {
        Type[] args = Type.getArgumentTypes(m.desc);
        boolean instance = (m.access & Opcodes.ACC_STATIC) == 0;
        Type[] all = new Type[args.length + (instance ? 3 : 2)];
        int k = 0;
        if (instance) {
            all[k++] = Type.getObjectType(hostName);
        }
        for (Type a : args) {
            all[k++] = a;
        }
        all[k++] = Type.getObjectType("dev/weft/Context");
        all[k] = Type.getObjectType("java/lang/Object");
        return Type.getMethodDescriptor(Type.getObjectType("java/lang/Object"), all);
    }

    /**
     * The body takes the companion as Object: reflection on the host ({@code getDeclaredMethods})
     * resolves every descriptor type, and may run before the host's initializer has defined the
     * companion. The body casts it once at entry.
     */
    static String bodyDescriptor(CompanionLayout layout) {
        return "(Ljava/lang/Object;Ldev/weft/Context;)Ljava/lang/Object;";
    }
}
