package dev.weft;

import java.util.List;
import java.util.Objects;

/**
 * Every live task of one runtime at one moment ({@link AsyncRuntime#dumpTasks()}); its
 * {@link #toString()} is the human-readable dump, the same text {@code java -jar weft-agent.jar
 * tasks <pid>} and the {@code dev.weft:type=AsyncRuntime} MBean print.
 *
 * <pre>{@code
 * TaskDump dump = rt.dumpTasks();
 * System.err.print(dump);                        // every task, each await at its line
 * long stuck = dump.tasks().stream()
 *         .filter(t -> t.state() == TaskSnapshot.State.IDLE)
 *         .count();
 * }</pre>
 *
 * <p>A snapshot taken while the runtime runs: a task completing meanwhile may or may not be in
 * it, and a running task's chain is read while its thread changes it.
 *
 * @param runtime the runtime's name and shape, e.g. {@code runtime-1 (2 workers, weft-worker-*)}
 * @param tasks the tasks that had not completed, in no particular order
 */
public record TaskDump(String runtime, List<TaskSnapshot> tasks) {

    /**
     * Copies {@code tasks}; the dump is immutable.
     *
     * @param runtime the runtime's name and shape
     * @param tasks the live tasks
     */
    public TaskDump {
        Objects.requireNonNull(runtime, "runtime");
        tasks = List.copyOf(tasks);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(runtime)
                .append(": ")
                .append(tasks.size())
                .append(tasks.size() == 1 ? " live task\n" : " live tasks\n");
        for (TaskSnapshot t : tasks) {
            t.appendTo(b);
        }
        return b.toString();
    }
}
