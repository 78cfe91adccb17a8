package dev.weft.agent;

import dev.weft.agent.cache.WovenCache;
import dev.weft.agent.check.BlockingCalls;
import dev.weft.agent.check.Rejection;
import dev.weft.agent.check.Warning;
import dev.weft.agent.hierarchy.LoaderHierarchies;
import dev.weft.agent.hierarchy.TypeHierarchy;
import dev.weft.agent.jfr.WeaveEvents;
import dev.weft.agent.read.UnreadableClassException;
import dev.weft.agent.scan.ClassFilter;
import dev.weft.agent.scan.ConstantPoolScan;
import dev.weft.agent.stats.WeaveStats;
import dev.weft.agent.weave.WeaveResult;
import dev.weft.agent.weave.Weaver;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;

/**
 * Load-time weaving. Returns null (no change) for everything that is not a weaving candidate; the
 * constant-pool scan makes that decision without parsing.
 */
public final class WeavingTransformer implements ClassFileTransformer {

    /** A weft-runtime class every woven class needs: when its loader cannot see it, the runtime is missing. */
    static final String RUNTIME_CLASS = "dev/weft/internal/coroutine/Coroutine";

    /** Classes already reported as unreadable or failed, so each is reported once. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * Warnings already logged: the message names the class, method, line and callee, so each
     * call site is logged once even when several loaders define the same class.
     */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** Transforms that ran out of stack and were done again on a fresh one (diagnostics). */
    private final java.util.concurrent.atomic.AtomicInteger afterOverflow =
            new java.util.concurrent.atomic.AtomicInteger();

    /** How many transforms ran out of stack on their loading thread and were done on a fresh one. */
    public int weavesAfterOverflow() {
        return afterOverflow.get();
    }

    /** A class loaded unwoven because its thread's stack ran out, not reported yet; or null. */
    private volatile String lostOnOverflow;

    /** The loaders a class was woven for on a fresh stack ({@link #transformHere}); weakly held. */
    private final Map<ClassLoader, Boolean> freshFor =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Where woven classes are also written, or null. */
    private final Path dump;

    /**
     * Whether the weaver's own verifier checks each woven body before it is defined (on by
     * default, so a weaver bug rejects one method instead of failing the whole class at link
     * time; {@code noverify} trades that for start-up time, docs/design.md,
     * "Start-up cost of load-time weaving").
     */
    private final boolean selfVerify;

    /** Whether blocking calls in woven methods are logged too (agent option {@code warnBlocking}). */
    private final boolean warnBlocking;

    public WeavingTransformer() {
        this(null, true);
    }

    public WeavingTransformer(Path dump) {
        this(dump, true);
    }

    /** Earlier starts' results, or null (the default: {@code cache=<dir>} turns it on). */
    private final WovenCache cache;

    public WeavingTransformer(Path dump, boolean selfVerify) {
        this(dump, selfVerify, null);
    }

    public WeavingTransformer(Path dump, boolean selfVerify, WovenCache cache) {
        this(dump, selfVerify, cache, false);
    }

    public WeavingTransformer(
            Path dump, boolean selfVerify, WovenCache cache, boolean warnBlocking) {
        this.dump = dump;
        this.selfVerify = selfVerify;
        this.cache = cache;
        this.warnBlocking = warnBlocking;
    }

    /** True if this transformer also logs blocking calls in woven methods (agent option warnBlocking). */
    public boolean warnsBlocking() {
        return warnBlocking;
    }

    /** The woven-class cache, or null when off. */
    public WovenCache cache() {
        return cache;
    }

    /** True if this transformer runs the weaver's own verifier on what it weaves. */
    public boolean selfVerifies() {
        return selfVerify;
    }

    @Override
    public byte[] transform(
            ClassLoader loader,
            String className,
            Class<?> redefined,
            ProtectionDomain domain,
            byte[] bytes) {
        String lost = lostOnOverflow;
        if (lost != null) {
            // printed before it counts as reported: this may run out of stack too, and then the
            // next transform tries again
            System.err.println(
                    "[weft] "
                            + lost.replace('/', '.')
                            + ": loaded unwoven: its loading thread ran out of stack, with too"
                            + " little left even to hand the weave to the weft-weaver thread");
            reported.add(lost);
            lostOnOverflow = null;
        }
        try {
            return transformHere(loader, className, redefined, bytes);
        } catch (StackOverflowError e) {
            // The loading thread ran out of stack inside the weaver: the class is first loaded at
            // the bottom of a deep recursion. Defined unwoven, it would stay unwoven for the life
            // of its loader, so weave it again on a thread of its own.
            try {
                byte[] out = FreshStack.run(this, loader, className, bytes);
                afterOverflow.incrementAndGet();
                return out;
            } catch (Throwable t) {
                // Nothing may leave a transform (the JDK prints an assertion for it): with no
                // stack even to report, the report waits for the next transform.
                lostOnOverflow = String.valueOf(className);
                return null;
            }
        }
    }

