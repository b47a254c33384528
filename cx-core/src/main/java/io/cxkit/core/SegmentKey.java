package io.cxkit.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The key of one segment: a tuple of string parts such as {@code ("web", "2026-01")}, or no parts
 * at all for the {@linkplain #overall() overall} segment that stands for "everything".
 *
 * <p>Keys sort lexicographically by part (each part compared as a {@code String}); a key that is a
 * prefix of another sorts first, so {@link #overall()} sorts before every other key. The label
 * joins the parts with {@code '|'} ({@code web|2026-01}); the overall key's label is
 * {@code (all)}. Parts may be empty strings but not null.
 *
 * @param parts the parts, in order; copied immutably; no null elements
 */
public record SegmentKey(List<String> parts) implements Comparable<SegmentKey> {

    private static final SegmentKey OVERALL = new SegmentKey(List.of());

    /**
     * Validates and copies the parts.
     *
     * @param parts the parts; no null elements
     * @throws NullPointerException if {@code parts} or one of its elements is null (the message
     *     gives the index)
     */
    public SegmentKey {
        Check.notNull(parts, "segment key parts");
        List<String> copy = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            copy.add(Check.notNull(parts.get(i), "segment key part " + i));
        }
        parts = List.copyOf(copy);
    }

    /**
     * Returns the key with the given parts.
     *
     * @param parts the parts, none null; none at all gives {@link #overall()}
     * @return the key
     * @throws NullPointerException if a part is null (the message gives its index)
     */
    public static SegmentKey of(String... parts) {
        Check.notNull(parts, "segment key parts");
        List<String> list = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            list.add(Check.notNull(parts[i], "segment key part " + i));
        }
        return list.isEmpty() ? OVERALL : new SegmentKey(list);
    }

    /**
     * Returns the key with no parts, which stands for all observations.
     *
     * @return the overall key
     */
    public static SegmentKey overall() {
        return OVERALL;
    }

    /**
     * Returns one part.
     *
     * @param index the zero-based index
     * @return the part at {@code index}
     * @throws IllegalArgumentException if {@code index} is not in {@code [0, size())}
     */
    public String part(int index) {
        if (index < 0 || index >= parts.size()) {
            throw new IllegalArgumentException("segment key part index must be in [0, " + parts.size()
                    + "): " + index + " (key " + label() + ")");
        }
        return parts.get(index);
    }

    /**
     * Returns the key made of some of this key's parts, in the order given: the roll-up key that
     * keeps those parts and drops the others. {@code select()} is {@link #overall()}.
     *
     * @param indices zero-based part indices, each in {@code [0, size())}
     * @return the key of the selected parts
     * @throws IllegalArgumentException if an index is out of range
     */
    public SegmentKey select(int... indices) {
        Check.notNull(indices, "indices");
        String[] picked = new String[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = part(indices[i]);
        }
        return of(picked);
    }

    /**
     * Returns the number of parts.
     *
     * @return the size; 0 for {@link #overall()}
     */
    public int size() {
        return parts.size();
    }

    /**
     * Tells whether this is the {@link #overall()} key.
     *
     * @return true if this key has no parts
     */
    public boolean isOverall() {
        return parts.isEmpty();
    }

    /**
     * Returns the parts joined with {@code '|'}, e.g. {@code web|2026-01}, or {@code (all)} for
     * the overall key.
     *
     * @return the label
     */
    public String label() {
        return parts.isEmpty() ? "(all)" : String.join("|", parts);
    }

    /**
     * Compares part by part; when one key is a prefix of the other, the shorter sorts first.
     *
     * @param other the other key
     * @return negative, zero or positive as this key sorts before, with or after {@code other}
     */
    @Override
    public int compareTo(SegmentKey other) {
        int n = Math.min(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            int c = parts.get(i).compareTo(other.parts.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(parts.size(), other.parts.size());
    }

    /**
     * Returns the {@link #label()}.
     *
     * @return the label
     */
    @Override
    public String toString() {
        return label();
    }
}
