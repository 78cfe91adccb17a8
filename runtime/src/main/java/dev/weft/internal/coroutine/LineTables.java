package dev.weft.internal.coroutine;

/**
 * The parsed line tables of companion classes ({@link Coroutine#lineTable}), parsed once per
 * class on the first dump that meets it and kept with the class, so a dump of 100,000 tasks
 * suspended in the same few methods splits each table once.
 */
final class LineTables {

    private LineTables() {}

    /** {@code [host, method, file, line1, line2, ...]} of {@code c}'s companion, or null. */
    static String[] of(Coroutine<?> c) {
        return CACHE.get(c.getClass()).parsed(c);
    }

    /** The line of suspension point {@code state}, or "?" when the table has none for it. */
    static String line(String[] table, int state) {
        int i = state + 2;
        return state >= 1 && i < table.length && !table[i].equals("-1") ? table[i] : "?";
    }

    /** One class's table, parsed from the first instance asked about. */
    private static final class Entry {
        private volatile String[] parsed;
        private volatile boolean done;

        String[] parsed(Coroutine<?> c) {
            if (!done) {
                parsed = parse(c.lineTable());
                done = true;
            }
            return parsed;
        }
    }

    private static final ClassValue<Entry> CACHE = new ClassValue<>() {
        @Override
        protected Entry computeValue(Class<?> type) {
            return new Entry();
        }
    };

    /** Splits {@code host;method;l1,l2,...;file}; null for null or a malformed table. */
    static String[] parse(String table) {
        if (table == null) {
            return null;
        }
        int a = table.indexOf(';');
        int b = a < 0 ? -1 : table.indexOf(';', a + 1);
        int c = b < 0 ? -1 : table.indexOf(';', b + 1);
        if (c < 0) {
            return null;
        }
        String lines = table.substring(b + 1, c);
        String[] l = lines.isEmpty() ? new String[0] : lines.split(",");
        String[] t = new String[3 + l.length];
        t[0] = table.substring(0, a);
        t[1] = table.substring(a + 1, b);
        String file = table.substring(c + 1);
        t[2] = file.isEmpty() ? "Unknown Source" : file;
        System.arraycopy(l, 0, t, 3, l.length);
        return t;
    }
}
