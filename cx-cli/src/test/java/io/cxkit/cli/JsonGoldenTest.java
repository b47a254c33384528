package io.cxkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON documents of the journey, service, survival, attribution and driver commands, byte for
 * byte against golden files committed from the code that built them by hand as maps, so moving
 * their serialization into cx-jackson changed no field name, order or number. On a mismatch the
 * actual document is written to {@code target/golden-actual/} for a diff.
 */
class JsonGoldenTest {
    @TempDir
    static Path data;

    @BeforeAll
    static void generate() throws Exception {
        JsonCases.writeData(data);
    }

    static Stream<JsonCases.Case> cases() {
        return JsonCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void documentIsUnchanged(JsonCases.Case c) throws Exception {
        CxTestSupport.Run r = CxTestSupport.cx(c.argv(data));
        assertEquals(0, r.code(), r.err());
        String actual = r.out().replace(data.toString(), JsonCases.DATA);
        Path golden = Path.of("src/test/resources/golden/json", c.name() + ".json");
        String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            Path dir = Files.createDirectories(Path.of("target/golden-actual"));
            Files.writeString(dir.resolve(c.name() + ".json"), actual, StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual, c.name() + ": the document differs from " + golden);
    }
}
