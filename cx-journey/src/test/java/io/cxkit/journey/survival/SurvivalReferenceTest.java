package io.cxkit.journey.survival;

import io.cxkit.core.ReferenceTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kaplan–Meier, Greenwood, intervals, median and log-rank against R's survival 3.5 on the
 * {@code lung} data and small edge cases; fixtures made by {@code reference/survival.R}.
 */
class SurvivalReferenceTest {
    static final double TOL = 1e-9;

    private final List<String> failures = new ArrayList<>();
    private int checks;

    private void check(String what, double expected, double actual) {
        checks++;
        if (!ReferenceTables.matches(expected, actual, TOL)) {
            failures.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    static SurvivalResult lung(boolean bySex) {
        SurvivalAccumulator acc = SurvivalAccumulator.create();
        for (ReferenceTables.Row r : ReferenceTables.load("lung.csv")) {
            acc.acceptStatus(r.d("time"), (int) r.l("status"), SurvivalStatus.ONE_TWO,
                    bySex ? r.s("sex") : SurvivalAccumulator.ALL);
        }
        return acc.result();
    }

    private Map<String, SurvivalCurve> curves() {
        Map<String, SurvivalCurve> m = new HashMap<>();
        m.put("lung/all", lung(false).overall());
        SurvivalResult bySex = lung(true);
        m.put("lung/1", bySex.group("1"));
        m.put("lung/2", bySex.group("2"));
        Map<String, SurvivalAccumulator> small = new HashMap<>();
        for (ReferenceTables.Row r : ReferenceTables.load("small.csv")) {
            small.computeIfAbsent(r.s("dataset"), k -> SurvivalAccumulator.create())
                    .acceptStatus(r.d("time"), (int) r.l("status"), SurvivalStatus.ONE_TWO, SurvivalAccumulator.ALL);
        }
        small.forEach((k, v) -> m.put(k + "/all", v.result().overall()));
        return m;
    }

    @Test
    void kaplanMeierTableMatchesSurvfit() {
        Map<String, SurvivalCurve> curves = curves();
        Map<String, Integer> index = new HashMap<>();
        List<ReferenceTables.Row> rows = ReferenceTables.load("km_reference.csv");
        for (ReferenceTables.Row r : rows) {
            String key = r.s("dataset") + "/" + r.s("group");
            int i = index.merge(key, 1, Integer::sum) - 1;
            SurvivalStep s = curves.get(key).steps().get(i);
            String w = key + " t=" + r.s("time");
            check(w + " time", r.d("time"), s.time());
            check(w + " n.risk", r.l("n_risk"), s.atRisk());
            check(w + " n.event", r.l("n_event"), s.events());
            check(w + " n.censor", r.l("n_censor"), s.censored());
            check(w + " surv", r.d("surv"), s.survival());
            check(w + " std.err (log S)", r.d("std_err_log"), s.stdErrLog());
            check(w + " std.err (S)", r.d("std_err_surv"), s.stdErr());
            Interval log = s.interval(SurvivalConfType.LOG, 0.95);
            check(w + " lower log", r.d("lower_log"), log.lower());
            check(w + " upper log", r.d("upper_log"), log.upper());
            Interval ll = s.interval(SurvivalConfType.LOG_LOG, 0.95);
            check(w + " lower log-log", r.d("lower_loglog"), ll.lower());
            check(w + " upper log-log", r.d("upper_loglog"), ll.upper());
        }
        index.forEach((k, n) -> assertEquals(n, curves.get(k).steps().size(), k + " step count"));
        assertEquals(List.of(), failures, failures.size() + " of " + checks + " checks failed");
        assertTrue(checks > 2000, "checked " + checks);
    }

    @Test
    void medianAndItsIntervalMatchQuantileSurvfit() {
        Map<String, SurvivalCurve> curves = curves();
        for (ReferenceTables.Row r : ReferenceTables.load("median_reference.csv")) {
            String key = r.s("dataset") + "/" + r.s("group");
            SurvivalConfType type = r.s("conf_type").equals("log") ? SurvivalConfType.LOG : SurvivalConfType.LOG_LOG;
            MedianSurvival m = curves.get(key).median(type, 0.95);
            String w = key + " " + type;
            check(w + " median", r.d("median"), m.time());
            check(w + " lower", r.d("lower"), m.interval().lower());
            check(w + " upper", r.d("upper"), m.interval().upper());
        }
        assertEquals(List.of(), failures, failures.size() + " of " + checks + " checks failed");
        assertEquals(42, checks);
    }

    @Test
    void logRankBySexMatchesSurvdiff() {
        LogRankTest t = lung(true).logRank();
        List<ReferenceTables.Row> rows = ReferenceTables.load("logrank_reference.csv");
        for (int i = 0; i < rows.size(); i++) {
            ReferenceTables.Row r = rows.get(i);
            LogRankGroup g = t.groups().get(i);
            assertEquals(r.s("group"), g.group());
            check("n " + i, r.l("n"), g.n());
            check("observed " + i, r.d("observed"), g.observed());
            check("expected " + i, r.d("expected"), g.expected());
            check("var " + i + ",0", r.d("var_1"), t.variance(i, 0));
            check("var " + i + ",1", r.d("var_2"), t.variance(i, 1));
            check("chisq", r.d("chisq"), t.chiSquare());
            check("df", r.d("df"), t.df());
            check("p", r.d("p"), t.pValue());
        }
        assertEquals(List.of(), failures, failures.size() + " of " + checks + " checks failed");
    }
}
