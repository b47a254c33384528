package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link NameDictionary} against a {@code HashMap} and {@link String#compareTo}. */
class NameDictionaryTest {
    /** Characters from ASCII, Latin-1, the BMP above U+E000, and supplementary planes (surrogate pairs). */
    private static final String[] PIECES = {"a", "b", "c1", "Z", "é", "ß", "中", "\uE000", "\uFFFD", "\uFF21",
        "😀", "𝄞", "", "-", "~"};

    static String randomName(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Property(tries = 200)
    void idsNamesAndOrderAgreeWithStrings(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n) {
        Random r = new Random(seed);
        NameDictionary d = new NameDictionary();
        Map<String, Integer> expected = new HashMap<>();
        List<String> byId = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = randomName(r);
            Integer id = expected.get(s);
            if (id == null) {
                id = byId.size();
                expected.put(s, id);
                byId.add(s);
            }
            assertEquals((int) id, d.idOf(s), s);
        }
        assertEquals(byId.size(), d.size());
        assertEquals(byId, d.names());
        for (int i = 0; i < 20; i++) {
            String s = randomName(r);
            assertEquals(expected.getOrDefault(s, -1), d.find(s), s);
        }
        int[] rank = d.sortedRanks();
        for (int a = 0; a < d.size(); a++) {
            assertEquals(byId.get(a), d.name(a));
            for (int b = 0; b < d.size(); b++) {
                int want = Integer.signum(byId.get(a).compareTo(byId.get(b)));
                assertEquals(want, Integer.signum(d.compare(a, b)), byId.get(a) + " vs " + byId.get(b));
                assertEquals(want, Integer.signum(Integer.compare(rank[a], rank[b])));
            }
        }
    }

    @Test
    void aMillionCustomerIdsTakeAboutFiftyBytesEach() {
        NameDictionary d = new NameDictionary();
        for (int i = 0; i < 1_000_000; i++) {
            d.idOf("c" + (1_000_000 + i)); // 8 characters
        }
        assertEquals(1_000_000, d.size());
        double perName = (double) d.residentBytes() / d.size();
        // 8 bytes of UTF-8, 8 offset and hash, 16 × 2^21 / 10^6 table: 49.6 (the arrays grow by doubling)
        assertTrue(perName > 45 && perName < 56, "bytes a name: " + perName);
        assertEquals(999_999, d.find("c1999999"));
        assertEquals("c1999999", d.name(999_999));
    }

    @Test
    void badIdsAreNamed() {
        NameDictionary d = new NameDictionary();
        d.idOf("x");
        assertEquals("name id must be in [0, 1): 1", assertThrows(IndexOutOfBoundsException.class,
                () -> d.name(1)).getMessage());
        assertEquals("name ids must be in [0, 1): 0, -1", assertThrows(IndexOutOfBoundsException.class,
                () -> d.compare(0, -1)).getMessage());
        assertEquals("NameDictionary[1 names]", d.toString());
    }

    /** Names with long shared prefixes, NULs, trailing NULs and every kind of character, for the radix sort. */
    static String prefixedName(Random r) {
        String[] heads = {"", "customer-", "customer-0000", "C00", "\u0000", "ab\u0000", "中文中文中文中文"};
        StringBuilder sb = new StringBuilder(heads[r.nextInt(heads.length)]);
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(r.nextInt(4) == 0 ? "\u0000" : PIECES[r.nextInt(PIECES.length)]);
        }
        if (r.nextInt(5) == 0) {
            sb.append(r.nextInt(1000));
        }
        return sb.toString();
    }

    @Property(tries = 200)
    void bytesFindTheIdsOfTheirStringsAndSortAgreesWithCompareTo(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 400) int n) {
        Random r = new Random(seed);
        NameDictionary d = new NameDictionary();
        List<String> byId = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = r.nextBoolean() ? prefixedName(r) : randomName(r);
            byte[] utf8 = ("<" + s + ">").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int len = utf8.length - 2;
            int before = d.size();
            int id = r.nextBoolean() ? d.idOf(utf8, 1, len) : d.idOf(s);
            if (d.size() > before) {
                byId.add(s);
            }
            assertEquals(byId.indexOf(s), id, s);
            assertEquals(id, d.find(s), s);
            assertEquals(id, d.find(utf8, 1, len), s);
            assertEquals(id, d.idOf(utf8, 1, len), s);
        }
        assertEquals(byId, d.names());
        assertEquals(byId.indexOf("~"), d.find(new byte[] {'<', '~', '>'}, 1, 1));
        int[] ids = new int[d.size() + 2];
        for (int i = 0; i < d.size(); i++) {
            ids[i + 1] = d.size() - 1 - i;
        }
        d.sort(ids, 1, d.size() + 1);
        List<String> sorted = new ArrayList<>(byId);
        java.util.Collections.sort(sorted);
        List<String> got = new ArrayList<>();
        for (int i = 1; i <= d.size(); i++) {
            got.add(d.name(ids[i]));
        }
        assertEquals(sorted, got);
    }

    @Test
    void manyNamesSharingLongPrefixesSortByRadix() {
        NameDictionary d = new NameDictionary();
        Random r = new Random(7);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            String s = "customer-" + (r.nextInt(3) == 0 ? "x" : "") + r.nextInt(1_000_000) + (r.nextInt(9) == 0 ? "\u0000" : "");
            if (d.find(s) < 0) {
                names.add(s);
            }
            d.idOf(s);
        }
        int[] rank = d.sortedRanks();
        java.util.Collections.sort(names);
        for (int i = 0; i < names.size(); i++) {
            assertEquals(i, rank[d.find(names.get(i))], names.get(i));
        }
    }

    @Test
    void badBytesAndIdsToSortAreNamed() {
        NameDictionary d = new NameDictionary();
        byte[] bad = {'a', (byte) 0xC3, 'b'};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.idOf(bad, 0, 3));
        assertTrue(e.getMessage().startsWith("name must be valid UTF-8: 3 bytes at offset 0 are not"), e.getMessage());
        assertEquals(0, d.size());
        assertEquals(-1, d.find(bad, 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> d.idOf(bad, 2, 2));
        d.idOf("x");
        assertEquals("name ids must be in [0, 1): 3", assertThrows(IndexOutOfBoundsException.class,
                () -> d.sort(new int[] {0, 3}, 0, 2)).getMessage());
    }
}
