package dev.weft.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The weaver refused a method; calling it throws IllegalStateException with the same message. */
@Name("dev.weft.WeaveRejection")
@Label("Weave Rejection")
@Category({"weft", "Weaving"})
@Description("The weft agent refused to weave a method; calling it throws IllegalStateException")
@StackTrace(false)
final class WeaveRejectionEvent extends jdk.jfr.Event {
    @Label("Class")
    String className;

    @Label("Message")
    @Description("Class.method(File.java:line): reason")
    String message;
}
