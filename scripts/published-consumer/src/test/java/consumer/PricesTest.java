package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.AsyncRuntime;
import org.junit.jupiter.api.Test;

class PricesTest {
    @Test
    void wovenAtBuildTimeAndRunning() {
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            assertEquals(30, rt.blockOn(Prices.total()));
        }
    }

    @Test
    void theAgentsPomBringsNoAsmOrByteBuddy() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.objectweb.asm.ClassReader"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("net.bytebuddy.ByteBuddy"));
    }
}
