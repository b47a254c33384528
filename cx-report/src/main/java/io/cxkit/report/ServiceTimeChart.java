package io.cxkit.report;

import io.cxkit.core.Check;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSummary;
import io.cxkit.journey.service.ServiceMetricsResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Service-time distributions per channel (or team) on a logarithmic time axis: the range from the
 * minimum to the maximum, a box from the median to the 90th percentile, ticks at the 75th, 95th and
 * 99th percentiles, and the SLA target as a vertical line with the attainment per row.
 */
public final class ServiceTimeChart {
    private static final int WIDTH = 760;
    private static final double ROW = 34;

    /** Which service time to draw. */
    public enum Measure {
        /** Time to the first (agent) response, with the first-response SLA. */
        FIRST_RESPONSE("first response"),
        /** Time to the final solve, with the resolution SLA. */
        RESOLUTION("resolution"),
        /** Total time the requester waited (no SLA). */
        REQUESTER_WAIT("requester wait");

        private final String label;

        Measure(String label) {
            this.label = label;
        }

        /**
         * The measure's name.
         *
         * @return e.g. {@code "first response"}
         */
        public String label() {
            return label;
        }

        /**
         * The measured times of a result.
         *
         * @param r the service result
         * @return its first-response, resolution or requester-wait times (seconds)
         */
        public QuantileSummary of(ServiceMetricsResult r) {
            return switch (this) {
                case FIRST_RESPONSE -> r.firstResponse();
                case RESOLUTION -> r.resolution();
                case REQUESTER_WAIT -> r.requesterWait();
            };
        }

        Duration target(ServiceMetricsResult r) {
            return switch (this) {
                case FIRST_RESPONSE -> r.firstResponseTarget().orElse(null);
                case RESOLUTION -> r.resolutionTarget().orElse(null);
                case REQUESTER_WAIT -> null;
            };
        }

        ProportionEstimate attainment(ServiceMetricsResult r) {
            return switch (this) {
                case FIRST_RESPONSE -> r.firstResponseSla();
                case RESOLUTION -> r.resolutionSla();
                case REQUESTER_WAIT -> ProportionEstimate.empty();
            };
        }
    }

    private ServiceTimeChart() {
    }

