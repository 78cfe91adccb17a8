package dev.weft.fuzz.exec;

import java.util.List;

/** What one execution of a program showed: its result (value or exception) and its trace. */
public final class Outcome {

    /** "value &lt;v&gt;", "throw &lt;class&gt;: &lt;message&gt;", or a harness verdict ("stuck: ..."). */
    public final String result;

    public final List<String> trace;

    /** The throwable behind {@link #result}, if any (not compared; for classifying). */
    public final Throwable thrown;

    Outcome(String result, List<String> trace, Throwable thrown) {
        this.result = result;
        this.trace = trace;
        this.thrown = thrown;
    }

    /** True when the woven run died of a class-file problem (HotSpot verifier and friends). */
    public boolean isVerifyError() {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof VerifyError
                    || t instanceof ClassFormatError
                    || t instanceof IncompatibleClassChangeError
                    || t instanceof NoClassDefFoundError) {
                return true;
            }
        }
        return false;
    }

    public boolean sameAs(Outcome o) {
        return result.equals(o.result) && trace.equals(o.trace);
    }

    /**
     * The result line followed by the trace, one entry a line: what a regression test written by
     * {@link dev.weft.fuzz.run.RegressionWriter} expects, byte for byte.
     */
    public String text() {
        StringBuilder sb = new StringBuilder(result);
        for (String t : trace) {
            sb.append('\n').append(t);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return result + " trace=" + trace;
    }

    static String describe(Throwable t) {
        return t.getClass().getName() + ": " + t.getMessage();
    }
}
