package io.cxkit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.cxkit.core.Check;
import io.cxkit.core.Interval;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.QuantileSummary;
import io.cxkit.journey.attribution.TouchpointCredit;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.funnel.FunnelStepResult;
import io.cxkit.journey.paths.PathCount;
import io.cxkit.journey.paths.Transition;
import io.cxkit.journey.service.ServiceMetricsResult;
import io.cxkit.journey.service.TicketRecordResult;
import io.cxkit.journey.service.TicketSatisfactionResult;
import io.cxkit.journey.survival.LogRankGroup;
import io.cxkit.journey.survival.LogRankTest;
import io.cxkit.journey.survival.MedianSurvival;
import io.cxkit.journey.survival.SurvivalConfType;
import io.cxkit.journey.survival.SurvivalCurve;
import io.cxkit.journey.survival.SurvivalStep;
import io.cxkit.survey.drivers.DriverImportance;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Writes the result records of cx-journey and the key drivers in the exact shapes of the
 * {@code cx} command's JSON documents ({@code cxkit/funnel/v1}, {@code paths/v1},
 * {@code service/v1}, {@code survival/v1}, {@code attribution/v1}, {@code drivers/v1}; the JSON
 * Schemas are under {@code docs/schemas/}), so that an application can return the same objects
 * the command line writes. Register it after {@link CxJacksonModule}: for the types below it takes
 * precedence, every other type keeps the general policy.
 *
 * <p>The shapes differ from the general policy in two pieces, as the published schemas fix them: a
 * proportion inside these results is {@code {n, successes, estimate, lower, upper}} (the Wilson
 * interval at the module's confidence, bounds {@code null} when {@code n} is 0), and a duration
 * summary is {@code {n, min, median, p75, p90, p95, p99, max}} in seconds (all but {@code n}
 * {@code null} when empty). NaN and infinities are {@code null}, as everywhere.
 *
 * <table>
 * <caption>The types written and their shapes</caption>
 * <tr><th>type</th><th>fields</th></tr>
 * <tr><td>{@link FunnelResult}</td><td>journeys, entered, completed, conversion, timeToConvertSeconds, steps</td></tr>
 * <tr><td>{@link FunnelStepResult}</td><td>name, index, entered, converted, dropped, fromPrevious, fromFirst,
 *     timeFromPreviousSeconds, timeFromFirstSeconds</td></tr>
 * <tr><td>{@link PathCount}</td><td>path, count, share, variants</td></tr>
 * <tr><td>{@link Transition}</td><td>from, to, count, share, timeSeconds</td></tr>
 * <tr><td>{@link ServiceMetricsResult}</td><td>tickets, solved, firstResponseSeconds, resolutionSeconds,
 *     requesterWaitSeconds, firstContactResolution, repeatContact, reopened, sla {firstResponse, resolution}, each
 *     {target (ISO-8601), targetSeconds, attainment} or null without a target</td></tr>
 * <tr><td>{@link TicketRecordResult}</td><td>the {@link ServiceMetricsResult} fields of its elapsed times, then
 *     businessHours {firstResponseSeconds, resolutionSeconds, requesterWaitSeconds, sla}, oneTouch, satisfaction
 *     {good, bad, offered, unoffered, empty, csat, responseRate} and leftOut (tickets without a value, per
 *     metric)</td></tr>
 * <tr><td>{@link SurvivalCurve}</td><td>group, n, events, censored, median {time, lower, upper}, steps</td></tr>
 * <tr><td>{@link SurvivalStep}</td><td>time, atRisk, events, censored, survival, stdErr, lower, upper (the
 *     module's interval type and confidence); times as integers when whole</td></tr>
 * <tr><td>{@link LogRankTest}</td><td>chiSquare, df, pValue, groups</td></tr>
 * <tr><td>{@link LogRankGroup}</td><td>group, n, observed, expected</td></tr>
 * <tr><td>{@link TouchpointCredit}</td><td>touchpoint, conversions, value, removalEffect, valueRemovalEffect</td></tr>
 * <tr><td>{@link DriverImportance}</td><td>driver, raw, rescaled, mean, rawInterval, rescaledInterval (each
 *     {@code [lower, upper]}, or null without a bootstrap)</td></tr>
 * </table>
 */
public final class CxSchemaModule extends SimpleModule {
    private static final long serialVersionUID = 1L;
    private final double confidence;
    private final SurvivalConfType survivalIntervals;

    private CxSchemaModule(double confidence, SurvivalConfType survivalIntervals) {
        super("cxkit-schemas", new Version(0, 1, 0, "SNAPSHOT", "io.cxkit", "cx-jackson"));
        this.confidence = Check.confidence(confidence);
        this.survivalIntervals = Objects.requireNonNull(survivalIntervals, "survivalIntervals");
        add(FunnelResult.class, this::funnel);
        add(FunnelStepResult.class, this::step);
        add(PathCount.class, CxSchemaModule::path);
        add(Transition.class, CxSchemaModule::transition);
        add(ServiceMetricsResult.class, this::service);
        add(TicketRecordResult.class, this::ticketExport);
        add(SurvivalCurve.class, this::curve);
        add(SurvivalStep.class, this::survivalStep);
        add(LogRankTest.class, CxSchemaModule::logRank);
        add(LogRankGroup.class, CxSchemaModule::logRankGroup);
        add(TouchpointCredit.class, CxSchemaModule::credit);
        add(DriverImportance.class, CxSchemaModule::importance);
    }

    /**
     * The shapes with intervals at {@code confidence}; survival intervals on the log scale (R's
     * default).
     *
     * @param confidence the confidence level in (0, 1), e.g. 0.95
     * @return the module
     */
    public static CxSchemaModule of(double confidence) {
        return new CxSchemaModule(confidence, SurvivalConfType.LOG);
    }

    /**
     * The same module with survival intervals (pointwise and of the median) of another type.
     *
     * @param type the interval type, e.g. {@link SurvivalConfType#LOG_LOG}
     * @return a new module
     */
    public CxSchemaModule survivalIntervals(SurvivalConfType type) {
        return new CxSchemaModule(confidence, type);
    }

    /**
     * Registered once per confidence and survival interval type, like {@link CxJacksonModule}.
     *
     * @return the class name, confidence and interval type
     */
    @Override
    public Object getTypeId() {
        return getClass().getName() + "[confidence=" + confidence + ", survival=" + survivalIntervals + "]";
    }

    /**
     * Writes one value; the provider writes nested values with the mapper's serializers. (Like
     * {@link CxJacksonModule}'s {@code Writer}, but passing the provider, which these nested shapes need.)
     */
    @FunctionalInterface
    private interface Writer<T> {
        void write(T value, JsonGenerator g, SerializerProvider p) throws IOException;
    }

    private <T> void add(Class<T> type, Writer<T> w) {
        addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
                w.write(value, g, p);
            }
        });
    }

    private void funnel(FunnelResult r, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        g.writeNumberField("journeys", r.journeys());
        g.writeNumberField("entered", r.entered());
        g.writeNumberField("completed", r.completed());
        g.writeFieldName("conversion");
        proportion(r.conversion(), g);
        g.writeFieldName("timeToConvertSeconds");
        seconds(r.timeToConvert(), g);
        g.writeFieldName("steps");
        p.defaultSerializeValue(r.steps(), g);
        g.writeEndObject();
    }

    private void step(FunnelStepResult s, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeNumberField("index", s.index());
        g.writeNumberField("entered", s.entered());
        g.writeNumberField("converted", s.converted());
        g.writeNumberField("dropped", s.dropped());
        g.writeFieldName("fromPrevious");
        proportion(s.fromPrevious(), g);
        g.writeFieldName("fromFirst");
        proportion(s.fromFirst(), g);
        g.writeFieldName("timeFromPreviousSeconds");
        seconds(s.timeFromPrevious(), g);
        g.writeFieldName("timeFromFirstSeconds");
        seconds(s.timeFromFirst(), g);
        g.writeEndObject();
    }

    private static void path(PathCount c, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("path");
        for (String t : c.path()) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeNumberField("count", c.count());
        ResultWriter.num(g, "share", c.share());
        g.writeNumberField("variants", c.variants());
        g.writeEndObject();
    }

    private static void transition(Transition t, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        g.writeStringField("from", t.from());
        g.writeStringField("to", t.to());
        g.writeNumberField("count", t.count());
        ResultWriter.num(g, "share", t.share());
        g.writeFieldName("timeSeconds");
        seconds(t.time(), g);
        g.writeEndObject();
    }

    private void service(ServiceMetricsResult r, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        serviceFields(r, g);
        g.writeEndObject();
    }

    private void ticketExport(TicketRecordResult r, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        serviceFields(r.elapsed(), g);
        ServiceMetricsResult b = r.businessHours();
        g.writeObjectFieldStart("businessHours");
        times(b, g);
        sla(b, g);
        g.writeEndObject();
        g.writeFieldName("oneTouch");
        proportion(r.oneTouch(), g);
        TicketSatisfactionResult sat = r.satisfaction();
        g.writeObjectFieldStart("satisfaction");
        g.writeNumberField("good", sat.good());
        g.writeNumberField("bad", sat.bad());
        g.writeNumberField("offered", sat.offered());
        g.writeNumberField("unoffered", sat.unoffered());
        g.writeNumberField("empty", sat.none());
        g.writeFieldName("csat");
        proportion(sat.csat(), g);
        g.writeFieldName("responseRate");
        proportion(sat.responseRate(), g);
        g.writeEndObject();
        ServiceMetricsResult e = r.elapsed();
        g.writeObjectFieldStart("leftOut");
        g.writeNumberField("unsolved", r.tickets() - r.solved());
        g.writeNumberField("firstResponseEmpty", r.tickets() - e.firstResponse().n());
        g.writeNumberField("resolutionEmpty", r.solved() - e.resolution().n());
        g.writeNumberField("requesterWaitEmpty", r.solved() - e.requesterWait().n());
        g.writeNumberField("businessFirstResponseEmpty", r.tickets() - b.firstResponse().n());
        g.writeNumberField("businessResolutionEmpty", r.solved() - b.resolution().n());
        g.writeNumberField("businessRequesterWaitEmpty", r.solved() - b.requesterWait().n());
        g.writeNumberField("firstContactResolutionEmpty", r.solved() - e.firstContactResolution().n());
        g.writeNumberField("reopensEmpty", r.tickets() - e.reopen().n());
        g.writeNumberField("oneTouchEmpty", r.solved() - r.oneTouch().n());
        g.writeEndObject();
        g.writeEndObject();
    }

    private void serviceFields(ServiceMetricsResult r, JsonGenerator g) throws IOException {
        g.writeNumberField("tickets", r.tickets());
        g.writeNumberField("solved", r.solved());
        times(r, g);
        g.writeFieldName("firstContactResolution");
        proportion(r.firstContactResolution(), g);
        g.writeFieldName("repeatContact");
        proportion(r.repeatContact(), g);
        g.writeFieldName("reopened");
        proportion(r.reopen(), g);
        sla(r, g);
    }

    private static void times(ServiceMetricsResult r, JsonGenerator g) throws IOException {
        g.writeFieldName("firstResponseSeconds");
        seconds(r.firstResponse(), g);
        g.writeFieldName("resolutionSeconds");
        seconds(r.resolution(), g);
        g.writeFieldName("requesterWaitSeconds");
        seconds(r.requesterWait(), g);
    }

    private void sla(ServiceMetricsResult r, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("sla");
        target("firstResponse", r.firstResponseTarget().orElse(null), r.firstResponseSla(), g);
        target("resolution", r.resolutionTarget().orElse(null), r.resolutionSla(), g);
        g.writeEndObject();
    }

    private void target(String name, Duration target, ProportionEstimate attainment, JsonGenerator g)
            throws IOException {
        g.writeFieldName(name);
        if (target == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("target", target.toString());
        g.writeFieldName("targetSeconds");
        if (target.getNano() == 0) {
            g.writeNumber(target.getSeconds());
        } else {
            g.writeNumber(ResultWriter.seconds(target));
        }
        g.writeFieldName("attainment");
        proportion(attainment, g);
        g.writeEndObject();
    }

    private void curve(SurvivalCurve c, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        g.writeStringField("group", c.group());
        g.writeNumberField("n", c.n());
        g.writeNumberField("events", c.events());
        g.writeNumberField("censored", c.n() - c.events());
        MedianSurvival med = c.median(survivalIntervals, confidence);
        g.writeObjectFieldStart("median");
        time(g, "time", med.time());
        time(g, "lower", med.interval().lower());
        time(g, "upper", med.interval().upper());
        g.writeEndObject();
        g.writeFieldName("steps");
        p.defaultSerializeValue(c.steps(), g);
        g.writeEndObject();
    }

    private void survivalStep(SurvivalStep s, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        time(g, "time", s.time());
        g.writeNumberField("atRisk", s.atRisk());
        g.writeNumberField("events", s.events());
        g.writeNumberField("censored", s.censored());
        ResultWriter.num(g, "survival", s.survival());
        ResultWriter.num(g, "stdErr", s.stdErr());
        Interval iv = s.interval(survivalIntervals, confidence);
        ResultWriter.num(g, "lower", iv.lower());
        ResultWriter.num(g, "upper", iv.upper());
        g.writeEndObject();
    }

    private static void logRank(LogRankTest t, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        ResultWriter.num(g, "chiSquare", t.chiSquare());
        g.writeNumberField("df", t.df());
        ResultWriter.num(g, "pValue", t.pValue());
        g.writeFieldName("groups");
        p.defaultSerializeValue(t.groups(), g);
        g.writeEndObject();
    }

    private static void logRankGroup(LogRankGroup l, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        g.writeStringField("group", l.group());
        g.writeNumberField("n", l.n());
        g.writeNumberField("observed", l.observed());
        ResultWriter.num(g, "expected", l.expected());
        g.writeEndObject();
    }

    private static void credit(TouchpointCredit t, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        g.writeStringField("touchpoint", t.touchpoint());
        ResultWriter.num(g, "conversions", t.conversions());
        ResultWriter.num(g, "value", t.value());
        ResultWriter.num(g, "removalEffect", t.removalEffect());
        ResultWriter.num(g, "valueRemovalEffect", t.valueRemovalEffect());
        g.writeEndObject();
    }

    private static void importance(DriverImportance d, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        g.writeStringField("driver", d.driver());
        ResultWriter.num(g, "raw", d.raw());
        ResultWriter.num(g, "rescaled", d.rescaled());
        ResultWriter.num(g, "mean", d.mean());
        bounds(g, "rawInterval", d.rawInterval());
        bounds(g, "rescaledInterval", d.rescaledInterval());
        g.writeEndObject();
    }

    /** {@code [lower, upper]}, or null when both bounds are NaN (no bootstrap). */
    private static void bounds(JsonGenerator g, String name, Interval i) throws IOException {
        g.writeFieldName(name);
        if (Double.isNaN(i.lower()) && Double.isNaN(i.upper())) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        ResultWriter.number(g, i.lower());
        ResultWriter.number(g, i.upper());
        g.writeEndArray();
    }

    /** {@code {n, successes, estimate, lower, upper}}: the Wilson interval, bounds null when n is 0. */
    private void proportion(ProportionEstimate e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("n", e.n());
        ResultWriter.num(g, "successes", e.successes());
        ResultWriter.num(g, "estimate", e.estimate());
        Interval i = e.n() == 0 ? null : e.interval(confidence);
        ResultWriter.num(g, "lower", i == null ? Double.NaN : i.lower());
        ResultWriter.num(g, "upper", i == null ? Double.NaN : i.upper());
        g.writeEndObject();
    }

    /** {@code {n, min, median, p75, p90, p95, p99, max}}, all but n null when empty. */
    private static void seconds(QuantileSummary q, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("n", q.n());
        boolean none = q.isEmpty();
        ResultWriter.num(g, "min", none ? Double.NaN : q.min());
        ResultWriter.num(g, "median", none ? Double.NaN : q.median());
        ResultWriter.num(g, "p75", none ? Double.NaN : q.p75());
        ResultWriter.num(g, "p90", none ? Double.NaN : q.p90());
        ResultWriter.num(g, "p95", none ? Double.NaN : q.p95());
        ResultWriter.num(g, "p99", none ? Double.NaN : q.p99());
        ResultWriter.num(g, "max", none ? Double.NaN : q.max());
        g.writeEndObject();
    }

    /** A time: whole numbers without a fraction, null when NaN. */
    private static void time(JsonGenerator g, String name, double v) throws IOException {
        if (!Double.isNaN(v) && v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumberField(name, (long) v);
        } else {
            ResultWriter.num(g, name, v);
        }
    }
}
