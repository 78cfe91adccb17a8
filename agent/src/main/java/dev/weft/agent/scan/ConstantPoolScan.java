package dev.weft.agent.scan;

import java.util.Arrays;

/**
 * Walks a class file's constant pool looking for the UTF-8 constants that make a class a weaving
 * candidate. Reads only the header and the pool; never builds a parse tree.
 */
public final class ConstantPoolScan {

    /** What the scan found. */
    public enum Verdict {
        /** No reference to weft's suspension points: pass the bytes through untouched. */
        UNRELATED,
        /**
         * References {@code dev/weft/Async} or {@code dev/weft/Generator}, or has a method
         * descriptor returning {@code dev/weft/Future} (a call or a declaration, so that the
         * weaver can warn about futures never used): parse and check.
         */
        CANDIDATE,
        /** Carries the woven marker: already woven, pass through. */
        WOVEN,
        /** Not a readable class file (bad magic, truncated pool, unknown constant tag). */
        CORRUPT
    }

    /** The name of the class attribute that marks a woven class. */
    public static final String WOVEN_MARKER = "weft$woven";

    private static final byte[] ASYNC = utf8("dev/weft/Async");
    private static final byte[] GENERATOR = utf8("dev/weft/Generator");
    private static final byte[] MARKER = utf8(WOVEN_MARKER);
    private static final byte[] RETURNS_FUTURE = utf8(")Ldev/weft/Future;");

    private ConstantPoolScan() {}

    public static Verdict scan(byte[] b) {
        // Runs for every application class, mostly while the JVM still interprets it: the loop
        // makes no calls except for the rare UTF-8 constant whose length is one of the three names'
        // or that ends like a descriptor returning Future ("...e;").
        try {
            if (b.length < 10
                    || ((b[0] & 0xFF) << 24
                                    | (b[1] & 0xFF) << 16
                                    | (b[2] & 0xFF) << 8
                                    | (b[3] & 0xFF))
                            != 0xCAFEBABE) {
                return Verdict.CORRUPT;
            }
            int count = (b[8] & 0xFF) << 8 | (b[9] & 0xFF);
            int p = 10;
            boolean candidate = false;
            for (int i = 1; i < count; i++) {
                switch (b[p]) {
                    case 1:
                        { // Utf8
                            int len = (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF);
                            int start = p + 3;
                            if (len == MARKER.length && matches(b, start, MARKER)) {
                                return Verdict.WOVEN;
                            }
                            if ((len == ASYNC.length && matches(b, start, ASYNC))
                                    || (len == GENERATOR.length && matches(b, start, GENERATOR))
                                    || (len >= RETURNS_FUTURE.length
                                            && b[start + len - 2] == 'e'
                                            && returnsFuture(b, start, len))) {
                                candidate = true;
                            }
                            p = start + len;
                            break;
                        }
                    case 3:
                    case 4:
                    case 9:
                    case 10:
                    case 11:
                    case 12:
                    case 17:
                    case 18:
                        p += 5;
                        break;
                    case 5:
                    case 6: // Long, Double: take two pool slots
                        p += 9;
                        i++;
                        break;
                    case 7:
                    case 8:
                    case 16:
                    case 19:
                    case 20:
                        p += 3;
                        break;
                    case 15:
                        p += 4;
                        break;
                    default:
                        return Verdict.CORRUPT;
                }
            }
            if (p > b.length) {
                return Verdict.CORRUPT;
            }
            return candidate ? Verdict.CANDIDATE : Verdict.UNRELATED;
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return Verdict.CORRUPT;
        }
    }

    /**
     * A method descriptor ending in {@code )Ldev/weft/Future;}. Compared backwards from the end,
     * so the usual descriptor ({@code ...Ljava/lang/String;}) fails at its second-to-last byte.
     */
    private static boolean returnsFuture(byte[] b, int start, int len) {
        int n = RETURNS_FUTURE.length;
        if (len < n || start + len > b.length) {
            return false;
        }
        for (int i = 1; i <= n; i++) {
            if (b[start + len - i] != RETURNS_FUTURE[n - i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code target} at {@code b[start..]}; the caller checked the length. */
    private static boolean matches(byte[] b, int start, byte[] target) {
        return start + target.length <= b.length
                && Arrays.equals(b, start, start + target.length, target, 0, target.length);
    }

    /** The names are ASCII; not String.getBytes, whose charset lookup is class loading at start-up. */
    private static byte[] utf8(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }
}
