package io.cxkit.cli;

import io.cxkit.core.Comparison;
import io.cxkit.core.Interval;
import io.cxkit.core.MultipleTesting;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.TimeGrain;
import io.cxkit.io.ReportFormat;
import io.cxkit.io.SurveyReader;
import io.cxkit.survey.NpsResult;
import io.cxkit.survey.ScoreCardResult;
import io.cxkit.survey.SurveyScoresResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The demo: generate the sample company, read it back like any export, and tell its story. */
final class Demo {
    static final double CONFIDENCE = 0.95;

    /** False-discovery rate at which a month-over-month change counts as a mover. */
    static final double FDR = 0.01;

    /**
     * One touchpoint's month-over-month NPS change, with its Benjamini–Hochberg adjusted p-value
     * across all touchpoint × month comparisons of the run.
     */
    record Mover(String touchpoint, String month, String previous, Comparison change, double adjustedP) {
    }

    /** Churn rate and mean spend of one NPS class of customers. */
    record Outcome(String npsClass, long customers, double churnRate, double meanSpend) {
    }

    /** What the demo found. */
    record Findings(Path dir, SampleCompany company, SurveyScoresResult byTouchpoint, SurveyScoresResult byMonth,
            List<Mover> movers, int comparisons, List<String> hurting,
            Map<String, NpsResult> supportNpsByResolution,
            Map<String, Outcome> outcomes) {

        String worstTouchpoint() {
            return byTouchpoint.segments().asMap().entrySet().stream()
                    .min(Comparator.comparingDouble(e -> e.getValue().nps().estimate()))
                    .map(e -> e.getKey().part(0)).orElseThrow();
        }
    }

    static Findings run(SampleCompany company, Path dir) {
        company.write(dir, SampleCompany.allTables(), EnumSet.of(SampleCompany.Format.CSV));
        Path responses = dir.resolve("responses.csv");
        SurveyScoresResult byTp = SurveyReader.builder().segmentBy("touchpoint").build().read(responses).report();
        SurveyScoresResult byMonth = SurveyReader.builder().period(TimeGrain.MONTH, ZoneOffset.UTC).build().read(responses)
                .report();
        SurveyScoresResult byTpMonth = SurveyReader.builder().segmentBy("touchpoint").period(TimeGrain.MONTH, ZoneOffset.UTC)
                .build().read(responses).report();
        SurveyScoresResult byBand = SurveyReader.builder().segmentBy("resolution_band").build().read(responses).report();

        List<Mover> movers = new ArrayList<>();
        Map<String, Map.Entry<String, ScoreCardResult>> previous = new LinkedHashMap<>();
        for (Map.Entry<SegmentKey, ScoreCardResult> e : byTpMonth.segments().asMap().entrySet()) {
            String tp = e.getKey().part(0);
            String month = e.getKey().part(1);
            Map.Entry<String, ScoreCardResult> prev = previous.get(tp);
            if (prev != null && prev.getValue().nps().n() > 1 && e.getValue().nps().n() > 1) {
                movers.add(new Mover(tp, month, prev.getKey(),
                        e.getValue().nps().compare(prev.getValue().nps(), CONFIDENCE), Double.NaN));
            }
            previous.put(tp, Map.entry(month, e.getValue()));
        }
        // Many comparisons (touchpoints x months): control the false-discovery rate (Benjamini-Hochberg)
        // across all of them rather than testing each at 1%.
        double[] p = movers.stream().mapToDouble(m -> m.change().pValue()).toArray();
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<Mover> adjusted = new ArrayList<>();
        for (int i = 0; i < q.length; i++) {
            Mover m = movers.get(i);
            adjusted.add(new Mover(m.touchpoint(), m.month(), m.previous(), m.change(), q[i]));
        }
        int comparisons = adjusted.size();
        adjusted.removeIf(m -> !(m.adjustedP() < FDR));
        adjusted.sort(Comparator.comparingDouble((Mover m) -> -Math.abs(m.change().difference())));
        movers = adjusted;

        NpsResult overall = byTp.overall().nps();
        List<String> hurting = new ArrayList<>();
        byTp.segments().asMap().entrySet().stream()
                .sorted(Comparator.comparingDouble(e -> e.getValue().nps().estimate()))
                .filter(e -> e.getValue().nps().compare(overall, CONFIDENCE).interval().upper() < 0)
                .forEach(e -> hurting.add(e.getKey().part(0)));

        Map<String, NpsResult> bands = new TreeMap<>();
        byBand.segments().asMap().forEach((k, v) -> {
            if (!k.part(0).equals(SurveyReader.NONE)) {
                bands.put(k.part(0), v.nps());
            }
        });
        return new Findings(dir, company, byTp, byMonth, movers, comparisons, hurting, bands,
                outcomes(dir.resolve("customers.csv")));
    }

