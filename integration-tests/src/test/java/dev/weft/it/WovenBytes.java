package dev.weft.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Access to woven class files outside the agent: runs the agent jar's command line, and pulls
 * the companion classes out of a woven host (their bytes are string constants passed to
 * {@code CompanionLoader.define} from the host's static initializer, per the woven-code contract).
 */
final class WovenBytes {

    private WovenBytes() {}

    /** What a command-line run of the agent jar printed, and its exit code. */
    record Run(int exitCode, String output) {}

    static Path agentJar() {
        String p = System.getProperty("weft.agent.jar", "../agent/target/weft-agent.jar");
        return Path.of(p);
    }

    /** Runs {@code java -jar weft-agent.jar args...} on the JDK running the tests. */
    static Run agentCli(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(agentJar().toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.getInputStream().transferTo(out);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("agent command line did not finish: " + cmd);
            }
            return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * {@code weave --cp <this JVM's class path> in out}: with the application's class path the
     * weaver resolves types exactly as at load time.
     */
    static Run weave(Path in, Path out) {
        return agentCli("weave", "--cp", classPath(), in.toString(), out.toString());
    }

    /** {@code check --cp <this JVM's class path> in}. */
    static Run check(Path in) {
        return agentCli("check", "--cp", classPath(), in.toString());
    }

    /**
     * This JVM's class path without entries that do not exist (this module has no
     * target/classes): the command line aborts on a missing entry, where java and javac skip it.
     */
    static String classPath() {
        return java.util.Arrays.stream(
                        System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> Files.exists(Path.of(e)))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * A copy of {@code from} without the class files whose names end with one of {@code skip}
     * (".class" appended), for runs that must not be stopped by a class tested elsewhere.
     */
    static Path copyWithout(Path from, Path to, String... skip) {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (java.util.Arrays.stream(skip)
                        .noneMatch(s -> f.toString().endsWith(s + ".class"))) {
                    Files.copy(f, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The companion class files embedded in {@code host}: for each call to
     * {@code CompanionLoader.define} in its static initializer, the string constants loaded since
     * the previous call, concatenated, one char per byte.
     */
    static List<byte[]> companions(byte[] host) {
        ClassNode cn = new ClassNode();
        new ClassReader(host).accept(cn, 0);
        List<byte[]> result = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            if (!m.name.equals("<clinit>")) {
                continue;
            }
            StringBuilder chunks = new StringBuilder();
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
                    chunks.append(s);
                } else if (insn instanceof MethodInsnNode call
                        && call.owner.equals("dev/weft/internal/coroutine/CompanionLoader")
                        && call.name.equals("define")) {
                    result.add(chunks.toString().getBytes(StandardCharsets.ISO_8859_1));
                    chunks.setLength(0);
                }
            }
        }
        return result;
    }
}
