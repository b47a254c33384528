package io.cxkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.journey.value.RepeatPurchasesResult;
import io.cxkit.journey.value.CustomerSummary;
import io.cxkit.journey.value.RepeatPurchases;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The customer-value readers: transactions and per-customer labels from a survey. */
class ValueReadersTest {
    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static TransactionReader.Builder transactions() {
        return TransactionReader.builder().customer("cust").time("when").amount("amt");
    }

    @Test
    void readsDatesAndDateTimesAsDays() {
        RepeatPurchases acc = RepeatPurchases.of(LocalDate.parse("2025-03-31"));
        String csv = "cust,when,amt\na,2025-01-01,10\na,2025-01-01T23:30:00-02:00,5\na,2025-02-01,7.5\nb,1736208000,3\n";
        ReadSummary s = transactions().zone(ZoneId.of("UTC")).build().read(in(csv), "t.csv",
                InputFormat.CSV, acc);
        assertEquals(4, s.accepted());
        assertEquals("amt", s.columns().get("amount"));
        RepeatPurchasesResult base = acc.result();
        // 23:30 at -02:00 is 01:30 UTC on 2 January: a repeat, not a same-day record
        CustomerSummary a = base.customers().get(0);
        assertEquals(2, a.x());
        assertEquals(31 / 7.0, a.tx(), 1e-12);
        assertEquals(6.25, a.averageRepeatSpend(), 1e-12);
        assertEquals(LocalDate.parse("2025-01-07"), base.customers().get(1).firstPurchase());
    }

    @Test
    void ndjsonAndSkippedRows() {
        RepeatPurchases acc = RepeatPurchases.of(LocalDate.parse("2025-03-31"));
        String nd = "{\"cust\":\"a\",\"when\":\"2025-01-01\",\"amt\":4}\n{\"cust\":\"a\",\"when\":\"2025-13-01\",\"amt\":4}\n"
                + "{\"cust\":\"\",\"when\":\"2025-01-01\",\"amt\":4}\n{\"cust\":\"b\",\"when\":\"2025-01-01\",\"amt\":\"x\"}\n"
                + "{\"cust\":\"b\",\"when\":\"2025-01-01\",\"amt\":\"\"}\n{\"cust\":\"b\",\"when\":\"soon\",\"amt\":1}\n";
        ReadSummary s = transactions().errors(ErrorPolicy.SKIP).build().read(in(nd), "t.ndjson",
                InputFormat.JSON, acc);
        assertEquals(6, s.rows());
        assertEquals(1, s.accepted());
        assertEquals(5, s.rejected().total());
        assertTrue(s.rejected().toString().contains("valid ISO date"), s.rejected().toString());
    }

    @Test
    void badRowsFailWithFileLineAndColumn() {
        RepeatPurchases acc = RepeatPurchases.of(LocalDate.parse("2025-03-31"));
        BadInputException e = assertThrows(BadInputException.class, () -> transactions().build()
                .read(in("cust,when,amt\na,2025-01-01,-2\n"), "t.csv", InputFormat.CSV, acc));
        assertTrue(e.getMessage().contains("t.csv:2") && e.getMessage().contains("amount must be finite and >= 0"),
                e.getMessage());
        e = assertThrows(BadInputException.class, () -> TransactionReader.builder().customer("cust").time("when")
                .amount("price").build().read(in("cust,when,amt\na,2025-01-01,2\n"), "t.csv", InputFormat.CSV, acc));
        assertTrue(e.getMessage().contains("price"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TransactionReader.builder().customer("c").build());
    }

    @Test
    void labelsFromNpsCsatAndSegments() {
        String csv = "id,nps,csat,plan\na,10,5,gold\nb,6,2,\nc,8,3,silver\na,3,4,gold\n";
        CustomerLabelReader.Labels nps = CustomerLabelReader.builder().customer("id")
                .label(CustomerLabelReader.Kind.NPS, "nps").build().read(in(csv), "s.csv", InputFormat.CSV);
        assertEquals("detractor", nps.labels().get("a"), "the last answer counts");
        assertEquals("detractor", nps.labels().get("b"));
        assertEquals("passive", nps.labels().get("c"));
        assertEquals(1, nps.repeated());
        CustomerLabelReader.Labels csat = CustomerLabelReader.builder().customer("id")
                .label(CustomerLabelReader.Kind.CSAT, "csat").build().read(in(csv), "s.csv", InputFormat.CSV);
        assertEquals("satisfied", csat.labels().get("a"));
        assertEquals("dissatisfied", csat.labels().get("b"));
        assertEquals("neutral", csat.labels().get("c"));
        CustomerLabelReader.Labels plan = CustomerLabelReader.builder().customer("id")
                .label(CustomerLabelReader.Kind.SEGMENT, "plan").build().read(in(csv), "s.csv", InputFormat.CSV);
        assertEquals("(none)", plan.labels().get("b"));
        BadInputException e = assertThrows(BadInputException.class, () -> CustomerLabelReader.builder().customer("id")
                .label(CustomerLabelReader.Kind.NPS, "nps").build().read(in("id,nps\na,11\n"), "s.csv", InputFormat.CSV));
        assertTrue(e.getMessage().contains("NPS score must be in [0, 10]: 11"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> CustomerLabelReader.builder().customer("id")
                .label(CustomerLabelReader.Kind.CSAT, "csat").build().read(in("id,csat\na,x\n"), "s.csv", InputFormat.CSV));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> CustomerLabelReader.builder().customer("id")
                .label(CustomerLabelReader.Kind.CSAT, "csat").build().read(in("id,csat\n,4\n"), "s.csv", InputFormat.CSV));
        assertTrue(e.getMessage().contains("customer is empty"), e.getMessage());
    }
}
