package app;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.AsyncRuntime;
import dev.weft.Future;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreeterTest {
    /** An async method of the test class itself. */
    static Future<String> twice(String who) {
        String a = await(Greeter.greet(who));
        String b = await(Greeter.greet(who));
        return Future.ready(a + ", " + b);
    }

    @Test
    void awaitsAcrossARealSuspension() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            assertEquals("hello test, hello test", rt.blockOn(twice("test")));
        }
    }

    static List<String> jvmArguments() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }
}
