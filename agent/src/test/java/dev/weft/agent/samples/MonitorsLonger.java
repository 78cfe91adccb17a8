package dev.weft.agent.samples;

import dev.weft.Generator;

/**
 * A longer javac method full of synchronized blocks: the generator g0 of fuzz program Pjalpumv
 * (seed 42000004183, family sync), its runtime helpers replaced by the small ones below. 12,888
 * instructions, 299 locals and 665 handlers (finally copies inside finally copies): the
 * held-monitor analysis merged every covered instruction's locals into every enclosing handler
 * and chased origin sets growing there, past ASM's operation bound, and rejected the method
 * ("Generator.yield inside a synchronized block") although no block holds a yield.
 */
@SuppressWarnings({"cast", "unused", "fallthrough", "serial"}) // fuzzer output, kept as generated
public final class MonitorsLonger {

    static final Object LOCK = new Object();
    static final Object[] LOCKS = {new Object(), new Object(), new Object(), new Object()};
    static final StringBuilder OUT = new StringBuilder();

    private MonitorsLonger() {}

    static Object lock(int k) {
        return LOCKS[Math.floorMod(k, LOCKS.length)];
    }

    static void t(Object v) {
        OUT.append(v).append(';');
    }

    static String show(int[] v) {
        return java.util.Arrays.toString(v);
    }

    static int va(int... xs) {
        return xs.length;
    }

    static String vs(Object... xs) {
        return java.util.Arrays.toString(xs);
    }

    enum Color {
        RED,
        GREEN,
        BLUE;

        static Color of(int i) {
            return values()[Math.floorMod(i, 3)];
        }
    }

    static final class FuzzException extends RuntimeException {
        FuzzException(String m) {
            super(m);
        }
    }

    static final class Res implements AutoCloseable {
        private final String name;

        Res(String name, int v) {
            this.name = name + ":" + v;
            t("open " + this.name);
        }

        int use(int x) {
            return x + 1;
        }

        @Override
        public void close() {
            t("close " + name);
        }
    }

    static final class Box {
        private final Object[] xs;

        Box(Object... xs) {
            this.xs = xs;
        }

        int sum() {
            return xs.length;
        }

        @Override
        public String toString() {
            return "Box" + java.util.Arrays.toString(xs);
        }
    }

