package dev.weft.agent.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Steps 1 and 3 of the protocol (package notes): {@code java -jar weft-agent.jar tasks <pid>}. */
public final class TasksCommand {

    private TasksCommand() {}

    /**
     * Prints the task dump of JVM {@code pid} to {@code out}.
     *
     * @return the exit status: 0, or 1 when the JVM could not be attached to or dumped (the
     *     reason on {@code err})
     */
    public static int run(String pid, PrintStream out, PrintStream err) {
        Path jar;
        try {
            jar =
                    Paths.get(
                            TasksCommand.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
        } catch (URISyntaxException | RuntimeException e) {
            err.println("weft: cannot locate weft-agent.jar to load into " + pid + ": " + e);
            return 1;
        }
        if (!Files.isRegularFile(jar)) {
            err.println(
                    "weft: tasks must run from weft-agent.jar (java -jar weft-agent.jar tasks <pid>), not from "
                            + jar);
            return 1;
        }
        Path file = null;
        try {
            file = Files.createTempFile("weft-tasks-", ".txt");
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                vm.loadAgent(jar.toString(), TargetDump.ARGUMENT + file);
            } finally {
                vm.detach();
            }
            out.print(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            return 0;
        } catch (AttachNotSupportedException | IOException e) {
            err.println(
                    "weft: cannot attach to JVM "
                            + pid
                            + ": "
                            + e.getMessage()
                            + " (is it running, a HotSpot JVM, and run by this user?)");
            return 1;
        } catch (AgentLoadException | AgentInitializationException e) {
            err.println("weft: the dump failed in JVM " + pid + ": " + e);
            return 1;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless; the dump was printed (or the reason)
                }
            }
        }
    }
}
