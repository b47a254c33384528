package io.cxkit.survey;

import io.cxkit.core.SegmentDictionary;
import io.cxkit.core.SegmentKey;
import java.util.Arrays;

/**
 * Dense ids for names (touchpoints, channels) backed by a {@link SegmentDictionary} of one-part
 * keys, with an open-addressing front table keyed by {@link String#hashCode()} so that repeated
 * lookups neither box nor allocate.
 */
final class NameIds {
    final SegmentDictionary dictionary = new SegmentDictionary();
    private String[] names = new String[64];
    private int[] ids = new int[64];
    private int used;

    int idOf(String name) {
        int mask = names.length - 1;
        int h = mix(name.hashCode()) & mask;
        while (true) {
            String n = names[h];
            if (n == null) {
                break;
            }
            if (n.equals(name)) {
                return ids[h];
            }
            h = (h + 1) & mask;
        }
        int id = dictionary.idOf(SegmentKey.of(name));
        names[h] = name;
        ids[h] = id;
        if (++used * 2 > names.length) {
            grow();
        }
        return id;
    }

    String nameOf(int id) {
        return dictionary.keyOf(id).part(0);
    }

    int size() {
        return dictionary.size();
    }

    private void grow() {
        String[] oldNames = names;
        int[] oldIds = ids;
        names = new String[oldNames.length * 2];
        ids = new int[oldNames.length * 2];
        int mask = names.length - 1;
        for (int i = 0; i < oldNames.length; i++) {
            if (oldNames[i] != null) {
                int h = mix(oldNames[i].hashCode()) & mask;
                while (names[h] != null) {
                    h = (h + 1) & mask;
                }
                names[h] = oldNames[i];
                ids[h] = oldIds[i];
            }
        }
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    @Override
    public String toString() {
        return "NameIds" + Arrays.toString(dictionary.keys().toArray());
    }
}
