package io.cxkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxkit.core.TimeGrain;
import io.cxkit.survey.ColumnarScores;
import io.cxkit.survey.ResponseColumns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyCsvTest {

    @Test
    void csvRoundTripsTheGeneratedData(@TempDir Path dir) throws Exception {
        SurveyData d = new SurveyData(40_000, 7); // about 1.8 MB: crosses read chunks
        Path f = dir.resolve("r.csv");
        d.writeCsv(f);
        ColumnarScores cs = ColumnarScores.of(TimeGrain.MONTH, ZoneOffset.UTC);
        assertEquals(cs.aggregate(d.columns(true)),
                cs.aggregate(SurveyCsv.read(f, ResponseColumns.builder(), true).build()));
        assertEquals(cs.aggregate(d.columns(false)),
                cs.aggregate(SurveyCsv.read(f, ResponseColumns.builder(), false).build()));
        Summary ref = Summary.of(cs.aggregate(d.columns(false)));
        ref.requireSame("streams", Peers.streams(d.records()));
        ref.requireSame("commons", Peers.commonsMath(d.records()));
    }

    @Test
    void handWrittenLines() {
        String csv = "customer,time,touchpoint,channel,nps,csat,ces,weight\r\n"
                + "C1,0,web,app,10,,3,1.5\r\n"
                + "C2,86400000,web,app,,5,,0.125\n";
        ResponseColumns c = SurveyCsv.read(csv.getBytes(StandardCharsets.US_ASCII), ResponseColumns.builder(), true)
                .build();
        assertEquals(2, c.size());
        var r = ColumnarScores.of(TimeGrain.MONTH, ZoneOffset.UTC).aggregate(c).asMap().values().iterator().next();
        assertEquals(1, r.nps().n());
        assertEquals(1, r.nps().missing());
        assertEquals(1, r.csat().n());
        assertEquals(1, r.ces().n());
        assertEquals(true, r.nps().weighted());
    }

    @Test
    void lastLineWithoutNewline(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.csv");
        java.nio.file.Files.writeString(f, "customer,time,touchpoint,channel,nps,csat,ces,weight\nC1,0,web,app,9,4,,2");
        ResponseColumns c = SurveyCsv.read(f, ResponseColumns.builder(), true).build();
        assertEquals(1, c.size());
        assertEquals(true, c.weighted());
    }

    @Test
    void malformedLinesNameTheLine() {
        String head = "customer,time,touchpoint,channel,nps,csat,ces,weight\n";
        assertEquals("CSV line 2: time must be epoch milliseconds followed by a comma",
                assertThrows(IllegalArgumentException.class, () -> SurveyCsv.read(
                        (head + "C1,x,web,app,1,2,3,1\n").getBytes(StandardCharsets.US_ASCII),
                        ResponseColumns.builder(), true)).getMessage());
        assertEquals("CSV line 3: an answer must be an integer or empty",
                assertThrows(IllegalArgumentException.class, () -> SurveyCsv.read(
                        (head + "C1,1,web,app,1,2,3,1\nC1,1,web,app,a,2,3,1\n").getBytes(StandardCharsets.US_ASCII),
                        ResponseColumns.builder(), true)).getMessage());
        assertEquals("NPS score must be in [0, 10]: 11",
                assertThrows(IllegalArgumentException.class, () -> SurveyCsv.read(
                        (head + "C1,1,web,app,11,2,3,1\n").getBytes(StandardCharsets.US_ASCII),
                        ResponseColumns.builder(), true)).getMessage());
        assertEquals("CSV line 2: too few fields", assertThrows(IllegalArgumentException.class,
                () -> SurveyCsv.read((head + "C1\n").getBytes(StandardCharsets.US_ASCII), ResponseColumns.builder(),
                        true)).getMessage());
    }
}
