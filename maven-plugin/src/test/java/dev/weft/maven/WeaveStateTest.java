package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeaveStateTest {

    @TempDir Path dir;

    @Test
    void keepsHashesRejectionsAndWarningsOfEveryClass() throws Exception {
        WeaveState s = new WeaveState("k1");
        WeaveState.Entry a = new WeaveState.Entry(WeaveState.hash(new byte[] {1, 2}), 2);
        a.rejections.add("app.Locked.run(Locked.java:13): await inside a synchronized block");
        a.rejections.add("verify: two\nlines \\ and a backslash");
        a.warnings.add("app.A.f(A.java:3): discarded future");
        s.entries.put("app/with space/Locked.class", a);
        s.entries.put("app/B.class", new WeaveState.Entry("00ff", 0));
        Path file = dir.resolve("weft/weave.state");
        s.save(file);

        WeaveState back = WeaveState.load(file, "k1");
        assertEquals(s.entries.keySet(), back.entries.keySet());
        WeaveState.Entry b = back.entries.get("app/with space/Locked.class");
        assertEquals(a.hash, b.hash);
        assertEquals(2, b.methods);
        assertEquals(a.rejections, b.rejections);
        assertEquals(a.warnings, b.warnings);
        assertEquals(List.of(), back.entries.get("app/B.class").rejections);
    }

    @Test
    void anotherWeaverOrClassPathStartsOver() throws Exception {
        WeaveState s = new WeaveState("k1");
        s.entries.put("app/A.class", new WeaveState.Entry("00", 1));
        Path file = dir.resolve("weave.state");
        s.save(file);
        assertTrue(WeaveState.load(file, "k2").entries.isEmpty());
        assertTrue(WeaveState.load(dir.resolve("missing"), "k1").entries.isEmpty());
        Files.writeString(file, "key k1\nC garbage\n");
        assertTrue(WeaveState.load(file, "k1").entries.isEmpty());
    }

    @Test
    void hashesDifferForDifferentBytes() {
        assertEquals(32, WeaveState.hash(new byte[] {1}).length());
        assertTrue(!WeaveState.hash(new byte[] {1}).equals(WeaveState.hash(new byte[] {2})));
    }
}
