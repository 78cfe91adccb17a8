package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.WeavingTransformer;
import dev.weft.agent.hierarchy.TypeHierarchy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * What the start-up work (docs/design.md, "Start-up cost of load-time weaving") must not
 * change: the load-time transformer, which
 * skips the weaver's self-verification by default, defines exactly the bytes the verifying
 * weave (command line, tests) produces; and the single write pass, which computes frames only
 * for the woven bodies, leaves every method the weaver did not rewrite as it was, frames included.
 */
class LoadTimeModeTest {

    private static final String SAMPLES = "dev/weft/agent/samples/";

    private static byte[] original(String simpleName) throws IOException {
        try (InputStream in =
                LoadTimeModeTest.class
                        .getClassLoader()
                        .getResourceAsStream(SAMPLES + simpleName + ".class")) {
            assertNotNull(in, simpleName);
            return in.readAllBytes();
        }
    }

    private static TypeHierarchy hierarchy() {
        return new TypeHierarchy(
                ClassFileLocator.ForClassLoader.of(LoadTimeModeTest.class.getClassLoader()));
    }

    @Test
    void skippingSelfVerificationDefinesTheVerifiedBytes() throws Exception {
        assertTrue(new WeavingTransformer().selfVerifies(), "the load-time default verifies");
        WeavingTransformer loadTime = new WeavingTransformer(null, false);
        assertTrue(!loadTime.selfVerifies(), "noverify skips the self-verification");
        int compared = 0;
        for (String s : VerifyAndIdentityTest.SAMPLES) {
            byte[] in = original(s);
            WeaveResult verified = Weaver.weave(in, hierarchy(), true);
            WeaveResult unverified = Weaver.weave(in, hierarchy(), false);
            assertNotNull(verified, s);
            assertArrayEquals(verified.bytes, unverified.bytes, s);
            assertEquals(verified.companions.keySet(), unverified.companions.keySet(), s);
            for (Map.Entry<String, byte[]> c : verified.companions.entrySet()) {
                assertArrayEquals(c.getValue(), unverified.companions.get(c.getKey()), c.getKey());
            }
            // the transformer itself, over a fresh loader of the same classes
            byte[] defined =
                    loadTime.transform(
                            new ClassLoader(getClass().getClassLoader()) {},
                            SAMPLES + s,
                            null,
                            null,
                            in);
            assertArrayEquals(verified.bytes, defined, s);
            compared++;
        }
        assertEquals(VerifyAndIdentityTest.SAMPLES.length, compared);
    }

    @Test
    void methodsTheWeaverDidNotRewriteKeepTheirCodeAndFrames() throws Exception {
        int kept = 0;
        int withFrames = 0;
        for (String s : VerifyAndIdentityTest.SAMPLES) {
            byte[] in = original(s);
            WeaveResult r = Weaver.weave(in, hierarchy(), true);
            Set<String> rewritten = new HashSet<>();
            for (MethodReport m : r.methods) {
                rewritten.add(m.method + m.descriptor);
            }
            rewritten.add("<clinit>()V"); // the companions' definitions are prepended to it
            Map<String, String> before = methods(in);
            Map<String, String> after = methods(r.bytes);
            for (Map.Entry<String, String> m : before.entrySet()) {
                if (rewritten.contains(m.getKey())
                        || m.getValue().contains("dev/weft/Async.")
                        || m.getValue().contains("dev/weft/Generator.")) {
                    continue; // woven, or rejected (its suspension calls now throw)
                }
                assertEquals(m.getValue(), after.get(m.getKey()), s + "." + m.getKey());
                kept++;
                withFrames += m.getValue().contains("FRAME") ? 1 : 0;
            }
        }
        assertTrue(kept > 10, "compared " + kept + " methods");
        assertTrue(withFrames > 0, "some kept method has frames of its own");
    }

    /** Name + descriptor to the method's code as text, frames as stored (compressed). */
    private static Map<String, String> methods(byte[] bytes) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, 0);
        Map<String, String> out = new HashMap<>();
        for (MethodNode m : cn.methods) {
            Textifier t = new Textifier();
            m.accept(new TraceMethodVisitor(t));
            StringWriter w = new StringWriter();
            t.print(new PrintWriter(w));
            out.put(m.name + m.desc, w.toString());
        }
        return out;
    }
}