    /** Churn and spend by NPS class, from customers.csv (a plain CSV without quotes). */
    static Map<String, Outcome> outcomes(Path customers) {
        Map<String, double[]> t = new TreeMap<>(Comparator.comparingInt(Demo::classOrder));
        try (Stream<String> lines = Files.lines(customers)) {
            lines.skip(1).forEach(l -> {
                String[] f = l.split(",");
                double[] a = t.computeIfAbsent(f[6], k -> new double[3]);
                a[0]++;
                a[1] += Boolean.parseBoolean(f[8]) ? 1 : 0;
                a[2] += Double.parseDouble(f[7]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Outcome> out = new LinkedHashMap<>();
        t.forEach((k, a) -> out.put(k, new Outcome(k, (long) a[0], a[1] / a[0], a[2] / a[0])));
        return out;
    }

    private static int classOrder(String c) {
        return c.equals("promoter") ? 0 : c.equals("passive") ? 1 : 2;
    }

    /** The demo's findings in sentences (the "Where the story is" list of the text and of the HTML page). */
    static List<String> story(Findings f) {
        List<String> lines = new ArrayList<>();
        ScoreCardResult o = f.byTouchpoint().overall();
        lines.add(String.format(Locale.ROOT, "Touchpoints that hurt (NPS significantly below the overall %.1f): %s",
                o.nps().estimate(), f.hurting().isEmpty() ? "none" : String.join(", ", f.hurting())));
        lines.add(String.format(Locale.ROOT, "The worst is %s.", f.worstTouchpoint()));
        StringBuilder sb = new StringBuilder();
        f.supportNpsByResolution().forEach((band, nps) -> sb.append(String.format(Locale.ROOT, "%s %.1f (n=%d)  ",
                band.substring(2), nps.estimate(), nps.n())));
        lines.add("Support NPS falls as resolution time grows: " + sb.toString().strip());
        if (!f.movers().isEmpty()) {
            Mover m = f.movers().get(0);
            lines.add(String.format(Locale.ROOT, "%s changed most: %+.1f points in %s (the app 5.0 release broke app"
                    + " onboarding from July).", m.touchpoint(), m.change().difference(), m.month()));
        }
        StringBuilder oc = new StringBuilder();
        f.outcomes().values().forEach(x -> oc.append(String.format(Locale.ROOT, "%ss churn %.1f%%, spend %,.0f; ",
                x.npsClass(), 100 * x.churnRate(), x.meanSpend())));
        lines.add("Experience pays: " + oc.toString().replaceAll("; $", "."));
        return lines;
    }

    static void print(Findings f, PrintWriter out) {
        SampleCompany c = f.company();
        out.printf(Locale.ROOT, "cxkit demo: a year (2026) of a fictional company's customer experience%n");
        out.printf(Locale.ROOT, "seed %d, %,d survey responses from %,d customers; data in %s%n%n", c.seed(),
                c.responses(), c.customers(), f.dir());
        out.println("Overall");
        ScoreCardResult o = f.byTouchpoint().overall();
        out.println("  " + o.nps());
        out.println("  " + o.csat());
        out.println("  " + o.ces());
        out.println();
        out.println("By touchpoint (NPS in points, CSAT in % satisfied, CES mean on 1-7; 95% intervals)");
        ReportFormat.TABLE.write(f.byTouchpoint(), CONFIDENCE, out);
        out.println();
        out.println("By month");
        ReportFormat.TABLE.write(f.byMonth(), CONFIDENCE, out);
        out.println();
        out.printf(Locale.ROOT, "Biggest movers (touchpoint NPS, month over month, significant at FDR 1%%:"
                + " Benjamini-Hochberg across all %d touchpoint x month comparisons)%n", f.comparisons());
        f.movers().stream().limit(5).forEach(m -> {
            Interval ci = m.change().interval();
            out.printf(Locale.ROOT, "  %-16s %s vs %s: %+6.1f points (95%% CI %+.1f..%+.1f, p=%.2g, BH q=%.2g)%n",
                    m.touchpoint(), m.month(), m.previous(), m.change().difference(), ci.lower(), ci.upper(),
                    m.change().pValue(), m.adjustedP());
        });
        if (f.movers().isEmpty()) {
            out.println("  (none)");
        }
        out.println();
        out.println("Where the story is");
        story(f).forEach(line -> out.println("  * " + line));
        out.println();
        out.println("Next: ./cx report " + f.dir().resolve("responses.csv")
                + " --by touchpoint --period month --format json");
        out.flush();
    }
}
