package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.SurveyScoresResult;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    private static final String CSV = "tp,nps,csat,ces,weight\n"
            + "web,10,5,7,1\nweb,9,4,6,2\nweb,3,2,2,1\napp,8,,5,1\napp,10,5,7,0.5\n";

    private static SurveyReadResult result(String csv, ErrorPolicy p) {
        return SurveyReader.builder().segmentBy("tp").errors(p).build()
                .read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "x.csv", InputFormat.CSV);
    }

    private static String write(ReportFormat f, SurveyReadResult r) {
        StringWriter w = new StringWriter();
        f.write(r, 0.95, w);
        return w.toString();
    }

    @Test
    void jsonCarriesEveryDocumentedFieldAndMatchesTheResults() throws Exception {
        SurveyReadResult r = result(CSV + "web,11,5,7,1\n", ErrorPolicy.SKIP);
        JsonNode j = new ObjectMapper().readTree(write(ReportFormat.JSON, r));
        assertEquals(CxJacksonModule.SCHEMA, j.get("schema").asText());
        assertEquals("tp", j.at("/segmentation/by/0").asText());
        assertTrue(j.at("/segmentation/period").isNull());
        SurveyScoresResult rep = r.report();
        JsonNode nps = j.at("/overall/nps");
        assertEquals(rep.overall().nps().n(), nps.get("n").asLong());
        assertEquals(rep.overall().nps().estimate(), nps.get("estimate").asDouble(), 1e-12);
        assertEquals(rep.overall().nps().standardError(), nps.get("standardError").asDouble(), 1e-12);
        assertEquals(rep.overall().nps().interval().lower(), nps.get("lower").asDouble(), 1e-12);
        assertEquals(rep.overall().nps().interval().upper(), nps.get("upper").asDouble(), 1e-12);
        assertEquals(rep.overall().nps().effectiveN(), nps.get("effectiveN").asDouble(), 1e-12);
        assertTrue(nps.get("weighted").asBoolean());
        assertEquals(rep.overall().csat().estimate(), j.at("/overall/csat/estimate").asDouble(), 1e-12);
        assertEquals(1, j.at("/overall/csat/missing").asLong());
        assertEquals(rep.overall().ces().estimate(), j.at("/overall/ces/estimate").asDouble(), 1e-12);
        assertEquals("app", j.at("/segments/0/key/tp").asText());
        assertEquals("web", j.at("/segments/1/label").asText());
        assertEquals(6, j.at("/input/rows").asLong());
        assertEquals(1, j.at("/input/rejected/total").asLong());
        assertEquals("score out of range", j.at("/input/rejected/reasons/0/reason").asText());
        assertEquals(7, j.at("/input/rejected/reasons/0/examples/0/line").asLong());
    }

    @Test
    void emptyEstimatesAreNullAndTheModuleServesApplications() throws Exception {
        ObjectMapper m = new ObjectMapper().registerModule(CxJacksonModule.of(0.9));
        JsonNode j = m.readTree(m.writeValueAsString(NetPromoterScore.create().result()));
        assertEquals(0, j.get("n").asLong());
        assertTrue(j.get("estimate").isNull());
        assertFalse(j.has("effectiveN"));
        assertEquals(0.9, CxJacksonModule.of(0.9).confidence());
        JsonNode ci = m.readTree(m.writeValueAsString(result(CSV, ErrorPolicy.FAIL).report().overall().nps().interval()));
        assertEquals("adjusted Wald", ci.get("method").asText());
        JsonNode card = m.readTree(m.writeValueAsString(result(CSV, ErrorPolicy.FAIL).report().overall()));
        assertTrue(card.has("csat"));
        JsonNode rej = m.readTree(m.writeValueAsString(RejectedRows.none()));
        assertEquals(0, rej.get("total").asLong());
    }

    @Test
    void csvHasOneRowPerSegmentAndReadsBack() {
        String out = write(ReportFormat.CSV, result(CSV, ErrorPolicy.FAIL));
        String[] lines = out.split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("tp,nps_n,nps_missing,nps,nps_se,nps_lower,nps_upper,nps_effective_n,csat_n"),
                lines[0]);
        assertTrue(lines[1].startsWith("(all),5,0,45.454545,"), lines[1]);
        assertTrue(lines[2].startsWith("app,2,0,33.333333,"), lines[2]);
        assertEquals("\"a,\"\"b\"", ReportFormat.quote("a,\"b"));
    }

    @Test
    void tableIsAligned() {
        String out = write(ReportFormat.TABLE, result("tp,nps\nweb,10\nweb,0\nphone,9\n", ErrorPolicy.FAIL));
        String[] lines = out.split("\n");
        assertEquals("tp     NPS n    NPS         95% CI", lines[0]);
        assertTrue(lines[1].startsWith("(all)     3*   33.3"), lines[1]);
        assertEquals("* fewer than 30 answers: too few for a stable estimate", lines[4]);
        assertEquals("read 3 rows (plain layout): 3 counted, 0 excluded, 0 rejected", lines[5]);
        assertEquals("NPS: column 'nps' (header name), scale 0-10, detractors 0-6, promoters 9-10; 3 answered,"
                + " 0 missing", lines[6]);
        assertEquals("weight: unweighted", lines[7]);
        assertEquals(8, lines.length);
        assertFalse(out.contains("CSAT"));
    }
}
