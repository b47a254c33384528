package io.cxkit.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.cxkit.core.Check;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.core.SegmentKey;
import io.cxkit.survey.CesResult;
import io.cxkit.survey.CsatResult;
import io.cxkit.survey.NpsResult;
import io.cxkit.survey.RatingScale;
import io.cxkit.survey.ScoreCardResult;
import io.cxkit.survey.SurveyReport;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A Jackson module that writes cxkit results in the documented JSON schema
 * ({@code cxkit/survey-report/v1}, see the README), so applications can return them from their own
 * APIs: {@code new ObjectMapper().registerModule(CxJacksonModule.of(0.95))}.
 *
 * <p>Covers {@link NpsResult}, {@link CsatResult}, {@link CesResult}, {@link ScoreCardResult},
 * {@link SurveyReport}, {@link SurveyReadResult}, {@link RejectedRows}, {@link RowError} and
 * {@link Interval}. Every metric object has {@code n}, {@code missing}, {@code estimate},
 * {@code standardError}, {@code lower}, {@code upper} (the default interval at the module's
 * confidence), {@code interval} (its method) and {@code weighted}, plus {@code effectiveN} when
 * weighted. NPS is in points, CSAT in percent satisfied, CES the mean rating. NaN (empty input) is
 * written as {@code null}. Serialization only: results are computed, not read back.
 *
 * <p>Fields added within v1 (none renamed, moved or removed): per metric {@code lowN} (n below the
 * module's minimum n, default 30) and {@code clipped} (a bound cut at the edge of the score's
 * range, see {@link ReportedInterval}); in a read result's {@code input}: {@code counted},
 * {@code excluded} ({@code total} and {@code rules}: rule and count), {@code layout},
 * {@code rules} (why each column was chosen), {@code weight} (the column or
 * {@code "unweighted"}), {@code scales} and {@code timeZone}; in {@code segmentation}:
 * {@code minN}.
 */
