package dev.weft.testkit;

/** How the {@link Leaf} futures of one run behave. */
public enum Mode {
    /** Every leaf is ready on its first poll: no await suspends. */
    READY,
    /** Every leaf is pending at least once before its outcome: every await suspends. */
    PENDING
}
