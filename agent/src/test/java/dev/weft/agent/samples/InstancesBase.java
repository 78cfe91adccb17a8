package dev.weft.agent.samples;

/** The superclass whose method an async method calls with {@code super.}. */
public class InstancesBase {
    public String greet() {
        return "base";
    }
}
