package app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.AsyncRuntime;
import org.junit.jupiter.api.Test;

class WelcomeTest {
    @Test
    void awaitsTheLibrarysBuildTimeWovenMethod() {
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            assertEquals("hello module!", rt.blockOn(Welcome.welcome()));
        }
    }
}
