package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The builder's driving option decides, not -Dweft.driver (which gives both the same mode). */
class DriverModesTest {

    private static List<String> names(AsyncRuntime rt) {
        return rt.threads().stream().map(Thread::getName).sorted().collect(Collectors.toList());
    }

    @Test
    void aThreadDrivenRuntimeHasItsOwnDriverThread() {
        try (AsyncRuntime rt = DriverModes.multi(1, "weft-mode-", false)) {
            assertEquals(
                    List.of("weft-mode-0", "weft-mode-driver", "weft-mode-watchdog"), names(rt));
        }
    }

    @Test
    void aWorkerDrivenRuntimeHasOnlyItsWorkers() {
        try (AsyncRuntime rt = DriverModes.multi(1, "weft-mode-", true)) {
            assertEquals(List.of("weft-mode-0", "weft-mode-watchdog"), names(rt));
        }
    }
}
