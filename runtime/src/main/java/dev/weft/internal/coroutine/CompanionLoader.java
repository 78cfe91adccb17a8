package dev.weft.internal.coroutine;

import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;

/**
 * Defines a woven class's companion state classes in the host's own class loader and package.
 *
 * <p>The weaver embeds each companion's class file in its host as string constants (one char per
 * byte, ISO-8859-1) and prepends a call to {@link #define} to the host's static initializer, so
 * that load-time and build-time weaving yield identical classes and no extra files. The host's
 * bytecode uses a companion only where its exact type or an interface is expected, so verifying
 * the host never loads it before it is defined here.
 */
public final class CompanionLoader {

    private CompanionLoader() {}

    /**
     * Defines the class whose bytes are the concatenation of {@code chunks}.
     *
     * @param host the host's full-privilege lookup ({@code MethodHandles.lookup()} in its clinit)
     */
    public static void define(MethodHandles.Lookup host, String... chunks) {
        // before any async method of the host can run: see EarlyInit for why
        EarlyInit.ensure();
        // one char per byte: ISO-8859-1 turns each char back into its byte, a bulk copy for the
        // Latin-1 strings these constants are (a loop of charAt ran interpreted at start-up)
        byte[] bytes;
        if (chunks.length == 1) {
            bytes = chunks[0].getBytes(StandardCharsets.ISO_8859_1);
        } else {
            int n = 0;
            for (String c : chunks) {
                n += c.length();
            }
            bytes = new byte[n];
            int i = 0;
            for (String c : chunks) {
                byte[] b = c.getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(b, 0, bytes, i, b.length);
                i += b.length;
            }
        }
        try {
            host.defineClass(bytes);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                    "weft: cannot define companion class in " + host.lookupClass(), e);
        }
    }
}
