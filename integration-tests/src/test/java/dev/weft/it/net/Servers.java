package dev.weft.it.net;

import org.junit.jupiter.api.Assumptions;

/**
 * Real peers (redis-server, curl) come from locally installed binaries: there is no Docker engine
 * here, so Testcontainers is not used. Missing binaries fail the test when
 * WEFT_REQUIRE_SERVERS=1 (set by .ci/run, which installs them) and skip it elsewhere.
 */
final class Servers {

    private Servers() {}

    static void requireOrSkip(boolean available, String why) {
        if (available) {
            return;
        }
        if ("1".equals(System.getenv("WEFT_REQUIRE_SERVERS"))) {
            throw new AssertionError(why + " and WEFT_REQUIRE_SERVERS=1");
        }
        Assumptions.assumeTrue(false, why + " (set WEFT_REQUIRE_SERVERS=1 to make this a failure)");
    }
}
