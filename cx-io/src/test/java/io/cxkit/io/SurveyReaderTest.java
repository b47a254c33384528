package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.SegmentKey;
import io.cxkit.core.Segmentation;
import io.cxkit.core.TimeGrain;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.MissingAnswerPolicy;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.SurveyQuestions;
import io.cxkit.survey.ScoreCard;
import io.cxkit.survey.SurveyScoresResult;
import io.cxkit.survey.SurveyResponse;
import io.cxkit.survey.SurveyScores;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SurveyReaderTest {

    static SurveyReadResult read(String text, InputFormat f, SurveyReader.Builder b) {
        return b.build().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test." + f.name()
                .toLowerCase(), f);
    }

    @Test
    void smallHandWrittenCsvMatchesTheApi() {
        String csv = "id,Touchpoint,Submitted At,Likelihood to recommend,Satisfaction,Effort\n"
                + "1,web,2026-01-05T10:00:00Z,10,5,7\n"
                + "2,web,2026-01-20T10:00:00Z,6,2,3\n"
                + "3,\"phone, support\",2026-02-01T00:30:00+01:00,9,4,\n"
                + "4,\"phone, support\",2026-02-03,3,,2\n";
        SurveyReadResult r = read(csv, InputFormat.CSV, SurveyReader.builder().segmentBy("touchpoint")
                .period(TimeGrain.MONTH, ZoneId.of("UTC")));
        SurveyScores api = SurveyScores.of(ScoreCard.create(),
                Segmentation.of("Touchpoint").period(TimeGrain.MONTH, ZoneId.of("UTC")));
        api.accept(resp("1", "web", "2026-01-05T10:00:00Z", 10, 5, 7));
        api.accept(resp("2", "web", "2026-01-20T10:00:00Z", 6, 2, 3));
        api.accept(resp("3", "phone, support", "2026-01-31T23:30:00Z", 9, 4, null));
        api.accept(resp("4", "phone, support", "2026-02-03T00:00:00Z", 3, null, 2));
        assertEquals(api.result(), r.report());
        assertEquals(4, r.rows());
        assertEquals("Likelihood to recommend", r.columns().get("nps"));
        assertEquals("Submitted At", r.columns().get("time"));
        // hand-computed: 2 promoters, 2 detractors of 4 -> NPS 0
        assertEquals(0.0, r.report().overall().nps().estimate(), 1e-12);
        assertEquals(1, r.report().overall().csat().missing());
        assertEquals(50.0, r.report().segments().get(SegmentKey.of("web", "2026-01")).csat().estimate(), 1e-12);
        assertTrue(r.report().segments().find(SegmentKey.of("phone, support", "2026-01")).isPresent());
    }

    static SurveyResponse resp(String id, String tp, String t, Integer nps, Integer csat, Integer ces) {
        SurveyResponse r = SurveyResponse.of(id, Instant.parse(t)).withAttribute("Touchpoint", tp);
        if (nps != null) {
            r = r.withAnswer("nps", nps);
        }
        if (csat != null) {
            r = r.withAnswer("csat", csat);
        }
        if (ces != null) {
            r = r.withAnswer("ces", ces);
        }
        return r;
    }

    @Test
    void randomWeightedCsvNdjsonAndJsonArrayAllMatchTheApi() {
        SplittableRandom rnd = new SplittableRandom(42);
        StringBuilder csv = new StringBuilder("respondent;channel;nps;csat;weight;date\n");
        StringBuilder nd = new StringBuilder();
        ScoreCard noCes = ScoreCard.of(SurveyQuestions.of("nps", "csat", null), NetPromoterScore.create(),
                CustomerSatisfaction.create(), CustomerEffort.create());
        SurveyScores api = SurveyScores.of(noCes, Segmentation.of("channel").period(TimeGrain.WEEK,
                ZoneId.of("Europe/Berlin")));
        String[] channels = {"web", "app", "phone"};
        for (int i = 0; i < 500; i++) {
            String ch = channels[rnd.nextInt(3)];
            int nps = rnd.nextInt(11);
            int csat = 1 + rnd.nextInt(5);
            double w = 0.5 + rnd.nextInt(100) / 50.0;
            long epoch = 1_767_225_600L + rnd.nextInt(90 * 86400);
            csv.append("r").append(i).append(';').append(ch).append(';').append(nps).append(';').append(csat)
                    .append(';').append(w).append(';').append(epoch).append('\n');
            nd.append("{\"respondent\":\"r").append(i).append("\",\"channel\":\"").append(ch).append("\",\"nps\":")
                    .append(nps).append(",\"csat\":").append(csat).append(",\"weight\":").append(w)
                    .append(",\"date\":").append(epoch * 1000).append("}\n");
            api.accept(SurveyResponse.of("r" + i, Instant.ofEpochSecond(epoch)).withAttribute("channel", ch)
                    .withAnswer("nps", nps).withAnswer("csat", csat).withWeight(w));
        }
        SurveyReader.Builder b = SurveyReader.builder().segmentBy("CHANNEL")
                .period(TimeGrain.WEEK, ZoneId.of("Europe/Berlin"));
        SurveyScoresResult expected = api.result();
        assertEquals(expected, read(csv.toString(), InputFormat.CSV, b).report());
        assertEquals(expected, read(nd.toString(), InputFormat.JSON, b).report());
        String array = "[" + nd.toString().strip().replace("}\n{", "},\n{") + "]";
        assertEquals(expected, read(array, InputFormat.JSON, b).report());
        assertTrue(expected.overall().nps().weighted());
    }

    @Test
    void explicitMappingDelimiterDetectionAndUtf8Bom() {
        String tsv = "\uFEFFQ1 score\tQ2\tseg\n9\t5\ta\n8\t4\tb\r\n7\t3\ta\r\n\n";
        SurveyReadResult r = read(tsv, InputFormat.CSV, SurveyReader.builder()
                .columns(ColumnMapping.parse("nps=q1score, csat = Q2")).segmentBy("seg"));
        assertEquals(3, r.rows());
        assertEquals(3, r.report().overall().nps().n());
        assertEquals("Q1 score", r.columns().get("nps"));
        assertEquals(2, r.report().segments().size());
        assertEquals(0, r.report().overall().ces().n());
    }

    @Test
    void jsonKeysMayFirstAppearAfterTheFirstObjectWhenNamed() {
        String nd = "{\"id\":1,\"score\":9}\n{\"id\":2,\"score\":3,\"effort\":6,\"tp\":\"x\"}\n";
        SurveyReadResult r = read(nd, InputFormat.JSON, SurveyReader.builder()
                .columns(ColumnMapping.parse("nps=score,ces=effort")).segmentBy("tp"));
        assertEquals(2, r.report().overall().nps().n());
        assertEquals(1, r.report().overall().ces().n());
        assertEquals(List.of(SegmentKey.of(SurveyReader.NONE), SegmentKey.of("x")), r.report().segments().keys());
    }

    @Test
    void utf16WithBomIsRead() {
        byte[] bytes = "nps,csat\n10,5\n0,1\n".getBytes(StandardCharsets.UTF_16); // BE with BOM
        SurveyReadResult r = SurveyReader.builder().build().read(new ByteArrayInputStream(bytes), "u16.csv",
                InputFormat.CSV);
        assertEquals(2, r.report().overall().nps().n());
    }

    @Test
    void missingAnswersFollowThePolicy() {
        String csv = "nps\n10\n\n \n\"\"\n5\n";
        SurveyReadResult ex = read(csv, InputFormat.CSV, SurveyReader.builder());
        assertEquals(2, ex.report().overall().nps().n());
        SurveyReadResult neutral = read("nps,x\n10,a\n,b\n", InputFormat.CSV,
                SurveyReader.builder().missingAnswers(MissingAnswerPolicy.NEUTRAL));
        assertEquals(2, neutral.report().overall().nps().n());
        assertEquals(1, neutral.report().overall().nps().missing());
    }

    @Test
    void quotedFieldsWithNewlinesAndEscapedQuotes() {
        String csv = "comment,nps,tp\n\"said \"\"hi\"\"\nand left\",9,\"a\"\n\"x\",10,\"\"\n";
        SurveyReadResult r = read(csv, InputFormat.CSV, SurveyReader.builder().segmentBy("tp"));
        assertEquals(2, r.rows());
        assertEquals(List.of(SegmentKey.of(SurveyReader.NONE), SegmentKey.of("a")), r.report().segments().keys());
    }

    @Test
    void csvAcrossManyBufferRefillsAndLongQuotedFields() {
        StringBuilder sb = new StringBuilder("note,nps\n");
        for (int i = 0; i < 5000; i++) {
            sb.append('"').append("x".repeat(i % 97)).append("\"\"q\"\"").append("\",").append(i % 11).append('\n');
        }
        sb.append("last,10"); // no final newline
        SurveyReadResult r = read(sb.toString(), InputFormat.CSV, SurveyReader.builder());
        assertEquals(5001, r.rows());
        assertFalse(r.rejected().any());
    }

    @Test
    void timestampsInEveryDocumentedForm() {
        Timestamps t = new Timestamps(ZoneId.of("Europe/Berlin"));
        long ref = Instant.parse("2026-03-02T09:15:00Z").getEpochSecond();
        assertEquals(ref, t.epochSecond("2026-03-02T09:15:00Z"));
        assertEquals(ref, t.epochSecond("2026-03-02T10:15:00+01:00"));
        assertEquals(ref, t.epochSecond("2026-03-02T10:15:00.123+01:00"));
        assertEquals(ref, t.epochSecond("2026-03-02T10:15:00"));
        assertEquals(ref, t.epochSecond("2026-03-02 10:15:00"));
        assertEquals(ref, t.epochSecond("2026-03-02T10:15+01:00"));
        assertEquals(ref, t.epochSecond("2026-03-02T10:15:00+01:00[Europe/Berlin]"));
        assertEquals(ref, t.epochSecond(Long.toString(ref)));
        assertEquals(ref, t.epochSecond(Long.toString(ref * 1000 + 999)));
        assertEquals(Instant.parse("2026-03-01T23:00:00Z").getEpochSecond(), t.epochSecond("2026-03-02"));
        assertEquals(Instant.parse("2026-03-02T09:15:00Z").getEpochSecond(),
                new Timestamps(ZoneId.of("UTC")).epochSecond("2026-03-02T09:15:00"));
        assertEquals(Instant.parse("1969-12-31T23:59:59Z").getEpochSecond(), t.epochSecond("1969-12-31T23:59:59Z"));
        assertEquals(Instant.parse("2028-02-29T23:59:59Z").getEpochSecond(), t.epochSecond("2028-02-29T23:59:59Z"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> t.epochSecond("2026-03-02T24:00:00Z"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> t.epochSecond("2027-02-29T10:00:00Z"));
    }
}
