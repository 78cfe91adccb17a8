package dev.weft.agent.testkit;

import dev.weft.agent.scan.ClassFilter;
import dev.weft.agent.scan.ConstantPoolScan;
import dev.weft.agent.weave.WeaveResult;
import dev.weft.agent.weave.Weaver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Loads {@code dev.weft.agent.samples.*} child-first, woven exactly as the agent would (same
 * filter, scan and weaver, hierarchy read through this loader's resources); everything else
 * comes from the parent.
 */
public final class WeavingLoader extends ClassLoader {

    public static final String SAMPLES = "dev.weft.agent.samples.";

    /** Binary name to weave result, for every woven sample class. */
    public final Map<String, WeaveResult> woven = new LinkedHashMap<>();

    public WeavingLoader() {
        super(WeavingLoader.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(SAMPLES)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = original(name);
                String internal = name.replace('.', '/');
                if (ClassFilter.mayWeave(internal)
                        && ConstantPoolScan.scan(bytes) == ConstantPoolScan.Verdict.CANDIDATE) {
                    try {
                        WeaveResult r =
                                Weaver.weave(
                                        bytes,
                                        new ClassFileLocator.Compound(
                                                ClassFileLocator.Simple.of(name, bytes),
                                                ClassFileLocator.ForClassLoader.of(this)));
                        if (r != null) {
                            woven.put(name, r);
                            bytes = r.bytes;
                        }
                    } catch (Exception e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    public static byte[] original(String name) {
        try (InputStream in =
                WeavingLoader.class
                        .getClassLoader()
                        .getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalArgumentException("no class file for " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
