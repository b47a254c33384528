package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxkit.core.ReferenceTables;
import io.cxkit.core.SegmentKey;
import io.cxkit.survey.ScoreCardResult;
import io.cxkit.survey.SurveyScoresResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 8 through the reader: a weighted file segmented by a column gives segment standard
 * errors equal to R's {@code svyby(~y, ~group, svydesign(ids=~1, weights=~w), svymean)}
 * (cx-survey's {@code reference/svyby.R} and {@code svyby_reference.csv}, on its
 * {@code responses.csv}).
 */
class SvybyReaderTest {

    @Test
    void segmentStandardErrorsAreDomainEstimates() {
        List<ReferenceTables.Row> rows = ReferenceTables.load("svyby/responses.csv");
        StringBuilder csv = new StringBuilder("id,group,nps,csat,ces,weight\n");
        for (ReferenceTables.Row r : rows) {
            csv.append(r.s("id")).append(',').append(r.s("group")).append(',').append(r.s("nps")).append(',')
                    .append(r.s("csat")).append(',').append(r.s("ces")).append(',').append(r.s("w")).append('\n');
        }
        SurveyScoresResult report = SurveyReaderTest.read(csv.toString(), InputFormat.CSV,
                SurveyReader.builder().segmentBy("group")).report();
        assertEquals(500, report.overall().nps().n());
        Map<String, ScoreCardResult> byGroup = Map.of("A", report.segments().get(SegmentKey.of("A")),
                "B", report.segments().get(SegmentKey.of("B")));
        ReferenceTables t = new ReferenceTables();
        for (ReferenceTables.Row r : ReferenceTables.load("svyby/svyby_reference.csv")) {
            ScoreCardResult s = byGroup.get(r.s("group"));
            if (!r.s("key").equals("se")) {
                continue;
            }
            double actual = switch (r.s("metric")) {
                case "nps_code" -> s.nps().standardError();
                case "csat_sat" -> s.csat().standardError();
                case "csat" -> s.csat().rating().standardError();
                default -> s.ces().standardError();
            };
            t.close(r.s("metric") + " " + r.s("group") + " se", r.d("value"), actual, 1e-9);
        }
        assertEquals(8, t.checks());
        t.assertNoFailures();
    }
}
