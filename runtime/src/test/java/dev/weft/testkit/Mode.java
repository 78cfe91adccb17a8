package dev.weft.testkit;

/** How the {@link Leaf} futures of one run behave. */
public enum Mode {
    /** Every leaf is ready on its first poll: no await suspends. */
    READY,
    /** Every leaf is pending at least once before its outcome: every await suspends. */
    PENDING,
    /**
     * Every leaf is pending exactly once, waking its waker during that poll: every await suspends
     * exactly once and nothing is parked, so a plain {@link Poller} drives it (the agent's tests,
     * which count suspensions). {@link BothModes} runs READY and PENDING only.
     */
    ONCE
}
