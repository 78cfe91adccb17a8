package dev.weft.it.fuzz.rt;

/** A resource for try-with-resources: opening and closing are traced, closing must happen once. */
public final class Res implements AutoCloseable {
    private final String name;
    private boolean closed;

    public Res(String name, int v) {
        this.name = name + ":" + v;
        T.t("open " + this.name);
    }

    public int use(int x) {
        if (closed) {
            throw new FuzzException("use after close " + name);
        }
        return x * 31 + name.length();
    }

    @Override
    public void close() {
        if (closed) {
            T.t("double close " + name);
        }
        closed = true;
        T.t("close " + name);
    }
}
