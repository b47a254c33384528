package io.cxkit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.cxkit.core.Check;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import io.cxkit.survey.CesResult;
import io.cxkit.survey.CsatResult;
import io.cxkit.survey.NpsResult;
import io.cxkit.survey.RatingScale;
import io.cxkit.survey.ScoreCardResult;
import io.cxkit.survey.SurveyScoresResult;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Jackson module that writes every cxkit result (cx-core, cx-survey, cx-journey) as JSON with one
 * policy, so applications can return results from their own APIs:
 * {@code new ObjectMapper().registerModule(CxJacksonModule.of(0.95))}, or
 * {@code new ObjectMapper().findAndRegisterModules()}, which finds the module (at 95% and a minimum
 * n of 30) through {@code META-INF/services/com.fasterxml.jackson.databind.Module}.
 *
 * <p>The policy: NaN and infinities are written as {@code null}; durations as seconds (a number,
 * sub-second precision kept); instants, dates and months as ISO-8601 text; enums as lower-case names;
 * empty optionals as {@code null}; every {@link Estimate} leads with {@code n}, {@code estimate},
 * {@code standardError}, {@code lower}, {@code upper} (its default interval at the module's
 * confidence), {@code confidence}, {@code interval} (the method) and {@code weighted}, plus
 * {@code effectiveN} when weighted, then its remaining fields; a
 * {@link io.cxkit.core.Comparison} adds {@code estimate} (the difference), {@code lower},
 * {@code upper} and {@code confidence} from its own interval. Every other result record is written
 * field by field under the same policy (see {@link #resultTypes()}); no result falls back to
 * Jackson's default record output. Serialization only: results are computed, not read back.
 *
 * <p>Survey results keep the documented {@code cxkit/survey-report/v1} shape (see the README):
 * every metric object has {@code n}, {@code missing}, {@code estimate}, {@code standardError},
 * {@code lower}, {@code upper} (clipped to the score's range, {@link ReportedInterval}),
 * {@code interval} (its method), {@code weighted}, {@code effectiveN} when weighted, {@code lowN}
 * (n below the module's minimum n) and {@code clipped}. NPS is in points, CSAT in percent
 * satisfied, CES the mean rating.
 */
public class CxJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;
    /** The schema identifier written at the top of a survey report. */
    public static final String SCHEMA = "cxkit/survey-report/v1";
    /** The default minimum n below which an estimate is flagged {@code lowN}. */
    public static final int DEFAULT_MIN_N = 30;
    /** The confidence of the module {@code findAndRegisterModules()} registers. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    private final double confidence;
    private final int minN;
    private final transient ResultWriter policy;

    /**
     * The module at {@value #DEFAULT_CONFIDENCE} confidence and minimum n {@value #DEFAULT_MIN_N},
     * as {@link java.util.ServiceLoader} (and so {@code findAndRegisterModules()}) creates it.
     */
    public CxJacksonModule() {
        this(DEFAULT_CONFIDENCE, DEFAULT_MIN_N);
    }

    /**
     * A module writing intervals at the given confidence, flagging estimates on fewer than
     * {@code minN} answers; for subclasses that add serializers of their own.
     *
     * @param confidence the confidence level in (0, 1), e.g. 0.95
     * @param minN the minimum n, &gt;= 0 (0 flags nothing)
     */
    protected CxJacksonModule(double confidence, int minN) {
        super("cxkit", new Version(0, 1, 0, "SNAPSHOT", "io.cxkit", "cx-jackson"));
        this.confidence = Check.confidence(confidence);
        this.minN = Check.inRange(minN, 0, Integer.MAX_VALUE, "minN");
        this.policy = new ResultWriter(this.confidence);
        for (Class<? extends Record> type : ResultTypes.ALL) {
            if (!ResultTypes.WRITTEN_BY_HAND.contains(type)) {
                addRecord(type);
            }
        }
        add(NpsResult.class, (v, g) -> nps(v, g));
        add(CsatResult.class, (v, g) -> csat(v, g));
        add(CesResult.class, (v, g) -> ces(v, g));
        add(ScoreCardResult.class, (v, g) -> {
            g.writeStartObject();
            cardFields(v, g);
            g.writeEndObject();
        });
        add(SurveyScoresResult.class, (v, g) -> {
            g.writeStartObject();
            reportFields(v, g);
            g.writeEndObject();
        });
        add(Interval.class, (v, g) -> {
            g.writeStartObject();
            ResultWriter.num(g, "lower", v.lower());
            ResultWriter.num(g, "upper", v.upper());
            g.writeNumberField("confidence", v.confidence());
            g.writeStringField("method", v.method());
            g.writeEndObject();
        });
        @SuppressWarnings({"rawtypes", "unchecked"})
        Class<SegmentedResult<?>> segmented = (Class) SegmentedResult.class;
        addSerializer(segmented, new JsonSerializer<SegmentedResult<?>>() {
            @Override
            public void serialize(SegmentedResult<?> v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartArray();
                for (Map.Entry<SegmentKey, ?> e : v.asMap().entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("label", e.getKey().label());
                    g.writeFieldName("key");
                    policy.value(e.getKey().parts(), g, p);
                    g.writeFieldName("result");
                    policy.value(e.getValue(), g, p);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
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

    /**
     * The result types this module writes: every public record of {@code io.cxkit.core},
     * {@code io.cxkit.survey} and {@code io.cxkit.journey} and their subpackages (customer value in
     * {@code io.cxkit.journey.value}) that is a value (not a holder of accumulators). {@link SegmentedResult}, a class, is written too: an array of
     * {@code label}, {@code key} and {@code result}.
     *
     * @return the record types, in a fixed order
     */
    public static Set<Class<? extends Record>> resultTypes() {
        return new LinkedHashSet<>(ResultTypes.ALL);
    }

    /**
     * Jackson registers a module once per type id; the id includes the confidence and minimum n, so
     * a module registered after {@code findAndRegisterModules()} at another confidence is not
     * silently dropped as a duplicate (the one registered last writes).
     *
     * @return the class name, confidence and minimum n
     */
    @Override
    public Object getTypeId() {
        return getClass().getName() + "[confidence=" + confidence + ", minN=" + minN + "]";
    }

    /**
     * The confidence of the intervals written.
     *
     * @return the confidence level
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The minimum n below which an estimate is flagged {@code lowN}.
     *
     * @return the minimum n
     */
    public int minN() {
        return minN;
    }

    /**
     * Writes one value of type {@code T} to a generator.
     *
     * @param <T> the value's type
     */
    @FunctionalInterface
    protected interface Writer<T> {
        /**
         * Writes the value.
         *
         * @param value the value, never null
         * @param g the generator
         * @throws IOException if writing fails
         */
        void write(T value, JsonGenerator g) throws IOException;
    }

    /**
     * Registers a serializer for a type.
     *
     * @param <T> the type
     * @param type the class written
     * @param w how to write it
     */
    protected final <T> void add(Class<T> type, Writer<T> w) {
        addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
                w.write(value, g);
            }
        });
    }

    private <T extends Record> void addRecord(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
                policy.record(value, components, g, p);
            }
        });
    }

    /**
     * Writes the fields of a {@code cxkit/survey-report/v1} report (schema, confidence,
     * segmentation, overall, segments) into the object being written.
     *
     * @param r the report
     * @param g the generator, inside an object
     * @throws IOException if writing fails
     */
    protected final void reportFields(SurveyScoresResult r, JsonGenerator g) throws IOException {
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
        ResultWriter.num(g, "estimate", e.estimate());
        ResultWriter.num(g, "standardError", e.standardError());
        Interval ci = e.interval(confidence);
        ReportedInterval ri = ReportedInterval.of(e, confidence, minN);
        ResultWriter.num(g, "lower", ri.lower());
        ResultWriter.num(g, "upper", ri.upper());
        g.writeStringField("interval", ci.method());
        g.writeBooleanField("weighted", e.weighted());
        if (e.weighted()) {
            ResultWriter.num(g, "effectiveN", e.effectiveN());
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
        ResultWriter.num(g, "promoterShare", r.promoterShare());
        ResultWriter.num(g, "passiveShare", r.passiveShare());
        ResultWriter.num(g, "detractorShare", r.detractorShare());
        g.writeEndObject();
    }

    private void csat(CsatResult r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        common(r, r.missing(), g);
        ResultWriter.num(g, "meanRating", r.rating().mean());
        scale(r.scale(), g);
        g.writeEndObject();
    }

    private void ces(CesResult r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        common(r, r.missing(), g);
        ResultWriter.num(g, "percentAgree", r.percentAgree());
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
}
