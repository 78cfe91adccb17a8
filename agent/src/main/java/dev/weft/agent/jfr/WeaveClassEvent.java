package dev.weft.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/** The agent wove a class while it loaded; the event's duration is the weave's. */
@Name("dev.weft.WeaveClass")
@Label("Weave Class")
@Category({"weft", "Weaving"})
@Description("The weft agent wove a class at load time; the duration is the time it took")
@StackTrace(false)
@Threshold("0 ms")
final class WeaveClassEvent extends jdk.jfr.Event {
    @Label("Class")
    String className;

    @Label("Woven Methods")
    @Description("-1 when the woven class came from the woven-class cache")
    int wovenMethods;

    @Label("Rejections")
    @Description("Methods of the class the weaver refused (each also a WeaveRejection event)")
    int rejections;

    @Label("Woven Size")
    @DataAmount
    int bytes;
}
