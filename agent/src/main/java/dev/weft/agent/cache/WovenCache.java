package dev.weft.agent.cache;

import dev.weft.agent.hierarchy.TypeHierarchy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load-time weaving results kept in a directory, one file per class and input: the input bytes
 * themselves (compared in full on a lookup, so no hash collision can serve a wrong entry), the
 * agent build that wove them, the type headers the weave consulted, the messages it printed, and
 * the woven bytes (or none, when the class loads as it is).
 *
 * <p>Why the consulted headers: a woven body's stack map frames name the common super classes of
 * the types that meet at a merge, read from other classes' files. If one of those changed since
 * (a library upgraded under the same application class), the cached frames could be wrong; the
 * lookup re-reads each consulted header and treats any difference as a miss. Several JVMs may
 * share a directory: an entry is written to a temporary file and moved into place atomically.
 */
public final class WovenCache {

    private static final int MAGIC = 0x57465443; // "WFTC"
    private static final int FORMAT = 1;

    /** A cached result: the woven bytes (null: load as it is) and what weaving printed. */
    public static final class Entry {
        public final byte[] woven;
        public final List<String> rejections;
        public final List<String> warnings;

        public Entry(byte[] woven, List<String> rejections, List<String> warnings) {
            this.woven = woven;
            this.rejections = rejections;
            this.warnings = warnings;
        }
    }

    private final Path dir;
    private final String agentId;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public WovenCache(Path dir, String agentId) {
        this.dir = dir;
        this.agentId = agentId;
    }

    /**
     * Which build of the agent is running: its jar's path, size and modification time, so a
     * rebuilt or upgraded agent never reads entries of another. Not a jar (classes on a
     * directory, as in the agent's own tests): a value unique to this JVM, so nothing is reused.
     */
    public static String agentIdentity(Class<?> agentClass) {
        try {
            CodeSource cs = agentClass.getProtectionDomain().getCodeSource();
            if (cs != null && cs.getLocation() != null) {
                File f = new File(cs.getLocation().toURI());
                if (f.isFile()) {
                    return f.getAbsolutePath() + ":" + f.length() + ":" + f.lastModified();
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through: no stable identity
        }
        return "unstable:" + System.nanoTime() + ":" + System.identityHashCode(agentClass);
    }

    /** Lookups answered from the directory. */
    public long hits() {
        return hits.get();
    }

    /** Lookups that fell through to weaving. */
    public long misses() {
        return misses.get();
    }

    private Path file(String className, byte[] in) {
        return dir.resolve(
                className.replace('/', '.')
                        + "-"
                        + Integer.toHexString(Arrays.hashCode(in))
                        + ".woven");
    }

    /**
     * The cached result for {@code in}, or null. {@code hierarchy} is the class's loader's, used
     * to check that the headers the weave consulted read the same today.
     */
    public Entry lookup(String className, byte[] in, TypeHierarchy hierarchy) {
        Path f = file(className, in);
        byte[] all;
        try {
            all = Files.readAllBytes(f);
        } catch (IOException | RuntimeException absent) {
            misses.incrementAndGet();
            return null;
        }
        try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(all))) {
            if (d.readInt() != MAGIC || d.readInt() != FORMAT || !d.readUTF().equals(agentId)) {
                misses.incrementAndGet();
                return null;
            }
            byte[] cachedIn = new byte[d.readInt()];
            d.readFully(cachedIn);
            if (!Arrays.equals(cachedIn, in)) {
                misses.incrementAndGet();
                return null;
            }
            int facts = d.readInt();
            for (int i = 0; i < facts; i++) {
                String name = d.readUTF();
                String fact = d.readUTF();
                if (!fact.equals(hierarchy.factOf(name))) {
                    misses.incrementAndGet();
                    return null;
                }
            }
            List<String> rejections = readStrings(d);
            List<String> warnings = readStrings(d);
            int n = d.readInt();
            byte[] woven = null;
            if (n >= 0) {
                woven = new byte[n];
                d.readFully(woven);
            }
            hits.incrementAndGet();
            return new Entry(woven, rejections, warnings);
        } catch (IOException | RuntimeException corrupt) {
            misses.incrementAndGet();
            return null;
        }
    }

    /**
     * Records the result of weaving {@code in}. {@code consulted} is what
     * {@link TypeHierarchy#record} collected during that weave; the types the weave declared
     * itself (the class and what it generated) are left out, they come from {@code in}.
     *
     * @throws IOException when the directory cannot be written (the caller reports it once)
     */
    public void store(
            String className,
            byte[] in,
            TypeHierarchy hierarchy,
            Map<String, String> consulted,
            Entry e)
            throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(in.length * 3 + 512);
        try (DataOutputStream d = new DataOutputStream(buf)) {
            d.writeInt(MAGIC);
            d.writeInt(FORMAT);
            d.writeUTF(agentId);
            d.writeInt(in.length);
            d.write(in);
            List<Map.Entry<String, String>> facts = new ArrayList<>();
            for (Map.Entry<String, String> f : consulted.entrySet()) {
                if (!hierarchy.isDeclared(f.getKey())) {
                    facts.add(f);
                }
            }
            d.writeInt(facts.size());
            for (Map.Entry<String, String> f : facts) {
                d.writeUTF(f.getKey());
                d.writeUTF(f.getValue());
            }
            writeStrings(d, e.rejections);
            writeStrings(d, e.warnings);
            d.writeInt(e.woven == null ? -1 : e.woven.length);
            if (e.woven != null) {
                d.write(e.woven);
            }
        }
        Files.createDirectories(dir);
        Path target = file(className, in);
        Path tmp = Files.createTempFile(dir, ".weft-", ".tmp");
        try {
            Files.write(tmp, buf.toByteArray());
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static List<String> readStrings(DataInputStream d) throws IOException {
        int n = d.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(d.readUTF());
        }
        return out;
    }

    private static void writeStrings(DataOutputStream d, List<String> list) throws IOException {
        d.writeInt(list.size());
        for (String s : list) {
            d.writeUTF(s);
        }
    }
}