public final class CxJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;
    /** The schema identifier written at the top of a report. */
    public static final String SCHEMA = "cxkit/survey-report/v1";
    /** The default minimum n below which an estimate is flagged {@code lowN}. */
    public static final int DEFAULT_MIN_N = 30;
    private final double confidence;
    private final int minN;

    private CxJacksonModule(double confidence, int minN) {
        super("cxkit", new Version(0, 1, 0, "SNAPSHOT", "io.cxkit", "cx-io"));
        this.confidence = Check.confidence(confidence);
        this.minN = Check.inRange(minN, 0, Integer.MAX_VALUE, "minN");
        add(NpsResult.class, (v, g) -> nps(v, g));
        add(CsatResult.class, (v, g) -> csat(v, g));
        add(CesResult.class, (v, g) -> ces(v, g));
        add(ScoreCardResult.class, (v, g) -> {
            g.writeStartObject();
            cardFields(v, g);
            g.writeEndObject();
        });
        add(SurveyReport.class, (v, g) -> {
            g.writeStartObject();
            reportFields(v, g);
            g.writeEndObject();
        });
        add(SurveyReadResult.class, (v, g) -> {
            g.writeStartObject();
            reportFields(v.report(), g);
            g.writeObjectFieldStart("input");
            g.writeNumberField("rows", v.rows());
            g.writeNumberField("accepted", v.accepted());
            g.writeObjectFieldStart("columns");
            for (Map.Entry<String, String> e : v.columns().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeFieldName("rejected");
            rejected(v.rejected(), g);
            InputSummary in = v.input();
            g.writeNumberField("counted", v.accepted());
            g.writeObjectFieldStart("excluded");
            g.writeNumberField("total", in.excludedTotal());
            g.writeArrayFieldStart("rules");
            for (Map.Entry<String, Long> e : in.excluded().entrySet()) {
                g.writeStartObject();
                g.writeStringField("rule", e.getKey());
                g.writeNumberField("count", e.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("layout", in.layout());
            strings(g, "rules", in.rules());
            g.writeStringField("weight", in.weight());
            strings(g, "scales", in.scales());
            g.writeStringField("timeZone", in.timeZone());
            g.writeEndObject();
            g.writeEndObject();
        });
        add(RejectedRows.class, (v, g) -> rejected(v, g));
        add(RowError.class, (v, g) -> rowError(v, g));
        add(Interval.class, (v, g) -> {
            g.writeStartObject();
            num(g, "lower", v.lower());
            num(g, "upper", v.upper());
            g.writeNumberField("confidence", v.confidence());
            g.writeStringField("method", v.method());
            g.writeEndObject();
        });
    }

    /**
     * A module writing intervals at the given confidence.
     *
     * @param confidence the confidence level in (0, 1), e.g. 0.95
     * @return the module
     */
    public static CxJacksonModule of(double confidence) {
        return new CxJacksonModule(confidence, DEFAULT_MIN_N);
    }

    /**
     * A module writing intervals at the given confidence and flagging estimates on fewer than
     * {@code minN} answers ({@code "lowN": true}).
     *
     * @param confidence the confidence level in (0, 1), e.g. 0.95
     * @param minN the minimum n, &gt;= 0 (0 flags nothing)
     * @return the module
     */
    public static CxJacksonModule of(double confidence, int minN) {
        return new CxJacksonModule(confidence, minN);
    }

    private static void strings(JsonGenerator g, String name, Map<String, String> m) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : m.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /**
     * The confidence of the intervals written.
     *
     * @return the confidence level
     */
    public double confidence() {
        return confidence;
    }

    private interface Writer<T> {
        void write(T value, JsonGenerator g) throws IOException;
    }

    private <T> void add(Class<T> type, Writer<T> w) {
        addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
                w.write(value, g);
            }
        });
    }

    private void reportFields(SurveyReport r, JsonGenerator g) throws IOException {
        g.writeStringField("schema", SCHEMA);
        g.writeNumberField("confidence", confidence);
        g.writeObjectFieldStart("segmentation");
        g.writeArrayFieldStart("by");
        for (String a : r.segmentation().attributes()) {
            g.writeString(a);
        }
        g.writeEndArray();
        if (r.segmentation().grain().isPresent()) {
            g.writeStringField("period", r.segmentation().grain().get().name().toLowerCase(java.util.Locale.ROOT));
        } else {
            g.writeNullField("period");
        }
        g.writeStringField("zone", r.segmentation().zone().getId());
        g.writeNumberField("minN", minN);
        g.writeEndObject();
        g.writeFieldName("overall");
        segment(SegmentKey.overall(), List.of(), r.overall(), g);
        g.writeArrayFieldStart("segments");
        List<String> names = r.segmentation().partNames();
        for (Map.Entry<SegmentKey, ScoreCardResult> e : r.segments().asMap().entrySet()) {
            segment(e.getKey(), names, e.getValue(), g);
        }
        g.writeEndArray();
    }

    private void segment(SegmentKey key, List<String> names, ScoreCardResult c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("label", key.label());
        g.writeObjectFieldStart("key");
        for (int i = 0; i < key.size(); i++) {
            g.writeStringField(i < names.size() ? names.get(i) : "part" + i, key.part(i));
        }
        g.writeEndObject();
        cardFields(c, g);
        g.writeEndObject();
    }

    private void cardFields(ScoreCardResult c, JsonGenerator g) throws IOException {
        g.writeFieldName("nps");
        nps(c.nps(), g);
        g.writeFieldName("csat");
        csat(c.csat(), g);
        g.writeFieldName("ces");
        ces(c.ces(), g);
    }

    private void common(Estimate e, long missing, JsonGenerator g) throws IOException {
        g.writeNumberField("n", e.n());
        g.writeNumberField("missing", missing);
        num(g, "estimate", e.estimate());
        num(g, "standardError", e.standardError());
        Interval ci = e.interval(confidence);
        ReportedInterval ri = ReportedInterval.of(e, confidence, minN);
        num(g, "lower", ri.lower());
        num(g, "upper", ri.upper());
        g.writeStringField("interval", ci.method());
        g.writeBooleanField("weighted", e.weighted());
        if (e.weighted()) {
            num(g, "effectiveN", e.effectiveN());
        }
        g.writeBooleanField("lowN", ri.lowN());
        g.writeBooleanField("clipped", ri.clipped());
    }

    private void nps(NpsResult r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        common(r, r.missing(), g);
        g.writeNumberField("promoters", r.promoters());
        g.writeNumberField("passives", r.passives());
        g.writeNumberField("detractors", r.detractors());
        num(g, "promoterShare", r.promoterShare());
        num(g, "passiveShare", r.passiveShare());
        num(g, "detractorShare", r.detractorShare());
        g.writeEndObject();
    }

    private void csat(CsatResult r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        common(r, r.missing(), g);
        num(g, "meanRating", r.rating().mean());
        scale(r.scale(), g);
        g.writeEndObject();
    }

    private void ces(CesResult r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        common(r, r.missing(), g);
        num(g, "percentAgree", r.percentAgree());
        scale(r.scale(), g);
        g.writeEndObject();
    }

    private static void scale(RatingScale s, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("scale");
        g.writeNumberField("min", s.min());
        g.writeNumberField("max", s.max());
        g.writeNumberField("threshold", s.threshold());
        g.writeEndObject();
    }

    private static void rejected(RejectedRows r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("total", r.total());
        g.writeArrayFieldStart("reasons");
        for (Map.Entry<String, Long> e : r.counts().entrySet()) {
            g.writeStartObject();
            g.writeStringField("reason", e.getKey());
            g.writeNumberField("count", e.getValue());
            g.writeArrayFieldStart("examples");
            for (RowError x : r.examples().get(e.getKey())) {
                rowError(x, g);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void rowError(RowError e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", e.source());
        g.writeNumberField("line", e.line());
        g.writeNumberField("column", e.column());
        g.writeStringField("columnName", e.columnName());
        g.writeStringField("value", e.value());
        g.writeStringField("reason", e.reason());
        g.writeStringField("message", e.message());
        g.writeEndObject();
    }

    private static void num(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }
}
