package dev.weft.internal.coroutine;

/**
 * The parsed line tables of companion classes ({@link Coroutine#lineTable}): parsed once per
 * class, on the first dump that meets it, into the finished {@code Class.method(File.java:line)}
 * string of every state, and kept with the class. A dump of 100,000 tasks suspended in a few
 * methods thus reads prepared strings instead of building one per frame.
 */
final class LineTables {

    /** One companion's table. */
    static final class Table {
        /** {@code Host.method}. */
        final String method;

        /** The source file, or "Unknown Source". */
        final String file;

        /** {@code sites[k - 1]}: where state k is suspended. */
        private final String[] sites;

        Table(String method, String file, String[] sites) {
            this.method = method;
            this.file = file;
            this.sites = sites;
        }

        /** {@code Host.method(File.java:line)} of suspension point {@code state}, line "?" when unknown. */
        String site(int state) {
            return state >= 1 && state <= sites.length
                    ? sites[state - 1]
                    : method + "(" + file + ":?)";
        }
    }

    /** One class's table, parsed from the first instance asked about; a race parses it twice, harmlessly. */
    private static final class Entry {
        private volatile Table table;
        private volatile boolean done;

        Table table(Coroutine<?> c) {
            if (!done) {
                table = parse(c.lineTable());
                done = true;
            }
            return table;
        }
    }

    private static final ClassValue<Entry> CACHE =
            new ClassValue<>() {
                @Override
                protected Entry computeValue(Class<?> type) {
                    return new Entry();
                }
            };

    private LineTables() {}

    /** The table of {@code c}'s companion class, or null when it has none. */
    static Table of(Coroutine<?> c) {
        return CACHE.get(c.getClass()).table(c);
    }

    /** Parses {@code host;method;l1,l2,...;file}; null for null or a malformed table. */
    static Table parse(String table) {
        if (table == null) {
            return null;
        }
        int a = table.indexOf(';');
        int b = a < 0 ? -1 : table.indexOf(';', a + 1);
        int c = b < 0 ? -1 : table.indexOf(';', b + 1);
        if (c < 0) {
            return null;
        }
        String method = table.substring(0, a) + "." + table.substring(a + 1, b);
        String file = table.substring(c + 1);
        if (file.isEmpty()) {
            file = "Unknown Source";
        }
        String lines = table.substring(b + 1, c);
        String[] l = lines.isEmpty() ? new String[0] : lines.split(",");
        String[] sites = new String[l.length];
        for (int i = 0; i < l.length; i++) {
            sites[i] = method + "(" + file + ":" + (l[i].equals("-1") ? "?" : l[i]) + ")";
        }
        return new Table(method, file, sites);
    }
}
