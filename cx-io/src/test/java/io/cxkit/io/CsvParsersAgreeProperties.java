package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * The two CSV parsers ({@link CsvSource} on chars, {@link Utf8CsvSource} on bytes) are kept apart
 * for speed; this holds them to the same rows, line numbers, field values and row problems on any
 * UTF-8 text made of the characters that matter to CSV (quotes, delimiters, all three line ends,
 * spaces, multi-byte letters).
 */
class CsvParsersAgreeProperties {

    @Property(tries = 400)
    void bothParsersReadTheSameRows(@ForAll @StringLength(max = 120)
            @Chars({'a', 'b', '1', ',', ';', '"', '\n', '\r', ' ', '\u00e9', '\u20ac'})
            @CharRange(from = 'x', to = 'z') String body) {
        String text = "x,y,z\n" + body;
        assertEquals(read(text, false), read(text, true), () -> "input: " + text.replace("\n", "\\n").replace("\r", "\\r"));
    }

    private static List<String> read(String text, boolean utf8) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        RowSource rows;
        try {
            rows = utf8 ? new Utf8CsvSource(new ByteArrayInputStream(bytes), "t.csv", ',', 1000, 100)
                    : new CsvSource(new ByteArrayInputStream(bytes), "t.csv", StandardCharsets.UTF_8, ',', 1000, 100);
        } catch (RuntimeException e) {
            out.add("open failed: " + e.getMessage());
            return out;
        }
        try {
            rows.select(List.of("x", "y", "z"));
            while (rows.next()) {
                RowError problem = rows.rowProblem();
                out.add(rows.line() + " " + (problem == null
                        ? "[" + rows.value(0) + "|" + rows.value(1) + "|" + rows.value(2) + "]"
                        : "problem " + problem));
            }
        } catch (RuntimeException e) {
            out.add("failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            rows.close();
        }
        return out;
    }
}
