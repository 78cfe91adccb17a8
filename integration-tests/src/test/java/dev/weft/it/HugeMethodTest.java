package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Mode;

/**
 * A method with 1,000 int locals live across an await: legal Java that javac compiles. The weaver
 * must weave it; failing that, it must reject that one method with a located message and still
 * weave its sibling, never leave the whole class unwoven.
 */
class HugeMethodTest {

    @BothModes
    void siblingOfAHugeMethodIsWoven(Mode mode) {
        assertEquals(2L, Drive.value(mode, GeneratedHuge::small));
    }

    @BothModes
    void thousandLocalsLiveAcrossAnAwait(Mode mode) {
        Drive.Outcome<Long> o = Drive.run(mode, GeneratedHuge::huge);
        if (o.error() instanceof IllegalStateException rejected
                && rejected.getMessage()
                        .startsWith("dev.weft.it.GeneratedHuge.huge(GeneratedHuge.java:")) {
            int line = SourceLines.lineOf("dev/weft/it/GeneratedHuge.java", "// HUGE await");
            assertEquals(
                    "GeneratedHuge.java:" + line,
                    rejected.getMessage().replaceAll(".*\\((.*)\\).*", "$1"),
                    "a rejection must name the await's line");
            return;
        }
        if (o.error() != null) {
            throw new AssertionError("neither woven nor rejected with a location", o.error());
        }
        assertEquals(GeneratedHuge.HUGE_EXPECTED, o.value());
    }
}
