package dev.weft.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** The entries of a class directory or jar, in a stable order, and writing them back. */
final class ClassSet {

    /** Entry path ("a/b/C.class", "META-INF/...") to bytes; directories are not entries. */
    final Map<String, byte[]> entries = new LinkedHashMap<>();

    static ClassSet read(Path in) throws IOException {
        ClassSet set = new ClassSet();
        if (Files.isDirectory(in)) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.walk(in)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
            for (Path f : files) {
                set.entries.put(
                        in.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } else {
            try (ZipFile zip = new ZipFile(in.toFile())) {
                Enumeration<? extends ZipEntry> e = zip.entries();
                while (e.hasMoreElements()) {
                    ZipEntry z = e.nextElement();
                    if (z.isDirectory()) {
                        continue;
                    }
                    try (InputStream s = zip.getInputStream(z)) {
                        set.entries.put(z.getName(), s.readAllBytes());
                    }
                }
            }
        }
        return set;
    }

    void write(Path out) throws IOException {
        if (out.toString().endsWith(".jar") || out.toString().endsWith(".zip")) {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            try (OutputStream o = Files.newOutputStream(out);
                    ZipOutputStream zip = new ZipOutputStream(o)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
        } else {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                Path f = out.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
        }
    }
}
