package dev.weft.agent.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The known blocking JDK methods, and the weave-time warning for a call to one of them inside a
 * woven method (issue 16, point 3). Such a call stalls the worker thread that runs the task, and
 * every task queued behind it, for as long as it blocks: BlockHound's list, checked statically.
 *
 * <p>This class is the one list: {@link #TABLE}. A call matches an entry by the owner named in
 * the call instruction, the method name and (for some entries) a descriptor prefix; nothing is
 * resolved and no class is loaded, so an entry names the owner javac writes for the usual static
 * type of the receiver (the declaring interface or class, and the common implementations). What
 * is deliberately not in it, because the owner does not say whether it blocks:
 * {@code InputStream.read}/{@code OutputStream.write} (a socket's stream, a file's, or a byte
 * array's), NIO channels (blocking only in blocking mode), file I/O ({@code Files.*}: short
 * blocking, as Tokio's {@code spawn_blocking} advice also applies, but too common to flag), and
 * {@code Lock.lock} (usually held briefly).
 *
 * <p>Which methods are checked: the woven ones (their suspension points make them coroutines),
 * before any stage changes them. A method that never awaits runs on whatever thread calls it, and
 * may well be meant to block.
 */
public final class BlockingCalls {

    /** Advice for a sleep. */
    private static final String SLEEP = "use await(Async.sleep(duration))";

    /** Advice for waiting on a JDK future. */
    private static final String AWAIT_STAGE =
            "await it instead (Async.await takes a CompletionStage)";

    /** Advice for a JDK future that is not a CompletionStage. */
    private static final String GET =
            "await a CompletionStage instead, or call it inside Async.spawnBlocking(...) and await that";

    /** Advice for the JDK's thread coordination. */
    private static final String SYNC =
            "use dev.weft.sync (Notify, Semaphore, Channel, Mutex) and await it,"
                    + " or call it inside Async.spawnBlocking(...) and await that";

    /** Advice for blocking I/O. */
    private static final String IO =
            "call it inside Async.spawnBlocking(...) and await that, or use dev.weft.net";

    /** Advice for JDBC and other work that has no async form. */
    private static final String BLOCKING_POOL =
            "call it inside Async.spawnBlocking(...) and await that";

    /** One known blocking method. */
    static final class Entry {
        /** Internal name of the owner in the call instruction; null matches any owner. */
        final String owner;

        final String name;

        /** A prefix of the descriptor, or "" for every overload. */
        final String descriptorPrefix;

        /** How to fix the call, in weft's terms. */
        final String advice;

        Entry(String owner, String name, String descriptorPrefix, String advice) {
            this.owner = owner;
            this.name = name;
            this.descriptorPrefix = descriptorPrefix;
            this.advice = advice;
        }

        boolean matches(MethodInsnNode call) {
            return (owner == null || owner.equals(call.owner))
                    && name.equals(call.name)
                    && call.desc.startsWith(descriptorPrefix);
        }

        /** {@code java.lang.Thread.sleep}, as the warning names it. */
        String display(MethodInsnNode call) {
            String o = (owner == null ? call.owner : owner).replace('/', '.');
            return name.equals("<init>") ? "new " + o + "(...) (it connects)" : o + "." + name;
        }
    }

    /** The list; the test gives every entry a call and checks its warning. */
    static final List<Entry> TABLE =
            List.of(
                    new Entry("java/lang/Thread", "sleep", "", SLEEP),
                    new Entry(
                            "java/lang/Thread",
                            "join",
                            "",
                            "await the task's JoinHandle instead of joining a thread"),
                    // Object.wait is final: any owner naming it with these descriptors is Object's
                    // method
                    new Entry(null, "wait", "()V", SYNC),
                    new Entry(null, "wait", "(J)V", SYNC),
                    new Entry(null, "wait", "(JI)V", SYNC),
                    new Entry("java/util/concurrent/locks/LockSupport", "park", "", SYNC),
                    new Entry("java/util/concurrent/locks/LockSupport", "parkNanos", "", SYNC),
                    new Entry("java/util/concurrent/locks/LockSupport", "parkUntil", "", SYNC),
                    new Entry("java/util/concurrent/locks/Condition", "await", "", SYNC),
                    new Entry("java/util/concurrent/CountDownLatch", "await", "", SYNC),
                    new Entry("java/util/concurrent/CyclicBarrier", "await", "", SYNC),
                    new Entry("java/util/concurrent/Semaphore", "acquire", "", SYNC),
                    new Entry("java/util/concurrent/Semaphore", "acquireUninterruptibly", "", SYNC),
                    new Entry("java/util/concurrent/BlockingQueue", "take", "", SYNC),
                    new Entry("java/util/concurrent/BlockingQueue", "put", "", SYNC),
                    new Entry("java/util/concurrent/LinkedBlockingQueue", "take", "", SYNC),
                    new Entry("java/util/concurrent/LinkedBlockingQueue", "put", "", SYNC),
                    new Entry("java/util/concurrent/ArrayBlockingQueue", "take", "", SYNC),
                    new Entry("java/util/concurrent/ArrayBlockingQueue", "put", "", SYNC),
                    new Entry("java/util/concurrent/CompletableFuture", "get", "", AWAIT_STAGE),
                    new Entry("java/util/concurrent/CompletableFuture", "join", "", AWAIT_STAGE),
                    new Entry("java/util/concurrent/Future", "get", "", GET),
                    new Entry("java/util/concurrent/FutureTask", "get", "", GET),
                    new Entry("java/util/concurrent/ForkJoinTask", "get", "", GET),
                    new Entry("java/util/concurrent/ForkJoinTask", "join", "", GET),
                    new Entry(
                            "java/util/concurrent/ExecutorService",
                            "awaitTermination",
                            "",
                            BLOCKING_POOL),
                    new Entry(
                            "java/util/concurrent/ExecutorService", "invokeAll", "", BLOCKING_POOL),
                    new Entry(
                            "java/util/concurrent/ExecutorService", "invokeAny", "", BLOCKING_POOL),
                    new Entry("java/lang/Process", "waitFor", "", BLOCKING_POOL),
                    // the socket constructors that connect (those taking a host or address and a
                    // port)
                    new Entry("java/net/Socket", "<init>", "(Ljava/lang/String;I", IO),
                    new Entry("java/net/Socket", "<init>", "(Ljava/net/InetAddress;I", IO),
                    new Entry("java/net/Socket", "connect", "", IO),
                    new Entry("java/net/ServerSocket", "accept", "", IO),
                    new Entry("java/net/DatagramSocket", "receive", "", IO),
                    new Entry("java/net/InetAddress", "getByName", "", IO),
                    new Entry("java/net/InetAddress", "getAllByName", "", IO),
                    new Entry("java/net/InetAddress", "getLocalHost", "", IO),
                    new Entry("java/net/URL", "openStream", "", IO),
                    new Entry("java/net/URLConnection", "connect", "", IO),
                    new Entry("java/net/URLConnection", "getInputStream", "", IO),
                    new Entry("java/net/HttpURLConnection", "connect", "", IO),
                    new Entry("java/net/HttpURLConnection", "getInputStream", "", IO),
                    new Entry("java/net/HttpURLConnection", "getResponseCode", "", IO),
                    new Entry(
                            "java/net/http/HttpClient",
                            "send",
                            "",
                            "use HttpClient.sendAsync and await it"),
                    // JDBC: the calls that talk to the database (a driver may do network I/O in
                    // them)
                    new Entry("java/sql/DriverManager", "getConnection", "", BLOCKING_POOL),
                    new Entry("javax/sql/DataSource", "getConnection", "", BLOCKING_POOL),
                    new Entry("java/sql/Connection", "commit", "", BLOCKING_POOL),
                    new Entry("java/sql/Connection", "rollback", "", BLOCKING_POOL),
                    new Entry("java/sql/Connection", "prepareStatement", "", BLOCKING_POOL),
                    new Entry("java/sql/Connection", "prepareCall", "", BLOCKING_POOL),
                    new Entry("java/sql/Connection", "setAutoCommit", "", BLOCKING_POOL),
                    new Entry("java/sql/Connection", "isValid", "", BLOCKING_POOL),
                    new Entry("java/sql/Connection", "close", "", BLOCKING_POOL),
                    new Entry("java/sql/Statement", "execute", "", BLOCKING_POOL),
                    new Entry("java/sql/Statement", "executeQuery", "", BLOCKING_POOL),
                    new Entry("java/sql/Statement", "executeUpdate", "", BLOCKING_POOL),
                    new Entry("java/sql/Statement", "executeLargeUpdate", "", BLOCKING_POOL),
                    new Entry("java/sql/Statement", "executeBatch", "", BLOCKING_POOL),
                    new Entry("java/sql/PreparedStatement", "execute", "", BLOCKING_POOL),
                    new Entry("java/sql/PreparedStatement", "executeQuery", "", BLOCKING_POOL),
                    new Entry("java/sql/PreparedStatement", "executeUpdate", "", BLOCKING_POOL),
                    new Entry(
                            "java/sql/PreparedStatement", "executeLargeUpdate", "", BLOCKING_POOL),
                    new Entry("java/sql/PreparedStatement", "executeBatch", "", BLOCKING_POOL),
                    new Entry("java/sql/CallableStatement", "execute", "", BLOCKING_POOL),
                    new Entry("java/sql/CallableStatement", "executeQuery", "", BLOCKING_POOL),
                    new Entry("java/sql/CallableStatement", "executeUpdate", "", BLOCKING_POOL),
                    new Entry("java/sql/ResultSet", "next", "", BLOCKING_POOL));

    /** The phrase every blocking-call warning carries after its callee, and no other warning does. */
    private static final String PHRASE =
            " blocks the worker thread that runs this task, and every task queued behind it: ";

    private BlockingCalls() {}

    /** Whether {@code message} is a blocking-call warning's (for logs that keep warnings as text). */
    public static boolean isBlockingCall(String message) {
        return message.contains(PHRASE);
    }

    /**
     * {@link #TABLE} by method name, in table order: a woven method's every call is looked up, and
     * most names match no entry.
     */
    private static final Map<String, List<Entry>> BY_NAME = byName();

    private static Map<String, List<Entry>> byName() {
        Map<String, List<Entry>> m = new HashMap<>();
        for (Entry e : TABLE) {
            List<Entry> named = m.get(e.name);
            if (named == null) {
                named = new ArrayList<>(2); // no lambda: this runs at the first woven class
                m.put(e.name, named);
            }
            named.add(e);
        }
        return m;
    }

    /** The entry {@code call} matches, or null. */
    static Entry lookup(MethodInsnNode call) {
        List<Entry> named = BY_NAME.get(call.name);
        if (named != null) {
            for (int i = 0; i < named.size(); i++) {
                if (named.get(i).matches(call)) {
                    return named.get(i);
                }
            }
        }
        return null;
    }

    /**
     * The warnings for the calls to known blocking methods in {@code m}, a woven method of
     * {@code owner}, in instruction order. Reads only the call instructions' names.
     */
    public static List<Warning> find(ClassNode owner, MethodNode m) {
        List<Warning> warnings = new ArrayList<>();
        if (m.instructions == null || (owner.access & Opcodes.ACC_SYNTHETIC) != 0) {
            return warnings;
        }
        String enclosing = LambdaOrigins.enclosingMethod(owner, m);
        int line = -1;
        for (AbstractInsnNode insn = m.instructions.getFirst();
                insn != null;
                insn = insn.getNext()) {
            if (insn instanceof LineNumberNode) {
                line = ((LineNumberNode) insn).line;
            } else if (insn instanceof MethodInsnNode) {
                MethodInsnNode call = (MethodInsnNode) insn;
                Entry e = lookup(call);
                if (e != null) {
                    String reason = e.display(call) + PHRASE + e.advice;
                    warnings.add(
                            new Warning(
                                    Rejection.where(owner, m, line) + ": " + reason,
                                    owner.name.replace('/', '.'),
                                    enclosing == null ? m.name : enclosing,
                                    line,
                                    Warning.Kind.BLOCKING_CALL));
                }
            }
        }
        return warnings;
    }
}
