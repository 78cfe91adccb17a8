package dev.weft.maven;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last {@code weave} run left in a class directory, kept in {@code target/weft/}: per class
 * file, the hash of the bytes it left there and what the weaver said about it. A file whose hash
 * still matches was not recompiled since, so it is neither read by the weaver nor woven again.
 *
 * <p>The file starts with a key line naming the weaver jar and the class path; when either
 * changes every class is looked at again (already woven ones are still skipped by the marker).
 *
 * <pre>
 * key &lt;hash&gt;
 * C a/b/C.class &lt;hash&gt; &lt;methods&gt;
 * R &lt;rejection of the class above&gt;
 * W &lt;warning of the class above&gt;
 * </pre>
 */
final class WeaveState {

    /** One class file as the last run left it. */
    static final class Entry {
        final String hash;
        final int methods;
        final List<String> rejections = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        Entry(String hash, int methods) {
            this.hash = hash;
            this.methods = methods;
        }
    }

    final String key;
    final Map<String, Entry> entries = new TreeMap<>();

    WeaveState(String key) {
        this.key = key;
    }

    /** The state saved under {@code file}, or an empty one when there is none or its key differs. */
    static WeaveState load(Path file, String key) throws IOException {
        WeaveState s = new WeaveState(key);
        if (!Files.isRegularFile(file)) {
            return s;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null || !first.equals("key " + key)) {
                return s;
            }
            Entry last = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("C ")) {
                    // path (may contain spaces) hash methods
                    String f = line.substring(2);
                    int m = f.lastIndexOf(' ');
                    int h = f.lastIndexOf(' ', m - 1);
                    last = new Entry(f.substring(h + 1, m), Integer.parseInt(f.substring(m + 1)));
                    s.entries.put(f.substring(0, h), last);
                } else if (last != null && line.startsWith("R ")) {
                    last.rejections.add(unescape(line.substring(2)));
                } else if (last != null && line.startsWith("W ")) {
                    last.warnings.add(unescape(line.substring(2)));
                }
            }
        } catch (RuntimeException e) {
            return new WeaveState(key);
        }
        return s;
    }

    /** Written to a temporary file and moved, so an interrupted build never leaves half a state. */
    void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("key " + key + "\n");
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                Entry c = e.getValue();
                w.write("C " + e.getKey() + " " + c.hash + " " + c.methods + "\n");
                for (String m : c.rejections) {
                    w.write("R " + escape(m) + "\n");
                }
                for (String m : c.warnings) {
                    w.write("W " + escape(m) + "\n");
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String hash(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                b.append(String.format("%02x", d[i] & 0xff));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Messages may span lines (a verifier's report); one state line each. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
