package io.cxkit.io;

import io.cxkit.survey.ScoreCard;

/**
 * Segment accumulators by a fixed-width tuple of dense ids (one per segment attribute, plus the
 * period): open addressing over a flat int array, so finding a row's segment makes no objects.
 */
final class SegmentTable {
    private final int width;
    private int[] keys;
    private ScoreCard[] cards;
    private int used;

    SegmentTable(int width) {
        this.width = width;
        this.cards = new ScoreCard[64];
        this.keys = new int[64 * width];
    }

    private static int hash(int[] t) {
        int h = 0;
        for (int v : t) {
            h = (h + v) * 0x9E3779B9;
        }
        return h ^ (h >>> 15);
    }

    ScoreCard get(int[] t) {
        int mask = cards.length - 1;
        int i = hash(t) & mask;
        ScoreCard c;
        while ((c = cards[i]) != null) {
            if (same(i, t)) {
                return c;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Adds a tuple that is not in the table. */
    void put(int[] t, ScoreCard card) {
        if ((used + 1) * 2 > cards.length) {
            int[] ok = keys;
            ScoreCard[] oc = cards;
            cards = new ScoreCard[oc.length * 2];
            keys = new int[cards.length * width];
            used = 0;
            int[] tmp = new int[width];
            for (int j = 0; j < oc.length; j++) {
                if (oc[j] != null) {
                    System.arraycopy(ok, j * width, tmp, 0, width);
                    insert(tmp, oc[j]);
                }
            }
        }
        insert(t, card);
    }

    private void insert(int[] t, ScoreCard card) {
        int mask = cards.length - 1;
        int i = hash(t) & mask;
        while (cards[i] != null) {
            i = (i + 1) & mask;
        }
        System.arraycopy(t, 0, keys, i * width, width);
        cards[i] = card;
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
