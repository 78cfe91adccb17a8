package dev.weft.fuzz.exec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Woven bytes under ASM's CheckClassAdapter (with data-flow verification against the program's
 * loader), and every companion class forced through HotSpot's verifier by initializing it.
 *
 * <p>The woven bytes come from the weaver itself (with the transformer's per-loader type pool), reached reflectively in the agent jar that
 * {@code -javaagent} put on the system class path (its ASM is shaded, so it cannot be linked
 * against directly); the weaver is deterministic, so these are the bytes the transformer defined.
 */
public final class BytecodeChecker {

    private final Method locatorFor;
    private final Method weave;
    private final Field bytes;
    private final Field companions;
    private final Field wovenFlag;

    private BytecodeChecker(
            Method locatorFor, Method weave, Field bytes, Field companions, Field wovenFlag) {
        this.locatorFor = locatorFor;
        this.weave = weave;
        this.bytes = bytes;
        this.companions = companions;
        this.wovenFlag = wovenFlag;
    }

    /** The checker, or null when the weaver's classes are not reachable (no agent jar). */
    public static BytecodeChecker create() {
        // The transformer's own per-loader cache of class files, whichever form this weaver has.
        BytecodeChecker c = create("dev.weft.agent.hierarchy.LoaderHierarchies", "TypeHierarchy");
        c = c != null ? c : create("dev.weft.agent.analyze.LoaderHierarchies", "TypeHierarchy");
        return c != null ? c : create("dev.weft.agent.analyze.LoaderPools", "TypePool");
    }

    private static BytecodeChecker create(String perLoader, String secondParameter) {
        try {
            ClassLoader sys = ClassLoader.getSystemClassLoader();
            Class<?> pools = Class.forName(perLoader, false, sys);
            Class<?> weaver = Class.forName("dev.weft.agent.weave.Weaver", false, sys);
            Class<?> result = Class.forName("dev.weft.agent.weave.WeaveResult", false, sys);
            Method locatorFor = pools.getMethod("of", ClassLoader.class);
            Method weave = null;
            for (Method m : weaver.getMethods()) {
                if (m.getName().equals("weave")
                        && m.getParameterCount() == 2
                        && m.getParameterTypes()[1].getSimpleName().equals(secondParameter)) {
                    weave = m;
                }
            }
            if (weave == null) {
                return null;
            }
            return new BytecodeChecker(
                    locatorFor,
                    weave,
                    result.getField("bytes"),
                    result.getField("companions"),
                    result.getField("woven"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Problems found in the woven form of class {@code name} (binary name) of {@code loader},
     * which must have been initialized (so that its companions are defined). Empty when clean.
     */
    @SuppressWarnings("unchecked")
    public List<String> check(ProgramLoader loader, String name) {
        List<String> problems = new ArrayList<>();
        Object r = loader.weaveResults.get(name);
        if (r == null) { // not woven by the loader: weave it now
            r = weave(loader, loader.original(name));
        }
        if (r instanceof Throwable) {
            problems.add("weaver threw " + Outcome.describe((Throwable) r));
            return problems;
        }
        if (r == NOTHING) {
            return problems;
        }
        try {
            verify(name, (byte[]) bytes.get(r), loader, problems);
            for (Map.Entry<String, byte[]> c :
                    ((Map<String, byte[]>) companions.get(r)).entrySet()) {
                verify(c.getKey(), c.getValue(), loader, problems);
                try {
                    Class.forName(c.getKey().replace('/', '.'), true, loader);
                } catch (ClassNotFoundException e) {
                    // the host was not initialized by this run: CheckClassAdapter still covered it
                } catch (LinkageError e) {
                    problems.add("HotSpot on companion " + c.getKey() + ": " + Outcome.describe(e));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return problems;
    }

    /** The weaver's result for a class it leaves alone (it returns null; a map cannot keep that). */
    private static final Object NOTHING = new Object();

    /** The weaver's result for {@code original} in {@code loader}, NOTHING, or what it threw. */
    private Object weave(ProgramLoader loader, byte[] original) {
        try {
            Object r = weave.invoke(null, original, locatorFor.invoke(null, loader));
            return r == null ? NOTHING : r;
        } catch (ReflectiveOperationException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    /**
     * Weaves class {@code name} of {@code loader} as the agent's transformer would (the same
     * {@code Weaver.weave} over {@code LoaderHierarchies.of(loader)}, self-verifying as the agent
     * does by default), keeps the result for {@link #check}, and returns the bytes to define:
     * woven, or null to define {@code original} and leave it to the transformer.
     */
    byte[] weaveForDefinition(ProgramLoader loader, String name, byte[] original) {
        Object r = weave(loader, original);
        loader.weaveResults.put(name, r);
        if (r == NOTHING || r instanceof Throwable) {
            return null;
        }
        try {
            return (Boolean) wovenFlag.get(r) ? (byte[]) bytes.get(r) : null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CheckClassAdapter's problems with {@code b} (class {@code name}), types resolved in {@code loader}. */
    public static List<String> verify(String name, byte[] b, ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        verify(name, b, loader, problems);
        return problems;
    }

    private static void verify(String name, byte[] b, ClassLoader loader, List<String> problems) {
        StringWriter sw = new StringWriter();
        try {
            // ASM's Analyzer counts allocated bytes cumulatively (a frame of all locals per
            // handler per visit of a protected instruction) and charges 10 x i operations per
            // visit of instruction i: its defaults (400 MB, 5e10) refused the woven form of SYNC
            // program 62000023561 (12,900 instructions, 380 locals, 593 handlers), which
            // HotSpot verifies and runs. The check is a verifier, not a guard: no bound.
            CheckClassAdapter.verify(
                    new ClassReader(b),
                    loader,
                    false,
                    new PrintWriter(sw),
                    Integer.MAX_VALUE,
                    Long.MAX_VALUE);
        } catch (RuntimeException | LinkageError e) {
            problems.add("CheckClassAdapter crashed on " + name + ": " + Outcome.describe(e));
            return;
        }
        if (sw.getBuffer().length() > 0) {
            String s = sw.toString();
            problems.add(
                    "CheckClassAdapter on "
                            + name
                            + ": "
                            + (s.length() > 1500 ? s.substring(0, 1500) + "..." : s));
        }
    }
}
