package dev.weft.agent.samples;

/**
 * Names no weft class at all in its constant pool, only a descriptor returning
 * {@code dev.weft.Future}: scanned for the must-use warning and otherwise left alone.
 */
public class DiscardsWithoutAsync {

    public static int run() {
        Discards.load(); // DISCARD no-async
        return 1;
    }
}
