package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.journey.value.Acquisition;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The acquisition-spend reader: months or dates, the file's decimal form, bad rows named. */
class AcquisitionSpendReaderTest {
    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String fail(String csv) {
        return assertThrows(BadInputException.class, () -> AcquisitionSpendReader.builder().build()
                .read(in(csv), "spend.csv", InputFormat.CSV)).getMessage();
    }

    @Test
    void readsMonthsDatesAndDecimalPoints() {
        AcquisitionSpendReader.SpendFile f = AcquisitionSpendReader.builder().build().read(
                in("channel,period,spend,note\nsearch,2024-01,1200.50,x\nsocial,2024-02-17,0,y\n"), "spend.csv", InputFormat.CSV);
        assertEquals(List.of(new Acquisition.Spend("search", YearMonth.of(2024, 1), 1200.5),
                new Acquisition.Spend("social", YearMonth.of(2024, 2), 0)), f.rows());
        assertEquals(2, f.read().accepted());
        assertEquals("spend", f.read().columns().get("spend"));
    }

    @Test
    void semicolonFilesUseADecimalComma() {
        AcquisitionSpendReader.SpendFile f = AcquisitionSpendReader.builder().build().read(
                in("channel;period;spend\nsearch;2024-01;1200,50\n"), "spend.csv", InputFormat.CSV);
        assertEquals(1200.5, f.rows().get(0).spend(), 1e-12);
        String m = fail("channel;period;spend\nsearch;2024-01;1200.50\n");
        assertTrue(m.contains("spend.csv:2") && m.contains("decimal comma"), m);
    }

    @Test
    void ndjsonWithOtherColumnNames() {
        AcquisitionSpendReader.SpendFile f = AcquisitionSpendReader.builder().channel("src").period("month").spend("cost")
                .build().read(in("{\"src\":\"tv\",\"month\":\"2024-03\",\"cost\":99}\n"), "s.ndjson", InputFormat.JSON);
        assertEquals(new Acquisition.Spend("tv", YearMonth.of(2024, 3), 99), f.rows().get(0));
        assertEquals("src", f.read().columns().get("channel"));
    }

    @Test
    void badRowsAreNamed() {
        String m = fail("channel,period,spend\nsearch,2024-01,-5\n");
        assertTrue(m.contains("spend.csv:2") && m.contains("acquisition spend must be finite and >= 0: -5"), m);
        m = fail("channel,period,spend\nsearch,2024-13,5\n");
        assertTrue(m.contains("acquisition period must be a month YYYY-MM or a date YYYY-MM-DD: '2024-13'"), m);
        m = fail("channel,period,spend\nsearch,Jan 2024,5\n");
        assertTrue(m.contains("'Jan 2024'"), m);
        m = fail("channel,period,spend\n,2024-01,5\n");
        assertTrue(m.contains("acquisition channel is empty"), m);
        m = fail("channel,period,spend\nsearch,2024-01,lots\n");
        assertTrue(m.contains("acquisition spend must be a number"), m);
        m = fail("channel,month,spend\nsearch,2024-01,5\n");
        assertTrue(m.contains("period"), m);
        AcquisitionSpendReader.SpendFile f = AcquisitionSpendReader.builder().errors(ErrorPolicy.SKIP).build().read(
                in("channel,period,spend\nsearch,2024-01,-5\nsearch,2024-02,5\nsearch,2024-99,1\n"), "spend.csv", InputFormat.CSV);
        assertEquals(1, f.rows().size());
        assertEquals(2, f.read().rejected().total());
    }
}
