package io.cxkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validates real output of every command that writes a {@code cxkit/NAME/v1} document against
 * {@code docs/schemas/NAME-v1.schema.json} (JSON Schema 2020-12, networknt's validator), and shows
 * that the schemas are closed: the same document with an unknown field added to any of its objects
 * (other than the open maps: columns, keys, rules, units, scales, leftOut), with a required field
 * removed, or with a number where a string belongs, must fail.
 */
class SchemaValidationTest {
    private static final Path SCHEMAS = Path.of("../docs/schemas").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The schemas' {@code $id} prefix; ids (and the relative {@code $ref}s under them) are read from {@link #SCHEMAS}. */
    private static final String ID = "https://raw.githubusercontent.com/cxkit/cxkit/main/docs/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemas(SchemaValidationTest::read));
    /** Objects whose keys are data (column names, segment columns, rule names), not a closed set of fields. */
    private static final Set<String> OPEN_MAPS = Set.of("columns", "key", "rules", "units", "scales", "leftOut");
    private static final Map<String, Schema> LOADED = new LinkedHashMap<>();

    @TempDir
    static Path data;

    @BeforeAll
    static void generate() throws Exception {
        JsonCases.writeData(data);
        Files.copy(Path.of(SchemaValidationTest.class.getResource("/cdnow_sample.csv").toURI()),
                data.resolve("cdnow.csv"));
        StringBuilder channels = new StringBuilder("customer,channel\n");
        for (int id = 1; id <= 2000; id++) {
            channels.append(id).append(',').append(id % 2 == 0 ? "search" : "social").append('\n');
        }
        Files.writeString(data.resolve("channels.csv"), channels.append("99999,search\n"), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("spend.csv"), "channel,period,spend\nsearch,1997-01,20000\nsearch,1997-02-01,9000\n"
                + "social,1997-01,15000\ntv,1997-02,5000\n", StandardCharsets.UTF_8);
        CxTestSupport.Run g = CxTestSupport.cx("generate", "--responses", "4000", "--customers", "800", "--seed", "2026",
                "--tables", "responses,transactions", "--out", data.resolve("company").toString());
        assertEquals(0, g.code(), g.err());
        Files.writeString(data.resolve("touchpoints.csv"), ReportCatalogCommandTest.SAMPLE_CATALOG, StandardCharsets.UTF_8);
        Files.writeString(data.resolve("weighted.csv"), "nps,csat,w,region\n9,5,1,north\n11,4,2,north\n7,2,0.5,south\n"
                + "3,,1.5,south\n", StandardCharsets.UTF_8);
    }

    static Stream<JsonCases.Case> cases() {
        List<JsonCases.Case> all = new ArrayList<>(JsonCases.all());
        all.add(new JsonCases.Case("report-by-touchpoint-month", "survey-report", List.of("report",
                JsonCases.DATA + "/responses.csv", "--by", "touchpoint", "--period", "month", "--format", "json")));
        all.add(new JsonCases.Case("report-by-area-catalog", "survey-report", List.of("report",
                JsonCases.DATA + "/responses.csv", "--touchpoints", JsonCases.DATA + "/touchpoints.csv", "--by",
                "area,region", "--format", "json")));
        all.add(new JsonCases.Case("paths-by-stage-catalog", "paths", List.of("paths", JsonCases.DATA
                + "/interactions.csv", "--touchpoints", JsonCases.DATA + "/touchpoints.csv", "--collapse-repeats",
                "--to", "purchase", "--format", "json")));
        all.add(new JsonCases.Case("report-weighted-rejected", "survey-report", List.of("report",
                JsonCases.DATA + "/weighted.csv", "--weight", "w", "--by", "region", "--on-error", "skip", "--format",
                "json")));
        String cdnow = JsonCases.DATA + "/cdnow.csv";
        String columns = "customer=customer,time=date,amount=amount";
        all.add(new JsonCases.Case("value-holdout-per-customer", "value", List.of("value", cdnow, "--columns", columns,
                "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30", "--per-customer", "--format", "json")));
        all.add(new JsonCases.Case("value-acquisition", "value", List.of("value", cdnow, "--columns", columns,
                "--calibration-end", "1997-09-30", "--model", "pareto-nbd", "--acquisition", JsonCases.DATA + "/spend.csv",
                "--channels", JsonCases.DATA + "/channels.csv", "--format", "json")));
        all.add(new JsonCases.Case("value-groups", "value", List.of("value", JsonCases.DATA + "/company/transactions.csv",
                "--columns", "customer=customer_id,time=purchased_on,amount=amount", "--calibration-end", "2026-09-30",
                "--holdout-end", "2026-12-31", "--survey", JsonCases.DATA + "/company/responses.csv", "--by", "nps=nps",
                "--survey-customer", "customer_id", "--format", "json")));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void realOutputIsValidAndTheSchemaIsClosed(JsonCases.Case c) throws Exception {
        CxTestSupport.Run r = CxTestSupport.cx(c.argv(data));
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("cxkit/" + c.schema() + "/v1", doc.get("schema").asText(), "the document names its schema");
        Schema schema = schema(c.schema());
        List<Error> errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), c.name() + " does not match " + c.schema() + "-v1.schema.json: " + errors);

        int objects = 0;
        for (String pointer : objectPointers(doc)) {
            JsonNode copy = doc.deepCopy();
            ((ObjectNode) copy.at(pointer)).put("unexpectedField", 1);
            assertFalse(schema.validate(copy).isEmpty(), c.name() + ": an unknown field at '" + pointer + "' passes");
            objects++;
        }
        assertTrue(objects > 3, "closed objects checked: " + objects);

        Iterator<String> fields = doc.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (f.equals("schema") || !schema.validate(without(doc, f)).isEmpty()) {
                continue;
            }
            assertTrue(isOptionalTopLevel(c.schema(), f), c.name() + ": the document passes without '" + f + "'");
        }
        ObjectNode wrongType = doc.deepCopy();
        wrongType.put("schema", 1);
        assertFalse(schema.validate(wrongType).isEmpty(), "a number as the schema id passes");
    }

    @Test
    void everySchemaFileIsUsedByACase() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(SCHEMAS)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-v1.schema.json")).forEach(files::add);
        }
        Set<String> used = new TreeSet<>();
        cases().forEach(c -> used.add(c.schema() + "-v1.schema.json"));
        assertEquals(files, used, "docs/schemas/*-v1.schema.json vs the documents this test validates");
    }

    /** Fields a document may lack: only those the schema says appear in some variants. */
    private static boolean isOptionalTopLevel(String schema, String field) {
        return switch (schema) {
            case "attribution" -> Set.of("order", "states", "conversionProbability", "halfLife", "halfLifeText",
                    "halfLifeSeconds").contains(field);
            case "survival" -> Set.of("groups", "logRank").contains(field);
            case "survey-report" -> Set.of("input", "touchpointCatalog").contains(field);
            case "paths" -> field.equals("touchpointCatalog");
            case "value" -> Set.of("holdout", "groups", "acquisition", "customers", "expectedTransactionsHorizonWeeks")
                    .contains(field);
            default -> false;
        };
    }

    private static JsonNode without(JsonNode doc, String field) {
        ObjectNode copy = doc.deepCopy();
        copy.remove(field);
        return copy;
    }

    /** A JSON pointer to the first object at every distinct path (array indexes folded), open maps left out. */
    private static List<String> objectPointers(JsonNode doc) {
        Map<String, String> first = new LinkedHashMap<>();
        collect(doc, "", "", null, first);
        return new ArrayList<>(first.values());
    }

    private static void collect(JsonNode n, String pointer, String shape, String name, Map<String, String> first) {
        if (n.isObject()) {
            if (name == null || !OPEN_MAPS.contains(name)) {
                first.putIfAbsent(shape, pointer);
            }
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey().replace("~", "~0").replace("/", "~1");
                collect(e.getValue(), pointer + "/" + key, shape + "/" + key, e.getKey(), first);
            }
        } else if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) {
                collect(a.get(i), pointer + "/" + i, shape + "/[]", name, first);
            }
        }
    }

    private static Schema schema(String name) {
        return LOADED.computeIfAbsent(name, k -> REGISTRY.getSchema(SchemaLocation.of(ID + k + "-v1.schema.json")));
    }

    /** The text of a schema by its id, or null (not one of ours: the validator's own meta-schemas). */
    private static String read(String iri) {
        if (!iri.startsWith(ID)) {
            return null;
        }
        try {
            return Files.readString(SCHEMAS.resolve(iri.substring(ID.length())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
