package dev.weft.it.fuzz.rt;

/** A user type built with {@code new Box(a, await(b), c)}: the weaver must move, not spill, it. */
public final class Box {
    public final long a;
    public final String b;
    public final int c;

    public Box(long a, String b, int c) {
        this.a = a;
        this.b = b;
        this.c = c;
    }

    public Box(int a) {
        this(a, "", 0);
    }

    public int sum() {
        return (int) (a * 7 + c) + b.length();
    }

    public Box with(Box other) {
        return new Box(a + other.a, b + other.b, c ^ other.c);
    }

    @Override
    public String toString() {
        return "Box(" + a + "," + b + "," + c + ")";
    }
}
