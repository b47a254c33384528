package io.cxkit.io;

import java.util.Arrays;

/**
 * Dense segment ids by a fixed-width tuple of dense value ids (one per segment attribute, plus the
 * period), found without making objects: for one or two ids (the usual "attribute" or "attribute ×
 * period") directly by index, rows of the grid grown on demand; otherwise, or for a second id of
 * {@value #GRID} or more, by open addressing over a flat int array.
 *
 * <p>Kept beside cx-core's {@link io.cxkit.core.SegmentDictionary} on purpose: that one is keyed by
 * {@link io.cxkit.core.SegmentKey} objects, and the point here is to make no key object per row.
 */
final class SegmentTable {
    private static final int GRID = 1 << 12;
    private final int width;
    private int[][] grid = new int[16][];
    private int[] keys;
    private int[] ids;
    private int used;

    SegmentTable(int width) {
        this.width = width;
        this.ids = new int[64];
        this.keys = new int[64 * width];
    }

    private static int hash(int[] t) {
        int h = 0;
        for (int v : t) {
            h = (h + v) * 0x9E3779B9;
        }
        return h ^ (h >>> 15);
    }

    /** The segment id of a tuple, or -1. */
    int get(int[] t) {
        if (width <= 2) {
            int a = t[0];
            int c = width == 1 ? 0 : t[1];
            if (c < GRID) {
                int[] row = a < grid.length ? grid[a] : null;
                return row != null && c < row.length ? row[c] - 1 : -1;
            }
        }
        int mask = ids.length - 1;
        int i = hash(t) & mask;
        int id;
        while ((id = ids[i]) != 0) {
            if (same(i, t)) {
                return id - 1;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /** Adds a tuple that is not in the table, with its segment id (&ge; 0). */
    void put(int[] t, int id) {
        if (width <= 2) {
            int a = t[0];
            int c = width == 1 ? 0 : t[1];
            if (c < GRID) {
                if (a >= grid.length) {
                    grid = Arrays.copyOf(grid, Math.max(a + 1, grid.length * 2));
                }
                int[] row = grid[a];
                if (row == null || c >= row.length) {
                    row = row == null ? new int[Math.max(4, c + 1)] : Arrays.copyOf(row, Math.max(c + 1, row.length * 2));
                    grid[a] = row;
                }
                row[c] = id + 1;
                return;
            }
        }
        if ((used + 1) * 2 > ids.length) {
            int[] ok = keys;
            int[] oi = ids;
            ids = new int[oi.length * 2];
            keys = new int[ids.length * width];
            used = 0;
            int[] tmp = new int[width];
            for (int j = 0; j < oi.length; j++) {
                if (oi[j] != 0) {
                    System.arraycopy(ok, j * width, tmp, 0, width);
                    insert(tmp, oi[j]);
                }
            }
        }
        insert(t, id + 1);
    }

    private void insert(int[] t, int stored) {
        int mask = ids.length - 1;
        int i = hash(t) & mask;
        while (ids[i] != 0) {
            i = (i + 1) & mask;
        }
        System.arraycopy(t, 0, keys, i * width, width);
        ids[i] = stored;
        used++;
    }

    private boolean same(int i, int[] t) {
        int o = i * width;
        for (int j = 0; j < width; j++) {
            if (keys[o + j] != t[j]) {
                return false;
            }
        }
        return true;
    }
}
