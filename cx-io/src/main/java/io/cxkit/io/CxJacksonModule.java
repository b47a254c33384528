package io.cxkit.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/**
 * The cxkit Jackson module ({@link io.cxkit.jackson.CxJacksonModule}, from the cx-jackson
 * artifact) plus cx-io's own results: {@link SurveyReadResult} (a {@code cxkit/survey-report/v1}
 * report with its {@code input} block), {@link RejectedRows} and {@link RowError}.
 * {@code new ObjectMapper().registerModule(CxJacksonModule.of(0.95))}.
 *
 * <p>Fields added within v1 (none renamed, moved or removed): per metric {@code lowN} (n below the
 * module's minimum n, default 30) and {@code clipped} (a bound cut at the edge of the score's
 * range, see {@link io.cxkit.jackson.ReportedInterval}); in a read result's {@code input}:
 * {@code counted}, {@code excluded} ({@code total} and {@code rules}: rule and count),
 * {@code layout}, {@code rules} (why each column was chosen), {@code weight} (the column or
 * {@code "unweighted"}), {@code scales} and {@code timeZone}; in {@code segmentation}:
 * {@code minN}; and, for a read rolled up through a touchpoint catalog, {@code touchpointCatalog}
 * ({@code file}: the catalog's name, {@code touchpoints} it holds, the touchpoint {@code column},
 * the {@code level} and the touchpoints {@code notInCatalog}).
 */
public final class CxJacksonModule extends io.cxkit.jackson.CxJacksonModule {
    private static final long serialVersionUID = 1L;
    /** The schema identifier written at the top of a report. */
    public static final String SCHEMA = io.cxkit.jackson.CxJacksonModule.SCHEMA;
    /** The default minimum n below which an estimate is flagged {@code lowN}. */
    public static final int DEFAULT_MIN_N = io.cxkit.jackson.CxJacksonModule.DEFAULT_MIN_N;

    private CxJacksonModule(double confidence, int minN) {
        super(confidence, minN);
        add(SurveyReadResult.class, (v, g) -> {
            g.writeStartObject();
            reportFields(v.report(), g);
            if (v.input().touchpoints().isPresent()) {
                TouchpointRollUp t = v.input().touchpoints().get();
                g.writeObjectFieldStart("touchpointCatalog");
                g.writeStringField("file", t.catalog());
                g.writeNumberField("touchpoints", t.catalogTouchpoints());
                g.writeStringField("column", t.column());
                g.writeStringField("level", t.level().label());
                g.writeArrayFieldStart("notInCatalog");
                for (String u : t.notInCatalog()) {
                    g.writeString(u);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
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
}
