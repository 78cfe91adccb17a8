package dev.weft.agent.cli;

/** PLACEHOLDER: the weaver issue implements check and weave. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.err.println("usage: java -jar weft-agent.jar check <dir-or-jar>... | weave <in> <out>");
        System.exit(2);
    }
}
