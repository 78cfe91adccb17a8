package dev.weft.agent.samples;

import dev.weft.Generator;

/**
 * A long javac method full of synchronized blocks (the generator g0 of fuzz program P5ighn9d,
 * seed 12000000001, with its runtime helpers replaced by the small ones below): loops, finally
 * copies and local slots reused by many blocks made the held-monitor analysis revisit its
 * instructions until ASM's operation bound rejected the method, although its only yields are
 * outside every block.
 */
@SuppressWarnings("cast") // fuzzer output kept as generated: its casts are part of the shape
public final class MonitorsLong {

    static final Object LOCK = new Object();
    static final Object[] LOCKS = {new Object(), new Object(), new Object(), new Object()};
    static final StringBuilder OUT = new StringBuilder();

    private MonitorsLong() {}

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

    static final class Box {
        private final Object[] xs;

        Box(Object... xs) {
            this.xs = xs;
        }

        Box with(Box other) {
            return new Box(this, other);
        }

        int sum() {
            return xs.length;
        }

        @Override
        public String toString() {
            return "Box" + java.util.Arrays.toString(xs);
        }
    }

    public static Generator<Integer> g0(int n136) throws Exception {
        L137:
        for (int i138 = 0; i138 < 2; i138++) {
            synchronized (LOCK) {
                L139:
                for (int i140 = 0; i140 < 1; i140++) {
                    synchronized (LOCK) {
                        Object v141 = (true ? "o2" : "o0");
                        int[] v142 = new int[] {i138, 2, i138};
                        String v143 = "s1";
                        if ((-3L == -3L)) break;
                        byte v144 = (byte) 9;
                    }
                    try {
                        if (((true ? 4L : 6L) == (-2L * 5L))) break;
                        synchronized (lock((int) (double) (5.5))) {
                            byte v145 = (byte) (int) (i138);
                            byte v146 = v145;
                        }
                        String v147 = new Box(1).with(new Box(3)).toString();
                    } finally {
                        {
                            String v148 = "s1";
                            if (!(false ? false : true))
                                throw new IllegalStateException(
                                        "t" + Integer.compare(n136, new Box(5).sum()));
                        }
                    }
                }
                {
                    int v149 = n136;
                }
                try {
                    boolean v150 = (!false ? (7L == 0L) : !false);
                    synchronized (LOCK) {
                        CharSequence v151 = (v150 ? "c1" : "c2");
                        String v152 = show(new int[] {6, 2});
                    }
                    synchronized (MonitorsLong.class) {
                        if (((double) (int) (9) < (float) (short) ((short) -3))) return null;
                        Object v153 =
                                ((v150 ^ v150)
                                        ? "s0"
                                        : (Integer) ((int) Math.max(((int) -2), ((int) n136))));
                        t(((6L / 4.0) - 4.5));
                    }
                } finally {
                    {
                        try {
                            try {
                                boolean v154 = (6.5 < 6.25f);
                                synchronized (lock(i138)) {
                                    boolean v155 = (8.5 < 0.25f);
                                    t((char) ('a' + Math.floorMod(((int) i138), 26)));
                                }
                                try {
                                    t((byte) (int) (i138));
                                    synchronized (lock((4 * i138))) {
                                        short v156 =
                                                ((-2L == -2L)
                                                        ? (short) (i138 + (byte) 5)
                                                        : (short) (-3 + (byte) 2));
                                    }
                                    L157:
                                    for (int i158 = 0; i158 < 1; i158++) {
                                        synchronized (LOCK) {
                                            if (v154) continue;
                                            long v159 = (long) (int) (i138);
                                            if ("s2".isEmpty()) continue;
                                            t(new Box(4).toString().toUpperCase());
                                        }
                                        if (new Box(8).toString().isEmpty()) return null;
                                    }
                                } catch (Exception ex160) {
                                    t("sync caught " + ex160.getMessage());
                                    {
                                        L161:
                                        for (int i162 = 0; i162 < 3; i162++) {
                                            synchronized (
                                                    lock(
                                                            (switch (Math.floorMod(((int) 6), 4)) {
                                                                case 0 -> n136;
                                                                case 1, 2 -> {
                                                                    t("s2");
                                                                    yield java.util.Objects
                                                                            .requireNonNull(i138);
                                                                }
                                                                default -> i162;
                                                            }))) {
                                                Object v163 = (Object) ((long) 7L);
                                                if (!false) continue L137;
                                                byte v164 = (byte) 9;
                                            }
                                            long v165 = (9 * 1000L);
                                        }
                                        short v166 = (short) (n136 + (byte) -3);
                                    }
                                } finally {
                                    {
                                        boolean v167 = (v154 ? false : v154);
                                        L168:
                                        for (int i169 = 0; i169 < 2; i169++) {
                                            synchronized (lock((6 / (-1 | 1)))) {
                                                if (v154) continue;
                                                if (v167) break;
                                                String v170 = String.valueOf(((double) 2.5));
                                            }
                                            synchronized (lock((1 * i138))) {
                                                Box v171 =
                                                        new Box(
                                                                (long) (int) (-1),
                                                                (switch ("s2") {
                                                                    case "s1", "s2" -> "s2";
                                                                    case "s3" -> {
                                                                        t(n136);
                                                                        yield java.util.Objects
                                                                                .requireNonNull(
                                                                                        "s3");
                                                                    }
                                                                    default -> "s0";
                                                                }),
                                                                va(n136, i138, 2));
                                            }
                                        }
                                    }
                                }
                            } finally {
                                {
                                    int v172 = new int[] {-3, i138, 3}.length;
                                    if ("s3".isEmpty())
                                        throw new IllegalStateException("t" + (v172 << (i138 & 7)));
                                }
                            }
                            synchronized (MonitorsLong.class) {
                                long v173 = (long) (int) (n136);
                            }
                            Box v174 = new Box(-3).with(new Box(3));
                        } catch (IllegalStateException ex175) {
                            t("sync caught " + ex175.getMessage());
                            {
                                float v176 =
                                        ((float) (short) ((short) 3) - (float) (short) ((short) 7));
                            }
                        }
                        boolean v177 = ((0L == -2L) & true);
                    }
                }
                if (false) continue;
                t(new Box(1));
            }
            Generator.yield((Object) ((boolean) (0L == 4L)));
        }
        return null;
    }
}