    /**
     * Draws one service time per segment.
     *
     * @param overall the result over all tickets (drawn first, as "(all)")
     * @param segments results per channel or team, in the order to draw them (may be empty)
     * @param segmentName what the segments are, e.g. {@code "channel"}
     * @param measure which time to draw
     * @param options the confidence of the SLA attainment intervals (Wilson)
     * @return the chart, id {@code <measure>-by-<segmentName>} ({@code <measure>} without segments)
     * @throws IllegalArgumentException if no ticket has the measured time
     */
    public static Chart of(ServiceMetricsResult overall, Map<String, ServiceMetricsResult> segments, String segmentName,
            Measure measure, ChartOptions options) {
        Check.notNull(overall, "overall");
        Check.notNull(segments, "segments");
        Check.notNull(measure, "measure");
        Check.notNull(segmentName, "segmentName");
        if (measure.of(overall).isEmpty()) {
            throw new IllegalArgumentException("no ticket has a " + measure.label() + " time: n = 0 over "
                    + overall.tickets() + " tickets (nothing to draw)");
        }
        List<String> labels = new ArrayList<>();
        List<ServiceMetricsResult> rows = new ArrayList<>();
        labels.add("(all)");
        rows.add(overall);
        segments.forEach((k, v) -> {
            labels.add(k);
            rows.add(v);
        });
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (ServiceMetricsResult r : rows) {
            QuantileSummary q = measure.of(r);
            if (!q.isEmpty()) {
                lo = Math.min(lo, Math.max(1, q.min()));
                hi = Math.max(hi, q.max());
            }
        }
        Duration target = measure.target(overall);
        if (target != null) {
            lo = Math.min(lo, Math.max(1, target.toSeconds()));
            hi = Math.max(hi, target.toSeconds());
        }
        lo = Math.pow(10, Math.floor(Math.log10(lo)));
        hi = Math.max(lo * 10, Math.pow(10, Math.ceil(Math.log10(Math.max(hi, 1)))));
        String what = measure == Measure.REQUESTER_WAIT ? "Requester wait" : "Time to " + measure.label();
        String title = what + (segments.isEmpty() ? "" : " by " + segmentName);
        String id = Markup.slug(measure.label() + (segments.isEmpty() ? "" : " by " + segmentName));
        double left = 120;
        double right = WIDTH - (target != null ? 150 : 30);
        double top = 44;
        double bottom = top + rows.size() * ROW + 4;
        int height = (int) Math.ceil(bottom + 44);
        Svg s = new Svg(id, WIDTH, height, title);
        Axes.legend(s, left, 20, List.of(new String[] {"line", Palette.AXIS, "min to max"},
                new String[] {"bar", Palette.SKY, "median to p90"}, new String[] {"dot", Palette.BLUE, "median"}));
        Scale x = Scale.log(lo, hi, left, right);
        Axes.x(s, x, top, bottom, x.timeTicks(), Num::roundSeconds, measure.label() + " time (log scale)");
        if (target != null) {
            double tx = x.map(target.toSeconds());
            s.open("g", "class", "sla", "data-target-seconds", Long.toString(target.toSeconds()));
            s.line(tx, top - 6, tx, bottom, Palette.VERMILLION, 1.8, "stroke-dasharray", "6 3");
            s.text(tx, top - 9, "middle", "SLA " + Num.roundSeconds(target.toSeconds()), "fill", Palette.VERMILLION,
                    "font-weight", "bold", "font-size", "11");
            s.close("g");
            s.text(right + 12, top - 9, "start", "within SLA", "fill", Palette.MUTED, "font-size", "11");
        }
        Table table = new Table(title + ": percentiles" + (target != null ? " and SLA attainment with "
                + options.level() + " Wilson intervals" : ""), segmentName, "tickets (n)", "min", "median", "p75",
                "p90", "p95", "p99", "max", "within SLA");
        for (int i = 0; i < rows.size(); i++) {
            ServiceMetricsResult r = rows.get(i);
            QuantileSummary q = measure.of(r);
            double cy = top + i * ROW + ROW / 2 + 2;
            String label = labels.get(i);
            s.open("g", "class", q.isEmpty() ? "dist missing" : "dist", "data-label", label, "data-n",
                    Long.toString(q.n()));
            s.text(left - 8, cy + 4, "end", Axes.fit(label, 16), "fill", Palette.INK, "font-weight",
                    i == 0 ? "bold" : "normal");
            ProportionEstimate att = measure.attainment(r);
            String within = target == null ? "" : FunnelChart.share(att, options);
            if (q.isEmpty()) {
                s.title(label + ": no ticket with a " + measure.label() + " time");
                s.text(left + 6, cy + 4, "start", "no data", "fill", Palette.MUTED, "font-style", "italic");
                s.close("g");
                table.row(label, "0", "no data", "", "", "", "", "", "", within);
                continue;
            }
            s.title(label + ": n=" + Num.count(q.n()) + ", median " + Num.seconds(q.median()) + ", p90 "
                    + Num.seconds(q.p90()) + ", max " + Num.seconds(q.max()) + (target != null ? ", within SLA "
                    + within : ""));
            s.line(x.map(q.min()), cy, x.map(q.max()), cy, Palette.AXIS, 1.5, "class", "range");
            s.rect(x.map(q.median()), cy - 8, x.map(q.p90()) - x.map(q.median()), 16, Palette.SKY, "class", "box");
            for (double p : new double[] {q.p75(), q.p95(), q.p99()}) {
                s.line(x.map(p), cy - 6, x.map(p), cy + 6, Palette.BLUE, 1.2, "class", "pct");
            }
            s.circle(x.map(q.median()), cy, 4.5, Palette.BLUE, "class", "median");
            if (target != null && att.n() > 0) {
                s.text(right + 12, cy + 4, "start", Num.pct(att.estimate()), "fill", Palette.INK, "font-size", "11");
            }
            s.close("g");
            table.row(label, Num.count(q.n()), Num.seconds(q.min()), Num.seconds(q.median()), Num.seconds(q.p75()),
                    Num.seconds(q.p90()), Num.seconds(q.p95()), Num.seconds(q.p99()), Num.seconds(q.max()), within);
        }
        QuantileSummary oq = measure.of(overall);
        String caption = title + ": " + Num.count(oq.n()) + " of " + Num.count(overall.tickets()) + " tickets with a "
                + measure.label() + " time" + (segments.isEmpty() ? "" : ", " + segments.size() + " " + segmentName
                + (segments.size() == 1 ? "" : "s")) + ". Line: minimum to maximum (exact); box: median to 90th percentile; ticks: 75th, 95th and 99th"
                + " percentiles (quantile sketch, within " + Num.fixed(100 * oq.relativeAccuracy(), 0)
                + "% relative)." + (target != null ? " Dashed line: the SLA target of " + Num.roundSeconds(target.toSeconds())
                + "; the share within it on the right (all tickets: " + FunnelChart.share(measure.attainment(overall),
                options) + ", " + options.level() + " Wilson interval in the table)." : " No SLA target was set.");
        return new Chart(id, title, s.desc(caption).done(), caption, table.html());
    }
}
