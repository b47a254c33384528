package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * The flat row an engine (Spark, Flink) writes for one NPS, CSAT or CES result, defined once for
 * every engine: {@code n} and {@code missing} (whole numbers), {@code estimate},
 * {@code standardError}, {@code lower} and {@code upper} of the default interval, {@code effectiveN}
 * only when weighted, then the metric's own fields — promoters, passives and detractors (whole
 * numbers) for NPS, {@code meanRating} for CSAT, {@code percentAgree} for CES. The engines map
 * {@link Long} and {@link Double} to their own SQL types; every number comes from the result.
 */
public final class ScoreRow {

    /**
     * One field of the row.
     *
     * @param name the field name
     * @param type {@code Long.class} or {@code Double.class}
     */
    public record Field(String name, Class<?> type) {
        /**
         * Validates the components.
         *
         * @param name the field name
         * @param type the value type
         */
        public Field {
            Check.notNull(name, "name");
            Check.notNull(type, "type");
        }
    }

    private ScoreRow() {
    }

    /**
     * The fields of the row, in order.
     *
     * @param kind {@link SurveyAccumulatorKind#NPS}, {@code CSAT} or {@code CES}
     * @param weighted whether the row carries {@code effectiveN}
     * @return the fields
     * @throws IllegalArgumentException for a kind that is not a score
     */
    public static List<Field> fields(SurveyAccumulatorKind kind, boolean weighted) {
        List<Field> f = new ArrayList<>(List.of(new Field("n", Long.class), new Field("missing", Long.class),
                new Field("estimate", Double.class), new Field("standardError", Double.class),
                new Field("lower", Double.class), new Field("upper", Double.class)));
        if (weighted) {
            f.add(new Field("effectiveN", Double.class));
        }
        switch (Check.notNull(kind, "kind")) {
            case NPS -> f.addAll(List.of(new Field("promoters", Long.class), new Field("passives", Long.class),
                    new Field("detractors", Long.class)));
            case CSAT -> f.add(new Field("meanRating", Double.class));
            case CES -> f.add(new Field("percentAgree", Double.class));
            default -> throw new IllegalArgumentException("a score row is for NPS, CSAT or CES: " + kind);
        }
        return List.copyOf(f);
    }

    /**
     * The values of {@link #fields} for one result, boxed ({@code Long} and {@code Double}, which
     * Spark's rows and Flink's {@code Row} take as they are).
     *
     * @param result an {@link NpsResult}, {@link CsatResult} or {@link CesResult}
     * @param confidence the confidence level of the interval, in (0, 1)
     * @param weighted whether to write {@code effectiveN}
     * @return the values, in field order
     * @throws IllegalArgumentException for another result type
     */
    public static Object[] values(Estimate result, double confidence, boolean weighted) {
        Check.notNull(result, "result");
        long missing;
        List<Object> extra;
        if (result instanceof NpsResult r) {
            missing = r.missing();
            extra = List.of(r.promoters(), r.passives(), r.detractors());
        } else if (result instanceof CsatResult r) {
            missing = r.missing();
            extra = List.of(r.rating().mean());
        } else if (result instanceof CesResult r) {
            missing = r.missing();
            extra = List.of(r.percentAgree());
        } else {
            throw new IllegalArgumentException("a score row is for an NPS, CSAT or CES result: "
                    + result.getClass().getName());
        }
        Interval ci = result.interval(confidence);
        List<Object> v = new ArrayList<>(List.of(result.n(), missing, result.estimate(), result.standardError(),
                ci.lower(), ci.upper()));
        if (weighted) {
            v.add(result.effectiveN());
        }
        v.addAll(extra);
        return v.toArray();
    }
}
