package io.cxkit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.cxkit.core.Comparison;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.core.SegmentKey;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The one JSON policy for cxkit results, applied to a record's components: non-finite numbers as
 * {@code null}, durations as seconds, instants, dates, months and zones as ISO-8601 text, enums as lower-case
 * names, empty optionals as {@code null}; an {@link Estimate} leads with {@code n},
 * {@code estimate}, {@code standardError}, {@code lower}, {@code upper} at the module's
 * confidence, and a {@link Comparison} with {@code estimate} (the difference), {@code lower} and
 * {@code upper} beside its own fields. Nested cxkit values go back through the provider, so they
 * are written by the module's serializers too.
 */
final class ResultWriter {
    /** Fields an estimate's leading block writes, skipped when its components follow. */
    private static final Set<String> ESTIMATE_FIELDS = Set.of("n", "estimate", "standardError", "lower", "upper",
            "confidence", "interval", "weighted", "effectiveN");
    private final double confidence;

    ResultWriter(double confidence) {
        this.confidence = confidence;
    }

    /** Writes one record as an object under the policy. */
    void record(Record r, RecordComponent[] components, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        Set<String> skip = Set.of();
        if (r instanceof Estimate e) {
            estimate(e, g);
            skip = ESTIMATE_FIELDS;
        } else if (r instanceof Comparison c) {
            num(g, "estimate", c.difference());
            num(g, "lower", c.interval().lower());
            num(g, "upper", c.interval().upper());
            num(g, "confidence", c.interval().confidence());
        }
        for (RecordComponent c : components) {
            if (skip.contains(c.getName())) {
                continue;
            }
            g.writeFieldName(c.getName());
            value(read(r, c.getAccessor(), p), g, p);
        }
        g.writeEndObject();
    }

    private void estimate(Estimate e, JsonGenerator g) throws IOException {
        g.writeNumberField("n", e.n());
        num(g, "estimate", e.estimate());
        num(g, "standardError", e.standardError());
        Interval ci = e.interval(confidence);
        num(g, "lower", ci.lower());
        num(g, "upper", ci.upper());
        g.writeNumberField("confidence", confidence);
        g.writeStringField("interval", ci.method());
        g.writeBooleanField("weighted", e.weighted());
        if (e.weighted()) {
            num(g, "effectiveN", e.effectiveN());
        }
    }

    private static Object read(Record r, Method accessor, SerializerProvider p) throws JsonMappingException {
        try {
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw JsonMappingException.from(p, "cannot read " + r.getClass().getSimpleName() + "."
                    + accessor.getName() + "(): " + e, e);
        }
    }

    /** Writes one value under the policy. */
    void value(Object v, JsonGenerator g, SerializerProvider p) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Double || v instanceof Float) {
            number(g, ((Number) v).doubleValue());
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof CharSequence s) {
            g.writeString(s.toString());
        } else if (v instanceof Enum<?> e) {
            g.writeString(enumName(e));
        } else if (v instanceof Duration d) {
            number(g, seconds(d));
        } else if (v instanceof Instant || v instanceof LocalDate || v instanceof YearMonth) {
            g.writeString(v.toString());
        } else if (v instanceof ZoneId z) {
            g.writeString(z.getId());
        } else if (v instanceof Optional<?> o) {
            value(o.orElse(null), g, p);
        } else if (v instanceof OptionalDouble o) {
            number(g, o.orElse(Double.NaN));
        } else if (v instanceof double[] a) {
            g.writeStartArray();
            for (double x : a) {
                number(g, x);
            }
            g.writeEndArray();
        } else if (v instanceof long[] a) {
            g.writeArray(a, 0, a.length);
        } else if (v instanceof int[] a) {
            g.writeArray(a, 0, a.length);
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object x : c) {
                value(x, g, p);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(key(e.getKey()));
                value(e.getValue(), g, p);
            }
            g.writeEndObject();
        } else {
            p.defaultSerializeValue(v, g);
        }
    }

    /** A map key as text: enums by lower-case name, segment keys by label. */
    static String key(Object k) {
        if (k instanceof Enum<?> e) {
            return enumName(e);
        }
        if (k instanceof SegmentKey s) {
            return s.label();
        }
        return String.valueOf(k);
    }

    private static String enumName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** A duration in seconds, keeping sub-second precision. */
    static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    /** Writes a named number, {@code null} when NaN or infinite. */
    static void num(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        number(g, v);
    }
}
