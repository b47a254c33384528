package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 11: a weight whose square overflows is a rejected row, not a NaN effective n or a broken report. */
class WeightRangeReaderTest {
    @Test
    void hugeWeightIsRejectedWithTheRange() {
        String huge = "13" + "0".repeat(153); // 1.3e154: finite and > 0, but w² overflows
        BadInputException e = assertThrows(BadInputException.class, () -> SurveyReaderTest.read(
                "nps,weight\n9," + huge + "\n7,1\n", InputFormat.CSV, SurveyReader.builder()));
        assertTrue(e.getMessage().contains("weight must be in [1e-100, 1e100]"), e.getMessage());
        SurveyReadResult ok = SurveyReaderTest.read("nps,weight\n9,1" + "0".repeat(99) + "\n7,1\n",
                InputFormat.CSV, SurveyReader.builder());
        assertEquals(2, ok.report().overall().nps().n());
        assertTrue(Double.isFinite(ok.report().overall().nps().effectiveN()));
    }
}
