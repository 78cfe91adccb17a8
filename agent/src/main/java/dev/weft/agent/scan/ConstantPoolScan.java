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
        /** References {@code dev/weft/Async} or {@code dev/weft/Generator}: parse and check. */
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

    private ConstantPoolScan() {}

    public static Verdict scan(byte[] b) {
        try {
            if (b.length < 10 || u4(b, 0) != 0xCAFEBABE) {
                return Verdict.CORRUPT;
            }
            int count = u2(b, 8);
            int p = 10;
            boolean candidate = false;
            for (int i = 1; i < count; i++) {
                int tag = b[p] & 0xFF;
                switch (tag) {
                    case 1: { // Utf8
                        int len = u2(b, p + 1);
                        int start = p + 3;
                        if (matches(b, start, len, MARKER)) {
                            return Verdict.WOVEN;
                        }
                        candidate |= matches(b, start, len, ASYNC) || matches(b, start, len, GENERATOR);
                        p = start + len;
                        break;
                    }
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                        p += 5;
                        break;
                    case 5: case 6: // Long, Double: take two pool slots
                        p += 9;
                        i++;
                        break;
                    case 7: case 8: case 16: case 19: case 20:
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

    private static boolean matches(byte[] b, int start, int len, byte[] target) {
        return len == target.length && Arrays.equals(b, start, start + len, target, 0, len);
    }

    private static int u2(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    private static int u4(byte[] b, int p) {
        return (u2(b, p) << 16) | u2(b, p + 2);
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