    public static Generator<Integer> g0(int n81) throws Exception {
        try {
            L82:
            for (String e83 :
                    java.util.List.of(("k" + (short) 0 + 'f'), ("k" + (short) -3 + n81))) {
                int v84 = e83.length();
            }
        } catch (Exception ex85) {
            t("caught " + ex85.getMessage());
            {
                try (Res r86 = new Res("r86", ((false ? n81 : 6) << (8 & 7)))) {
                    t(r86.use(new int[] {7, 2}.length));
                    {
                        Box v87 = new Box(8);
                        t(("k" + "s2".toUpperCase() + "c1"));
                    }
                } catch (Exception ex88) {
                    t("twr caught " + ex88.getMessage());
                }
            }
        } finally {
            try {
                if (((9.5 < 0.25f) & true))
                    throw new FuzzException("t" + new int[] {8, 2}.clone().length);
                n81 += ((char) ('a' + Math.floorMod(((int) -3), 26)) + (short) (n81 + (byte) -2));
            } catch (RuntimeException ex89) {
                t("caught " + ex89.getMessage());
                {
                    synchronized (LOCK) {
                        char v90 = (char) ('a' + Math.floorMod(((int) n81), 26));
                        t(
                                (switch ("s3") {
                                    case "s1", "s2" -> "s1";
                                    case "s3" -> {
                                        t(6);
                                        yield java.util.Objects.requireNonNull("s2");
                                    }
                                    default -> "s3";
                                }));
                    }
                    Generator.yield((double) (int) (-2));
                }
            } catch (Exception ex91) {
                t("caught " + ex91.getMessage());
                {
                    t((char) ('a' + Math.floorMod(((int) n81), 26)));
                    float v92 = ((float) (short) ((short) 8) * (float) (short) ((short) 5));
                }
            } finally {
                try {
                    try {
                        int[] v93 = new int[] {-3, 2};
                        synchronized (MonitorsLonger.class) {
                            n81 = String.valueOf(((byte) (byte) 3)).length();
                            t((true ? new Box(7L, "s3", 1) : new Box(n81)));
                            boolean v94 = ((n81 % (n81 | 1)) == ('d' + (short) 4));
                        }
                        double v95 = ((long) (int) (n81) / 4.0);
                    } catch (Exception ex96) {
                        t("sync caught " + ex96.getMessage());
                        {
                            Generator.yield((byte) 8);
                            CharSequence v97 = "s0";
                        }
                    }
                    synchronized (lock(new int[] {2, 2}.length)) {
                        char v98 = (char) ('a' + Math.floorMod(((int) 2), 26));
                        try {
                            float v99 = (float) (short) ((short) (n81 + (byte) 2));
                            synchronized (LOCK) {
                                if (("k" + v98 + true).isEmpty())
                                    throw new FuzzException("t" + n81);
                                boolean v100 = true;
                                int[] v101 =
                                        new int[Math.floorMod(((int) (int) (long) (1L)), 4) + 1];
                            }
                            String v102 =
                                    ("k" + (char) ('a' + Math.floorMod(((int) n81), 26)) + n81);
                        } finally {
                            {
                                if (new StringBuilder("s3")
                                        .append(((float) 2.25f))
                                        .append(((double) 5.5))
                                        .toString()
                                        .isEmpty()) return null;
                                t(("k" + n81 + n81));
                            }
                        }
                        try {
                            v98 = (true ? v98 : 'i');
                            synchronized (MonitorsLonger.class) {
                                CharSequence v103 = "c2";
                                boolean v104 = (!true ^ false);
                            }
                            String v105 = vs(2, n81);
                        } catch (RuntimeException ex106) {
                            t("sync caught " + ex106.getMessage());
                            {
                                float v107 = (true ? 9.25f : 2.25f);
                                try {
                                    v98 = v98;
                                    synchronized (MonitorsLonger.class) {
                                        short v108 =
                                                (!true
                                                        ? (short) (1 + (byte) 9)
                                                        : (true ? (short) 8 : (short) 6));
                                    }
                                    String v109 = new Box(3L, "s1", n81).toString();
                                } catch (RuntimeException ex110) {
                                    t("sync caught " + ex110.getMessage());
                                    {
                                        Box v111 =
                                                (!true
                                                        ? new Box(0)
                                                        : (false ? new Box(2) : new Box(1)));
                                    }
                                } finally {
                                    {
                                        Object v112 = "o1";
                                    }
                                }
                            }
                        } finally {
                            {
                                if ((n81 != n81)) return null;
                                synchronized (MonitorsLonger.class) {
                                    byte v113 = (byte) (int) (6);
                                    Object v114 = "o1";
                                }
                            }
                        }
                    }
                    t(
                            (switch (new StringBuilder("s1")
                                    .append(((short) (short) 5))
                                    .append(((Box) new Box(-3)))
                                    .toString()) {
                                case "s1", "s2" -> "s0";
                                case "s3" -> {
                                    t((int) (long) (-1L));
                                    yield java.util.Objects.requireNonNull(("k" + 1L + false));
                                }
                                default -> vs(-3, "s3");
                            }));
                } catch (FuzzException ex115) {
                    t("sync caught " + ex115.getMessage());
                    {
                        double v116 = 7.5;
                        char v117 = (char) ('a' + Math.floorMod(((int) 7), 26));
                    }
                } finally {
                    {
                        int v118 = va(-1, n81, 8);
                    }
                }
                synchronized (LOCK) {
                    t(vs(vs(3.5, (byte) -1), (char) ('a' + Math.floorMod(((int) n81), 26))));
                    L119:
                    for (int i120 = 0; i120 < 2; i120++) {
                        synchronized (LOCK) {
                            String v121 = (!false ? ("k" + (short) 4 + 9.25f) : "s3");
                            double v122 = (5.5 + 4.5);
                            boolean v123 = (false ? v121.isEmpty() : (v122 < 3.25f));
                            if ((8.5 < -1.25f)) continue;
                            int[] v124 = new int[] {7, 2}.clone().clone();
                        }
                        float v125 = 3.25f;
                    }
                    synchronized (lock(new Box(5).sum())) {
                        String v126 = "s3";
                    }
                }
            }
            try (Res r127 = new Res("r127", ((n81 != 9) ? 9 : n81))) {
                t(r127.use((0 << (n81 & 7))));
                {
                    int v128 = n81;
                }
            }
        }
        Object v129 = (Object) ((char) (char) ('a' + Math.floorMod(((int) 5), 26)));
        switch (Color.of((int) ((va(n81, n81, 5) ^ n81)))) {
            case RED:
                {
                    Generator.yield("s3".length());
                    t(("k" + -2L + -3.5));
                }
                break;
            case BLUE:
                {
                    {
                        char v130 = (char) ('a' + Math.floorMod(((int) n81), 26));
                        Generator.yield((n81 << (va(n81, n81, -2) & 7)));
                    }
                    try {
                        if (("k" + "o2" + true).isEmpty())
                            throw new FuzzException(
                                    "t" + Integer.compare((n81 % (n81 | 1)), (false ? 3 : 6)));
                        synchronized (MonitorsLonger.class) {
                            t(
                                    (switch (show(new int[] {1, 2})) {
                                        case "s1", "s2" -> ("k" + (byte) 6 + 8.5);
                                        case "s3" -> {
                                            t((n81 * n81));
                                            yield java.util.Objects.requireNonNull(
                                                    (switch ("s2") {
                                                        case "s1", "s2" -> "s2";
                                                        case "s3" -> {
                                                            t(4);
                                                            yield java.util.Objects.requireNonNull(
                                                                    "s3");
                                                        }
                                                        default -> "s1";
                                                    }));
                                        }
                                        default -> String.valueOf(((CharSequence) "c1"));
                                    }));
                        }
                        Generator.yield((n81 << (n81 & 7)));
                    } finally {
                        {
                            if ((5.5 < 1.25f)) return null;
                        }
                    }
                }
            default:
                {
                    int[] v131 = new int[Math.floorMod(((int) n81), 4) + 1];
                }
        }
        return null;
    }
}
