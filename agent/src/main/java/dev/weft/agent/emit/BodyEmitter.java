package dev.weft.agent.emit;

import dev.weft.agent.check.CoroutineKind;
import dev.weft.agent.check.SuspensionKind;
import dev.weft.agent.check.SuspensionPoint;
import dev.weft.agent.plan.CompanionLayout;
import dev.weft.agent.plan.DirectAwaits;
import dev.weft.agent.plan.Slot;
import dev.weft.agent.scan.ClassFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Turns a normalized coroutine body into the state-machine method
 * {@code static Object m(Object co, Context cx)} of the host (an overload of m; co is cast to the companion at entry). Locals of the original
 * body move up by {@link #SHIFT} to make room for {@code co} (slot 0) and {@code cx} (slot 1).
 *
 * <pre>
 * entry:    switch (co.state) { 0: restore params; goto body | k: goto restore_k | default: throw }
 * await k:  [f]  L_poll_k: dup; v = Coroutine.poll(f, cx); if (v == SUSPENDED)
 *                   { Await.cancelled(f, cx); co.awaiting = f; save live locals; co.state = k;
 *                     return SUSPENDED; }
 *                swap; pop  -> [v]   (continues with javac's checkcast/unboxing)
 * yield k:  [x]  co.yielded = x; save live locals; co.state = k; return YIELDED; L_after_k:
 *                [AsyncGeneratorCoroutine.resumed(cx)]   (async generators: throws when cancelled)
 * restore_k (after the last original instruction, so outside every try range):
 *                restore live locals (clearing reference fields); [f = co.awaiting; co.awaiting = null]
 *                goto L_poll_k / L_after_k
 * </pre>
 *
 * Points that save the same slots share one save block and one restore block, the restore
 * ending in a switch on the state ({@link Shared}), so the woven code grows with the number of
 * distinct saved sets rather than with the number of points.
 *
 * Line numbers and the local variable table of the original body are kept (shifted; a local
 * that is not saved at an await goes out of scope there, {@link LocalRanges}), so stack
 * traces and debuggers see the user's method; exceptions thrown by the await's calls sit at the
 * await's own line inside the user's try ranges, so catch and finally work unchanged.
 */
public final class BodyEmitter {

    /** Slots taken by the companion and the context before the original locals. */
    public static final int SHIFT = 2;

    private static final String AWAIT = "dev/weft/internal/coroutine/Await";
    private static final String OBJECT_DESC = "Ljava/lang/Object;";

    private BodyEmitter() {}

    /**
     * Moves {@code m}'s code into a new synthetic method; {@code m} is left without code.
     *
     * @param direct the awaits that call a callee's direct entry (see {@link DirectEmitter}):
     *     the call passes {@code cx} and the companion as the root; on SUSPENDED the callee has
     *     already put its state object into {@code co.awaiting}, so the site saves and returns,
     *     and its resume path is the ordinary one (step {@code co.awaiting})
     * @param enterSites whether an await enters a fresh state object ({@link #pollAwaited}); off
     *     for a body too large with it (20 bytes a site)
     */
    public static MethodNode emit(
            String hostName,
            boolean hostIsInterface,
            MethodNode m,
            CompanionLayout layout,
            Map<SuspensionPoint, DirectAwaits.Site> direct,
            boolean enterSites) {
        int access = access(hostIsInterface);
        MethodNode body =
                new MethodNode(
                        Opcodes.ASM9,
                        access,
                        layout.bodyName,
                        CompanionEmitter.bodyDescriptor(layout),
                        null,
                        null);
        body.instructions = m.instructions;
        body.tryCatchBlocks = m.tryCatchBlocks;
        body.localVariables = m.localVariables;
        body.maxLocals = m.maxLocals + SHIFT;
        body.maxStack = m.maxStack + 4;
        m.instructions = new InsnList();
        m.tryCatchBlocks = new ArrayList<>();
        m.localVariables = null;
        m.visibleLocalVariableAnnotations = null;
        m.invisibleLocalVariableAnnotations = null;

        shiftLocals(body);
        LocalRanges.endDeadLocalsAtSuspensions(body, layout.points, layout.saved, SHIFT);
        String c = layout.companionName;
        InsnList tail = new InsnList();
        LabelNode[] resumeAt = new LabelNode[layout.points.size()];
        LabelNode[] back = new LabelNode[layout.points.size()];
        Shared shared = new Shared(layout, direct);
        for (int k = 0; k < layout.points.size(); k++) {
            SuspensionPoint p = layout.points.get(k);
            List<Slot> saved = layout.saved.get(k);
            back[k] = new LabelNode();
            InsnList at = new InsnList();
            LabelNode save = shared.saveBlock(k);
            if (p.kind == SuspensionKind.YIELD) {
                emitYield(
                        at,
                        c,
                        saved,
                        k + 1,
                        back[k],
                        layout.kind == CoroutineKind.ASYNC_GENERATOR,
                        save);
            } else if (direct.containsKey(p)) {
                DirectAwaits.Site site = direct.get(p);
                body.instructions.insert(
                        site.callee, DirectEmitter.directCall(hostName, hostIsInterface, site));
                body.instructions.remove(site.callee);
                LabelNode ready = new LabelNode();
                DirectEmitter.ifNotSuspended(at, ready);
                at.add(new InsnNode(Opcodes.POP));
                if (save != null) {
                    Slots.pushInt(at, k + 1);
                    at.add(new JumpInsnNode(Opcodes.GOTO, save));
                } else {
                    suspend(at, c, saved, k + 1);
                    at.add(new FieldInsnNode(Opcodes.GETSTATIC, AWAIT, "SUSPENDED", OBJECT_DESC));
                    at.add(new InsnNode(Opcodes.ARETURN));
                }
                // reached only from the resume path: a direct await resumes as a plain one, and
                // what it awaits then was polled already, so never entered
                emitAwait(at, c, saved, k + 1, back[k], shared.awaitSaveBlock(k), false);
                at.add(ready);
            } else {
                adaptStage(at, p);
                emitAwait(at, c, saved, k + 1, back[k], save, enterSites && mayEnter(p));
            }
            body.instructions.insert(p.call, at);
            body.instructions.remove(p.call);
        }
        shared.emitSaves(tail, c);
        for (int k = 0; k < layout.points.size(); k++) {
            resumeAt[k] = shared.restoreBlock(k, back, tail, c);
        }
        body.instructions.insert(entry(c, layout, resumeAt));
        body.instructions.add(tail);
        return body;
    }

    /** A body's and a direct entry's access: static synthetic, public in an interface. */
    static int access(boolean hostIsInterface) {
        return Opcodes.ACC_STATIC
                | Opcodes.ACC_SYNTHETIC
                | (hostIsInterface ? Opcodes.ACC_PUBLIC : 0);
    }

    /** An await of a CompletionStage first turns the stage on the stack into a Future. */
    static void adaptStage(InsnList at, SuspensionPoint p) {
        if (p.kind == SuspensionKind.AWAIT_STAGE) {
            at.add(
                    new MethodInsnNode(
                            Opcodes.INVOKESTATIC,
                            AWAIT,
                            "adapt",
                            "(Ljava/util/concurrent/CompletionStage;)Ldev/weft/Future;",
                            false));
        }
    }

    private static InsnList entry(String c, CompanionLayout layout, LabelNode[] resumeAt) {
        InsnList in = new InsnList();
        LabelNode start = new LabelNode();
        LabelNode bad = new LabelNode();
        LabelNode[] targets = new LabelNode[resumeAt.length + 1];
        targets[0] = start;
        System.arraycopy(resumeAt, 0, targets, 1, resumeAt.length);
        in.add(new VarInsnNode(Opcodes.ALOAD, 0));
        in.add(new TypeInsnNode(Opcodes.CHECKCAST, c));
        in.add(new InsnNode(Opcodes.DUP));
        in.add(new VarInsnNode(Opcodes.ASTORE, 0));
        in.add(new FieldInsnNode(Opcodes.GETFIELD, c, "state", "I"));
        in.add(new TableSwitchInsnNode(0, resumeAt.length, bad, targets));
        in.add(bad);
        RejectionEmitter.throwing(in, "weft: coroutine resumed in an invalid state");
        in.add(start);
        for (Slot p : layout.params) {
            Slots.restore(in, c, 0, p, SHIFT);
        }
        return in;
    }

    /**
     * {@code [f] -> [v]}. With {@code save} (a shared save block, see {@link Shared}) the pending
     * path leaves {@code [f, state]} and jumps there; without, it saves in line.
     */
    private static void emitAwait(
            InsnList at,
            String c,
            List<Slot> saved,
            int state,
            LabelNode poll,
            LabelNode save,
            boolean enter) {
        LabelNode ready = new LabelNode();
        at.add(poll);
        at.add(new InsnNode(Opcodes.DUP));
        at.add(new VarInsnNode(Opcodes.ALOAD, 1));
        pollAwaited(at, enter);
        at.add(new InsnNode(Opcodes.DUP));
        at.add(new FieldInsnNode(Opcodes.GETSTATIC, AWAIT, "SUSPENDED", OBJECT_DESC));
        at.add(new JumpInsnNode(Opcodes.IF_ACMPNE, ready));
        at.add(new InsnNode(Opcodes.POP));
        throwIfCancelled(at);
        if (save != null) {
            Slots.pushInt(at, state);
            at.add(new JumpInsnNode(Opcodes.GOTO, save));
        } else {
            at.add(new VarInsnNode(Opcodes.ALOAD, 0));
            at.add(new InsnNode(Opcodes.SWAP));
            at.add(new FieldInsnNode(Opcodes.PUTFIELD, c, "awaiting", "Ldev/weft/Future;"));
            suspend(at, c, saved, state);
            at.add(new FieldInsnNode(Opcodes.GETSTATIC, AWAIT, "SUSPENDED", OBJECT_DESC));
            at.add(new InsnNode(Opcodes.ARETURN));
        }
        at.add(ready);
        at.add(new InsnNode(Opcodes.SWAP));
        at.add(new InsnNode(Opcodes.POP));
    }

    /**
     * Whether an await may meet a fresh lazy state object, and so gets the larger site of {@link
     * #pollAwaited}: an await of a {@code Future} (a stage's adapter never is one) whose value does
     * not come straight from a call into the JDK or weft's runtime, whose classes are never woven
     * ({@link ClassFilter}). The site is correct either way; this keeps leaf awaits such as {@code
     * await(Future.ready(x))} or {@code await(Async.sleep(d))} at their old size, and the weaver's
     * work with them (start-up).
     */
    static boolean mayEnter(SuspensionPoint p) {
        if (p.kind != SuspensionKind.AWAIT_FUTURE) {
            return false;
        }
        AbstractInsnNode v = p.call.getPrevious();
        while (v != null && v.getOpcode() < 0) {
            v = v.getPrevious();
        }
        return !(v instanceof MethodInsnNode) || ClassFilter.mayWeave(((MethodInsnNode) v).owner);
    }

    /**
     * {@code [f, cx] -> [v]}: the value or SUSPENDED. A lazy state object that was never polled is
     * entered ({@code Coroutine.enter}: its companion runs the body in one frame), anything else
     * goes to {@code Coroutine.poll(f, cx)}, the poll loop. Not {@code Await.step}: a level of a
     * descent through state objects then costs two Java frames, the companion's and the body's
     * (issue 12, point 4).
     *
     * <pre>
     * [f, cx] SWAP DUP fresh [cx, f, c] DUP IFNULL poll
     *         SWAP POP SWAP [c, cx] enter GOTO done
     * poll:   POP SWAP [f, cx] Coroutine.poll
     * done:   [v]
     * </pre>
     *
     * Without {@code enter}, only the poll: 20 bytes a site less, for a body too large with them.
     */
    static void pollAwaited(InsnList at, boolean enter) {
        String co = "dev/weft/internal/coroutine/Coroutine";
        if (!enter) {
            at.add(loopPoll());
            return;
        }
        LabelNode poll = new LabelNode();
        LabelNode done = new LabelNode();
        at.add(new InsnNode(Opcodes.SWAP));
        at.add(new InsnNode(Opcodes.DUP));
        at.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        co,
                        "fresh",
                        "(Ldev/weft/Future;)L" + co + ";",
                        false));
        at.add(new InsnNode(Opcodes.DUP));
        at.add(new JumpInsnNode(Opcodes.IFNULL, poll));
        at.add(new InsnNode(Opcodes.SWAP));
        at.add(new InsnNode(Opcodes.POP));
        at.add(new InsnNode(Opcodes.SWAP));
        at.add(
                new MethodInsnNode(
                        Opcodes.INVOKEVIRTUAL,
                        co,
                        "enter",
                        "(Ldev/weft/Context;)Ljava/lang/Object;",
                        false));
        at.add(new JumpInsnNode(Opcodes.GOTO, done));
        at.add(poll);
        at.add(new InsnNode(Opcodes.POP));
        at.add(new InsnNode(Opcodes.SWAP));
        at.add(loopPoll());
        at.add(done);
    }

    /** {@code [f, cx] -> [v]}: {@code Coroutine.poll(f, cx)}, the poll loop. */
    private static MethodInsnNode loopPoll() {
        return new MethodInsnNode(
                Opcodes.INVOKESTATIC,
                "dev/weft/internal/coroutine/Coroutine",
                "poll",
                "(Ldev/weft/Future;Ldev/weft/Context;)Ljava/lang/Object;",
                false);
    }

    /**
     * {@code [f] -> [f]}, on the pending path of an await: {@code Await.cancelled(f, cx)} throws
     * CancellationException at the await's line (inside the user's try ranges) when cancelled.
     */
    static void throwIfCancelled(InsnList at) {
        at.add(new InsnNode(Opcodes.DUP));
        at.add(new VarInsnNode(Opcodes.ALOAD, 1));
        at.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        AWAIT,
                        "cancelled",
                        "(Ldev/weft/Future;Ldev/weft/Context;)V",
                        false));
    }

    private static void emitYield(
            InsnList at,
            String c,
            List<Slot> saved,
            int state,
            LabelNode after,
            boolean cancellable,
            LabelNode save) {
        at.add(new VarInsnNode(Opcodes.ALOAD, 0));
        at.add(new InsnNode(Opcodes.SWAP));
        at.add(new FieldInsnNode(Opcodes.PUTFIELD, c, "yielded", OBJECT_DESC));
        if (save != null) {
            Slots.pushInt(at, state);
            at.add(new JumpInsnNode(Opcodes.GOTO, save));
        } else {
            suspend(at, c, saved, state);
            yielded(at);
        }
        at.add(after);
        if (cancellable) {
            // inside the user's try ranges, at the yield's line: a cancelled resumption throws
            // here, so the async generator's finally blocks run
            at.add(new VarInsnNode(Opcodes.ALOAD, 1));
            at.add(
                    new MethodInsnNode(
                            Opcodes.INVOKESTATIC,
                            "dev/weft/internal/coroutine/AsyncGeneratorCoroutine",
                            "resumed",
                            "(Ldev/weft/Context;)V",
                            false));
        }
    }

    private static void yielded(InsnList at) {
        at.add(
                new FieldInsnNode(
                        Opcodes.GETSTATIC,
                        "dev/weft/internal/coroutine/GeneratorCoroutine",
                        "YIELDED",
                        OBJECT_DESC));
        at.add(new InsnNode(Opcodes.ARETURN));
    }

    private static void suspend(InsnList at, String c, List<Slot> saved, int state) {
        for (Slot s : saved) {
            Slots.save(at, c, 0, s, SHIFT);
        }
        at.add(new VarInsnNode(Opcodes.ALOAD, 0));
        Slots.pushInt(at, state);
        at.add(new FieldInsnNode(Opcodes.PUTFIELD, c, "state", "I"));
    }

    /**
     * Save and restore code shared by suspension points that save the same slots (issue 12,
     * point 8: a method of 640 awaits over 300 locals, 20 KB of javac's code, came to 95 KB woven
     * when each point had its own copies). A point whose slot list no other point shares keeps
     * its code in line, as before; the others jump, after the last original instruction:
     *
     * <pre>
     * save (await):  [f, k] -> co.state = k; co.awaiting = f; save slots; return SUSPENDED
     * save (direct): [k]    -> co.state = k; save slots; return SUSPENDED
     * save (yield):  [k]    -> co.state = k; save slots; return YIELDED
     * restore:       restore slots; [f = co.awaiting; co.awaiting = null];
     *                switch (co.state) { k: goto back_k ... }
     * </pre>
     *
     * Points share a block only when their slots have the same local, type and field, so the
     * frame at the block holds those slots with their types on every incoming path.
     */
    private static final class Shared {
        private final CompanionLayout layout;
        private final Map<SuspensionPoint, DirectAwaits.Site> direct;
        private final Map<String, List<Integer>> saves = new LinkedHashMap<>();
        private final Map<String, LabelNode> saveLabels = new HashMap<>();
        private final Map<String, List<Integer>> restores = new LinkedHashMap<>();
        private final Map<String, LabelNode> restoreLabels = new HashMap<>();

        /** True when no two points can share: one point, the common case, costs no keys. */
        private final boolean alone;

        Shared(CompanionLayout layout, Map<SuspensionPoint, DirectAwaits.Site> direct) {
            this.layout = layout;
            this.direct = direct;
            this.alone = layout.points.size() < 2;
            if (alone) {
                return;
            }
            for (int k = 0; k < layout.points.size(); k++) {
                member(saves, saveKey(k, primary(k)), k);
                if (primary(k) == 'D') {
                    member(saves, saveKey(k, 'A'), k);
                }
                member(restores, restoreKey(k), k);
            }
        }

        /** No lambdas on the weaving path: each one's bootstrap costs milliseconds at start-up. */
        private static void member(Map<String, List<Integer>> groups, String key, int k) {
            List<Integer> g = groups.get(key);
            if (g == null) {
                g = new ArrayList<>(2);
                groups.put(key, g);
            }
            g.add(k);
        }

        /** 'Y' yield, 'D' direct await, 'A' await. */
        private char primary(int k) {
            SuspensionPoint p = layout.points.get(k);
            return p.kind == SuspensionKind.YIELD ? 'Y' : direct.containsKey(p) ? 'D' : 'A';
        }

        private String saveKey(int k, char variant) {
            return variant + signature(layout.saved.get(k));
        }

        private String restoreKey(int k) {
            return (primary(k) == 'Y' ? 'Y' : 'A') + signature(layout.saved.get(k));
        }

        private static String signature(List<Slot> slots) {
            StringBuilder b = new StringBuilder();
            for (Slot s : slots) {
                b.append(';').append(s.local).append(s.type.getDescriptor()).append(s.field);
            }
            return b.toString();
        }

        /** The shared block that suspends point k as its own kind, or null: k saves in line. */
        LabelNode saveBlock(int k) {
            return alone ? null : saveLabel(saveKey(k, primary(k)));
        }

        /** As {@link #saveBlock(int)}, for a plain await at k (a direct await's resumed poll). */
        LabelNode awaitSaveBlock(int k) {
            return alone ? null : saveLabel(saveKey(k, 'A'));
        }

        private LabelNode saveLabel(String key) {
            List<Integer> members = saves.get(key);
            if (members == null || members.size() < 2) {
                return null;
            }
            LabelNode l = saveLabels.get(key);
            if (l == null) {
                l = new LabelNode();
                saveLabels.put(key, l);
            }
            return l;
        }

        /** Every shared save block, into {@code tail}. */
        void emitSaves(InsnList tail, String c) {
            for (Map.Entry<String, List<Integer>> e : saves.entrySet()) {
                LabelNode at = saveLabels.get(e.getKey());
                if (at == null) {
                    continue;
                }
                char variant = e.getKey().charAt(0);
                tail.add(at);
                tail.add(new VarInsnNode(Opcodes.ALOAD, 0));
                tail.add(new InsnNode(Opcodes.SWAP));
                tail.add(new FieldInsnNode(Opcodes.PUTFIELD, c, "state", "I"));
                if (variant == 'A') {
                    tail.add(new VarInsnNode(Opcodes.ALOAD, 0));
                    tail.add(new InsnNode(Opcodes.SWAP));
                    tail.add(
                            new FieldInsnNode(
                                    Opcodes.PUTFIELD, c, "awaiting", "Ldev/weft/Future;"));
                }
                for (Slot s : layout.saved.get(e.getValue().get(0))) {
                    Slots.save(tail, c, 0, s, SHIFT);
                }
                if (variant == 'Y') {
                    yielded(tail);
                } else {
                    tail.add(new FieldInsnNode(Opcodes.GETSTATIC, AWAIT, "SUSPENDED", OBJECT_DESC));
                    tail.add(new InsnNode(Opcodes.ARETURN));
                }
            }
        }

        /**
         * A switch over {@code states} (ascending): a table (4 bytes per state in the range) when
         * the states are dense enough to be smaller than a lookup (8 bytes per state), as javac
         * chooses. The default, never taken, is the first target.
         */
        private static AbstractInsnNode dispatch(int[] states, LabelNode[] targets) {
            int lo = states[0];
            int hi = states[states.length - 1];
            if ((long) hi - lo + 1 > 2L * states.length) {
                return new LookupSwitchInsnNode(targets[0], states, targets);
            }
            LabelNode[] table = new LabelNode[hi - lo + 1];
            java.util.Arrays.fill(table, targets[0]);
            for (int i = 0; i < states.length; i++) {
                table[states[i] - lo] = targets[i];
            }
            return new TableSwitchInsnNode(lo, hi, targets[0], table);
        }

        /** Where the entry switch sends state k + 1; emits that restore block into {@code tail} if new. */
        LabelNode restoreBlock(int k, LabelNode[] back, InsnList tail, String c) {
            String key = alone ? (primary(k) == 'Y' ? "Y" : "A") : restoreKey(k);
            LabelNode at = restoreLabels.get(key);
            if (at != null) {
                return at;
            }
            at = new LabelNode();
            tail.add(at);
            for (Slot s : layout.saved.get(k)) {
                Slots.restore(tail, c, 0, s, SHIFT);
            }
            if (key.charAt(0) != 'Y') {
                tail.add(new VarInsnNode(Opcodes.ALOAD, 0));
                tail.add(new FieldInsnNode(Opcodes.GETFIELD, c, "awaiting", "Ldev/weft/Future;"));
                tail.add(new VarInsnNode(Opcodes.ALOAD, 0));
                tail.add(new InsnNode(Opcodes.ACONST_NULL));
                tail.add(new FieldInsnNode(Opcodes.PUTFIELD, c, "awaiting", "Ldev/weft/Future;"));
            }
            List<Integer> members = restores.get(key);
            if (members == null || members.size() == 1) {
                tail.add(new JumpInsnNode(Opcodes.GOTO, back[k]));
                return at;
            }
            restoreLabels.put(key, at);
            int[] states = new int[members.size()];
            LabelNode[] targets = new LabelNode[members.size()];
            for (int i = 0; i < states.length; i++) {
                states[i] = members.get(i) + 1;
                targets[i] = back[members.get(i)];
            }
            tail.add(new VarInsnNode(Opcodes.ALOAD, 0));
            tail.add(new FieldInsnNode(Opcodes.GETFIELD, c, "state", "I"));
            tail.add(dispatch(states, targets));
            return at;
        }
    }

    static void shiftLocals(MethodNode body) {
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof VarInsnNode) {
                ((VarInsnNode) insn).var += SHIFT;
            } else if (insn instanceof IincInsnNode) {
                ((IincInsnNode) insn).var += SHIFT;
            }
        }
        if (body.localVariables != null) {
            for (LocalVariableNode lv : body.localVariables) {
                lv.index += SHIFT;
                if (lv.name.equals("this")) {
                    lv.name =
                            "$this"; // a static method has no `this`; debuggers still show the host
                }
            }
        }
    }
}
