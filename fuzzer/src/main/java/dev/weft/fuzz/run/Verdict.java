package dev.weft.fuzz.run;

import dev.weft.fuzz.exec.Outcome;

/** How one program fared. */
public final class Verdict {

    public enum Kind {
        PASS,
        /** javac rejected the generated source: a generator bug, not a weaver bug. */
        COMPILE_ERROR,
        /** The woven and the reference execution disagree. */
        MISMATCH,
        /** HotSpot refused a woven class (VerifyError and other linkage errors). */
        VERIFY,
        /** ASM's CheckClassAdapter found a problem in woven bytes, or the weaver threw. */
        CHECK,
        /** The fuzzer's own machinery failed (reference pending, reflection). */
        HARNESS,
        /**
         * The generator made a program past a class-file limit (javac's "code too large", or
         * ASM's bounds when the fuzzer rewrites javac's output): not run, neither a pass nor a
         * failure, counted and reported.
         */
        SKIPPED
    }

    public final Kind kind;
    public final String detail;
    public final Outcome woven;
    public final Outcome reference;

    public Verdict(Kind kind, String detail, Outcome woven, Outcome reference) {
        this.kind = kind;
        this.detail = detail;
        this.woven = woven;
        this.reference = reference;
    }

    public boolean failed() {
        return kind != Kind.PASS && kind != Kind.SKIPPED;
    }

    @Override
    public String toString() {
        return kind + (detail.isEmpty() ? "" : ": " + detail);
    }
}