    /**
     * {@link #transform} on the calling thread. A {@link StackOverflowError} passes through, for
     * {@link #transform} to weave again on a fresh stack; anything else reports the class once and
     * leaves it unwoven.
     */
    byte[] transformHere(ClassLoader loader, String className, Class<?> redefined, byte[] bytes) {
        try {
            if (className == null && loader != null) {
                className = nameInClassFile(bytes);
            }
            if (loader == null || redefined != null || !ClassFilter.mayWeave(className)) {
                return null;
            }
            long t0 = WeaveStats.start();
            ConstantPoolScan.Verdict v = ConstantPoolScan.scan(bytes);
            WeaveStats.add(WeaveStats.Phase.SCAN, t0);
            if (v == ConstantPoolScan.Verdict.CORRUPT) {
                report(className, "not a readable class file; loaded unwoven");
                return null;
            }
            if (v != ConstantPoolScan.Verdict.CANDIDATE) {
                return null;
            }
            FreshStack.ensureStarted();
            if (FreshStack.mayRunFor(loader) && !freshFor.containsKey(loader)) {
                // The first class woven initialises the weaver's classes: had its thread run out of
                // stack in one of their static initialisers, that class would fail for good and no
                // later class could be woven. The first weave for a loader also loads, links and
                // initialises there the weft-runtime classes the woven class's static initializer
                // calls: had that initializer run out of stack linking them, the class would fail
                // for good. So both get a stack of their own.
                byte[] out = FreshStack.run(this, loader, className, bytes);
                if (out != null) {
                    // only once a class was woven there: a class with nothing to weave (only
                    // checked for warnings) leaves most of the weaver's classes uninitialised
                    freshFor.put(loader, Boolean.TRUE);
                }
                return out;
            }
            byte[] out = weave(loader, className, bytes);
            WeaveStats.add(WeaveStats.Phase.TRANSFORM, t0);
            return out;
        } catch (StackOverflowError e) {
            throw e;
        } catch (Throwable t) {
            report(className, "weaving failed, loaded unwoven: " + t);
            return null;
        }
    }

    /**
     * The name {@code ClassLoader.defineClass(null, ...)} leaves to the class file (the JVM takes
     * it from there too), or null if the bytes do not say; the JDK filter then applies to it.
     */
    private static String nameInClassFile(byte[] bytes) {
        try {
            return new ClassReader(bytes).getClassName();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private byte[] weave(ClassLoader loader, String className, byte[] bytes) {
        TypeHierarchy hierarchy = LoaderHierarchies.of(loader);
        if (!hierarchy.exists(RUNTIME_CLASS)) {
            runtimeMissing(loader, className);
            return null;
        }
        Object event = WeaveEvents.weaving();
        int wovenMethods = -1; // unknown when the woven class comes from the cache
        WovenCache.Entry e = cache == null ? null : cache.lookup(className, bytes, hierarchy);
        if (e == null) {
            Map<String, String> consulted = cache == null ? null : hierarchy.record();
            WeaveResult r;
            try {
                r = Weaver.weave(bytes, hierarchy, selfVerify);
            } catch (UnreadableClassException ex) {
                report(
                        className,
                        "cannot read class file (" + ex.getMessage() + "); loaded unwoven");
                return null;
            }
            wovenMethods = r == null ? 0 : r.methods.size();
            e =
                    r == null
                            ? new WovenCache.Entry(null, List.of(), List.of())
                            : new WovenCache.Entry(
                                    r.woven ? r.bytes : null,
                                    messages(r.rejections),
                                    warnings(r.warnings));
            if (cache != null) {
                try {
                    cache.store(className, bytes, hierarchy, consulted, e);
                } catch (IOException | RuntimeException ex) {
                    report("woven-class cache", "cannot write to it: " + ex);
                }
            }
        }
        if (e.woven != null) {
            WeaveEvents.woven(event, className, wovenMethods, e.rejections.size(), e.woven.length);
        }
        for (String rej : e.rejections) {
            System.err.println("[weft] " + rej);
            WeaveEvents.rejected(className, rej);
        }
        for (String w : e.warnings) {
            // the cache keeps every warning, so an entry does not depend on this option
            if ((warnBlocking || !BlockingCalls.isBlockingCall(w)) && warned.add(w)) {
                System.err.println("[weft] warning: " + w);
            }
        }
        if (e.woven == null) {
            return null; // nothing to weave, or only warnings: the class loads as it is
        }
        if (dump != null) {
            try {
                Path f = dump.resolve(className + ".class");
                Files.createDirectories(f.getParent());
                Files.write(f, e.woven);
            } catch (IOException | RuntimeException ex) {
                report(className, "cannot dump woven class: " + ex);
            }
        }
        return e.woven;
    }

    private static List<String> messages(List<Rejection> rejections) {
        List<String> out = new ArrayList<>(rejections.size());
        for (Rejection r : rejections) {
            out.add(r.message);
        }
        return out;
    }

    private static List<String> warnings(List<Warning> warnings) {
        List<String> out = new ArrayList<>(warnings.size());
        for (Warning w : warnings) {
            out.add(w.message);
        }
        return out;
    }

    /**
     * Says in plain words that weft-runtime is missing, once per class loader. Weaving would only
     * turn it into a NoClassDefFoundError naming an internal class; unwoven, the class fails
     * on the public {@code dev.weft} class it calls, after this message.
     */
    private void runtimeMissing(ClassLoader loader, String className) {
        if (reported.add("\0runtime-missing@" + System.identityHashCode(loader))) {
            System.err.println(
                    "[weft] the weft-runtime jar is missing from the class path: "
                            + className.replace('/', '.')
                            + " uses weft, but its class loader ("
                            + (loader.getName() != null ? loader.getName() : loader.toString())
                            + ") cannot find weft-runtime's classes ("
                            + RUNTIME_CLASS
                            + ".class), so it is loaded unwoven"
                            + " and fails at its first weft call. Add weft-runtime-<version>.jar to the class path"
                            + " by its full name: java expands only a bare dir/* in -cp, and a shell does not expand"
                            + " a * that follows a ':'.");
        }
    }

    private void report(String className, String what) {
        if (reported.add(String.valueOf(className))) {
            System.err.println(
                    "[weft] " + String.valueOf(className).replace('/', '.') + ": " + what);
        }
    }
}
