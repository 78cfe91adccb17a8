package dev.weft.fuzz.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A piece of generated source: text and child nodes, in order. The shrinker edits the tree, not
 * the text: a node marked {@link #removable} (a statement or a method) may be dropped, and a node
 * with an {@link #alt} (an expression's literal, a compound statement's body) may be replaced by
 * it. Rendering concatenates what is left.
 */
public final class Node {

    /** Strings and Nodes, rendered in order. */
    final List<Object> parts = new ArrayList<>();

    /** True for statements in a block and for methods: dropping them keeps the syntax valid. */
    boolean removable;

    /** A simpler replacement (an expression's literal, a compound statement's body), or null. */
    Node alt;

    /** Shrinker state: dropped, or replaced by {@link #alt}. */
    boolean dropped;

    boolean useAlt;

    Node(Object... ps) {
        for (Object p : ps) {
            add(p);
        }
    }

    Node add(Object p, Object... more) {
        addOne(p);
        for (Object q : more) {
            addOne(q);
        }
        return this;
    }

    private void addOne(Object p) {
        if (p instanceof List) {
            for (Object q : (List<?>) p) {
                addOne(q);
            }
        } else if (p != null) {
            parts.add(p);
        }
    }

    static Node text(String s) {
        return new Node(s);
    }

    /** An expression that the shrinker may replace by {@code literal}. */
    static Node expr(String literal, Object... ps) {
        Node n = new Node(ps);
        n.alt = text(literal);
        return n;
    }

    static Node stmt(Object... ps) {
        Node n = new Node(ps);
        n.removable = true;
        return n;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        render(sb);
        return sb.toString();
    }

    void render(StringBuilder sb) {
        if (dropped) {
            return;
        }
        if (useAlt && alt != null) {
            alt.render(sb);
            return;
        }
        for (Object p : parts) {
            if (p instanceof Node) {
                ((Node) p).render(sb);
            } else {
                sb.append((String) p);
            }
        }
    }

    /** Pre-order walk over live nodes (not into dropped nodes, into the alt when it is used). */
    public void walk(Consumer<Node> visit) {
        if (dropped) {
            return;
        }
        visit.accept(this);
        if (useAlt && alt != null) {
            alt.walk(visit);
            return;
        }
        for (Object p : parts) {
            if (p instanceof Node) {
                ((Node) p).walk(visit);
            }
        }
    }

    public boolean isRemovable() {
        return removable;
    }

    public boolean hasAlt() {
        return alt != null && !useAlt;
    }

    public void setDropped(boolean d) {
        dropped = d;
    }

    public void setUseAlt(boolean u) {
        useAlt = u;
    }
}
