package dev.weft.internal.dump;

/**
 * The task dump of one runtime over JMX, registered as {@code dev.weft:type=AsyncRuntime,name=runtime-<n>}
 * (jconsole, VisualVM: MBeans tab, operation {@code dumpTasks}).
 */
public interface TasksMXBean {

    /** The human-readable dump, as {@code AsyncRuntime.dumpTasks().toString()}. */
    String dumpTasks();

    /** How many tasks have not completed. */
    int getLiveTasks();
}
