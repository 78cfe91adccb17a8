package dev.weft.agent.attach;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;

/** Step 2 of the protocol (package notes): runs inside the target JVM. */
public final class TargetDump {

    /** The agent argument that asks for a dump: {@code tasks=<file>}. */
    public static final String ARGUMENT = "tasks=";

    static final String REGISTRY = "dev.weft.internal.dump.RuntimeRegistry";

    private TargetDump() {}

    /** Writes the dump of every runtime of every loaded copy of weft into the file named by {@code args}. */
    public static void run(String args, Instrumentation inst) throws IOException {
        Path out = Paths.get(args.substring(ARGUMENT.length()));
        String text;
        try {
            text = dumpAll(inst);
        } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
            text = "weft: the dump failed in the target JVM: " + e + "\n";
        }
        Files.write(out, text.getBytes(StandardCharsets.UTF_8));
    }

    static String dumpAll(Instrumentation inst) throws ReflectiveOperationException {
        StringBuilder b = new StringBuilder();
        int copies = 0;
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (!c.getName().equals(REGISTRY)) {
                continue;
            }
            copies++;
            openTo(inst, c);
            if (copies > 1) {
                b.append("(weft loaded by ").append(c.getClassLoader()).append(")\n");
            }
            try {
                b.append((String) c.getMethod("dumpAll").invoke(null));
            } catch (InvocationTargetException e) {
                b.append("weft: dumping the runtimes of ")
                        .append(c.getClassLoader())
                        .append(" failed: ")
                        .append(e.getCause())
                        .append('\n');
            }
        }
        if (copies == 0) {
            b.append(
                    "no weft runtime in this JVM (weft-runtime has not created any AsyncRuntime yet)\n");
        }
        return b.toString();
    }

    /** weft-runtime on the module path exports no internal package: export this one to us. */
    private static void openTo(Instrumentation inst, Class<?> registry) {
        Module m = registry.getModule();
        Module me = TargetDump.class.getModule();
        String pkg = registry.getPackageName();
        if (m.isNamed() && !m.isExported(pkg, me) && inst.isModifiableModule(m)) {
            inst.redefineModule(m, Set.of(), Map.of(pkg, Set.of(me)), Map.of(), Set.of(), Map.of());
        }
    }
}
