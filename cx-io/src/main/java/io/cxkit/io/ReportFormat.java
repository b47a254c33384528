package io.cxkit.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cxkit.core.Check;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.TouchpointCatalog;
import io.cxkit.jackson.ReportedInterval;
import io.cxkit.survey.ScoreCardResult;
import io.cxkit.survey.SurveyScoresResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How a {@link SurveyScoresResult} is written: a readable text table, JSON (schema
 * {@code cxkit/survey-report/v1}, see {@link CxJacksonModule}) or CSV (one row per segment, the
 * overall row first with key columns {@code (all)}).
 *
 * <p>Table and CSV show only the scores the data has (a score with no answers and no missing answers
 * overall is left out). CSV columns per score {@code S} in {@code nps, csat, ces}: {@code S_n},
 * {@code S_missing}, {@code S}, {@code S_se}, {@code S_lower}, {@code S_upper}, and
 * {@code S_effective_n} when weighted; then, after the columns of every score, {@code S_low_n} and
 * {@code S_clipped} ({@code true}/{@code false}) per score; numbers with a dot and up to 6
 * decimals, empty for NaN.
 *
 * <p>Small cells: an estimate on fewer answers than the minimum n (default
 * {@value CxJacksonModule#DEFAULT_MIN_N}) is marked {@code *} after its n in the table and
 * {@code lowN}/{@code S_low_n} in JSON and CSV; interval bounds are clipped to the score's range
 * and marked {@code ~} ({@link ReportedInterval}). The table of a read result ends with the input
 * summary ({@link #summary(SurveyReadResult)}): rows read, counted, excluded and rejected, the
 * column, rule and scale of each score and the weighting.
 */
public enum ReportFormat {
    /** Aligned text columns with intervals, for people. */
    TABLE,
    /** The JSON schema {@code cxkit/survey-report/v1}. */
    JSON,
    /** Comma-separated values with a header row. */
    CSV;

    /**
     * Writes a report.
     *
     * @param report the report
     * @param confidence the confidence level of the intervals in (0, 1)
     * @param out where to write (not closed)
     * @throws UncheckedIOException if writing fails
     */
    public void write(SurveyScoresResult report, double confidence, Writer out) {
        write(report, null, confidence, CxJacksonModule.DEFAULT_MIN_N, out);
    }

    /**
     * Writes a read result: the report, and for JSON also the input summary (rows, columns used,
     * rejected rows).
     *
     * @param result the result
     * @param confidence the confidence level of the intervals in (0, 1)
     * @param out where to write (not closed)
     * @throws UncheckedIOException if writing fails
     */
    public void write(SurveyReadResult result, double confidence, Writer out) {
        write(result, confidence, CxJacksonModule.DEFAULT_MIN_N, out);
    }

    /**
     * Writes a read result, flagging estimates on fewer than {@code minN} answers.
     *
     * @param result the result
     * @param confidence the confidence level of the intervals in (0, 1)
     * @param minN the minimum n, &gt;= 0 (0 flags nothing)
     * @param out where to write (not closed)
     * @throws UncheckedIOException if writing fails
     */
    public void write(SurveyReadResult result, double confidence, int minN, Writer out) {
        Check.notNull(result, "result");
        write(result.report(), result, confidence, minN, out);
    }

    /**
     * The input summary as text lines, e.g.
     * {@code read 12 rows: 10 counted, 1 excluded (Status=Survey Preview: 1), 1 rejected (non-numeric score: 1)}
     * then one line per score ({@code NPS: column 'Q1' (header name), scale 0-10, detractors 0-6,
     * promoters 9-10; 120 answered, 3 missing}), the touchpoint column of a catalog roll-up
     * ({@code touchpoint: column 'touchpoint' rolled up by stage through catalog.csv (12 touchpoints)})
     * and the weighting ({@code weight: unweighted}).
     *
     * @param r the read result
     * @return the lines, each ending with a line break
     */
    public static String summary(SurveyReadResult r) {
        Check.notNull(r, "r");
        InputSummary in = r.input();
        StringBuilder sb = new StringBuilder("read ").append(r.rows()).append(r.rows() == 1 ? " row" : " rows")
                .append(" (").append(in.layout()).append(" layout): ").append(r.accepted()).append(" counted, ")
                .append(in.excludedTotal()).append(" excluded");
        appendCounts(sb, in.excluded());
        sb.append(", ").append(r.rejected().total()).append(" rejected");
        appendCounts(sb, r.rejected().counts());
        sb.append('\n');
        for (String m : METRICS) {
            String col = r.columns().get(m);
            if (col != null) {
                Estimate e = metric(r.report().overall(), m);
                sb.append(m.equals("nps") ? "NPS" : m.toUpperCase(Locale.ROOT)).append(": column '").append(col)
                        .append("' (").append(in.rules().getOrDefault(m, "")).append("), scale ")
                        .append(in.scales().getOrDefault(m, "")).append("; ").append(e.n()).append(" answered, ")
                        .append(missing(r.report().overall(), m)).append(" missing\n");
            }
        }
        in.touchpoints().ifPresent(t -> sb.append("touchpoint: column '").append(t.column()).append("' rolled up by ")
                .append(t.level().label()).append(" through ").append(t.catalog()).append(" (")
                .append(t.catalogTouchpoints()).append(" touchpoints)").append(t.notInCatalog().isEmpty() ? ""
                        : "; not in the catalog, under " + TouchpointCatalog.UNKNOWN + ": "
                        + String.join(", ", t.notInCatalog())).append('\n'));
        sb.append("weight: ").append(in.weight().equals("unweighted") ? "unweighted" : "column '" + in.weight() + "'");
        if (!in.timeZone().isEmpty()) {
            sb.append("; times without offset read in ").append(in.timeZone());
        }
        return sb.append('\n').toString();
    }

    private static void appendCounts(StringBuilder sb, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        sb.append(" (");
        int k = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            sb.append(k++ > 0 ? ", " : "").append(e.getKey()).append(": ").append(e.getValue());
        }
        sb.append(')');
    }

    private void write(SurveyScoresResult report, SurveyReadResult result, double confidence, int minN, Writer out) {
        Check.notNull(report, "report");
        Check.confidence(confidence);
        Check.notNull(out, "out");
        if (minN < 0) {
            throw new IllegalArgumentException("minN must be >= 0: " + minN);
        }
        try {
            switch (this) {
                case JSON:
                    ObjectMapper m = new ObjectMapper().registerModule(CxJacksonModule.of(confidence, minN))
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    m.writeValue(out, result != null ? result : report);
                    out.write('\n');
                    break;
                case CSV:
                    csv(report, confidence, minN, out);
                    break;
                default:
                    table(report, confidence, minN, out);
                    if (result != null) {
                        out.write(summary(result));
                    }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<String> METRICS = List.of("nps", "csat", "ces");

    private static Estimate metric(ScoreCardResult c, String m) {
        switch (m) {
            case "nps":
                return c.nps();
            case "csat":
                return c.csat();
            default:
                return c.ces();
        }
    }

    private static long missing(ScoreCardResult c, String m) {
        switch (m) {
            case "nps":
                return c.nps().missing();
            case "csat":
                return c.csat().missing();
            default:
                return c.ces().missing();
        }
    }

    /** The metrics the data has. */
    private static List<String> present(SurveyScoresResult r) {
        List<String> l = new ArrayList<>();
        for (String m : METRICS) {
            if (metric(r.overall(), m).n() > 0 || missing(r.overall(), m) > 0) {
                l.add(m);
            }
        }
        return l;
    }

    private static void csv(SurveyScoresResult r, double confidence, int minN, Writer out) throws IOException {
        List<String> names = r.segmentation().partNames();
        List<String> metrics = present(r);
        boolean weighted = metrics.stream().anyMatch(m -> metric(r.overall(), m).weighted());
        List<String> head = new ArrayList<>(names.isEmpty() ? List.of("segment") : names);
        for (String m : metrics) {
            head.addAll(List.of(m + "_n", m + "_missing", m, m + "_se", m + "_lower", m + "_upper"));
            if (weighted) {
                head.add(m + "_effective_n");
            }
        }
        for (String m : metrics) {
            head.addAll(List.of(m + "_low_n", m + "_clipped"));
        }
        line(out, head);
        row(out, SegmentKey.overall(), Math.max(1, names.size()), r.overall(), metrics, weighted, confidence, minN);
        for (Map.Entry<SegmentKey, ScoreCardResult> e : r.segments().asMap().entrySet()) {
            row(out, e.getKey(), names.size(), e.getValue(), metrics, weighted, confidence, minN);
        }
    }

    private static void row(Writer out, SegmentKey k, int parts, ScoreCardResult c, List<String> metrics,
            boolean weighted, double confidence, int minN) throws IOException {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            cells.add(k.isOverall() ? "(all)" : k.part(i));
        }
        for (String m : metrics) {
            Estimate e = metric(c, m);
            ReportedInterval ci = ReportedInterval.of(e, confidence, minN);
            cells.add(Long.toString(e.n()));
            cells.add(Long.toString(missing(c, m)));
            cells.add(num(e.estimate()));
            cells.add(num(e.standardError()));
            cells.add(num(ci.lower()));
            cells.add(num(ci.upper()));
            if (weighted) {
                cells.add(num(e.effectiveN()));
            }
        }
        for (String m : metrics) {
            ReportedInterval ci = ReportedInterval.of(metric(c, m), confidence, minN);
            cells.add(Boolean.toString(ci.lowN()));
            cells.add(Boolean.toString(ci.clipped()));
        }
        line(out, cells);
    }

    private static String num(double v) {
        return ReportNumbers.cell(v);
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write('\n');
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void table(SurveyScoresResult r, double confidence, int minN, Writer out) throws IOException {
        List<String> names = r.segmentation().partNames();
        List<String> metrics = present(r);
        String pct = String.format(Locale.ROOT, "%.0f%% CI", 100 * confidence);
        List<String> head = new ArrayList<>(names.isEmpty() ? List.of("segment") : names);
        for (String m : metrics) {
            String label = m.equals("nps") ? "NPS" : m.equals("csat") ? "CSAT%" : "CES";
            head.addAll(List.of(label + " n", label, pct));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(head);
        boolean[] marks = new boolean[2];
        Function<ScoreCardResult, List<String>> cells = c -> {
            List<String> l = new ArrayList<>();
            for (String m : metrics) {
                Estimate e = metric(c, m);
                ReportedInterval ci = ReportedInterval.of(e, confidence, minN);
                boolean ces = m.equals("ces");
                marks[0] |= ci.lowN();
                marks[1] |= ci.clipped();
                l.add(Long.toString(e.n()) + (e.weighted() ? String.format(Locale.ROOT, " (eff %.0f)", e.effectiveN()) : "")
                        + (ci.lowN() ? "*" : ""));
                l.add(fmt(e.estimate(), ces));
                l.add(e.n() == 0 ? "" : fmt(ci.lower(), ces) + " .. " + fmt(ci.upper(), ces) + (ci.clipped() ? "~" : ""));
            }
            return l;
        };
        List<String> all = new ArrayList<>();
        for (int i = 0; i < Math.max(1, names.size()); i++) {
            all.add(i == 0 ? "(all)" : "");
        }
        all.addAll(cells.apply(r.overall()));
        rows.add(all);
        for (Map.Entry<SegmentKey, ScoreCardResult> e : r.segments().asMap().entrySet()) {
            List<String> l = new ArrayList<>(e.getKey().parts());
            l.addAll(cells.apply(e.getValue()));
            rows.add(l);
        }
        int[] width = new int[head.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        int keyCols = Math.max(1, names.size());
        for (List<String> row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String c = row.get(i);
                String pad = " ".repeat(width[i] - c.length());
                sb.append(i < keyCols ? c + pad : pad + c).append(i + 1 < row.size() ? "  " : "");
            }
            out.write(sb.toString().stripTrailing());
            out.write('\n');
        }
        if (marks[0]) {
            out.write("* fewer than " + minN + " answers: too few for a stable estimate\n");
        }
        if (marks[1]) {
            out.write("~ interval clipped to the score's range (NPS -100..100, CES the rating scale)\n");
        }
    }

    private static String fmt(double v, boolean twoDecimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, twoDecimals ? "%.2f" : "%.1f", v) : "-";
    }
}
