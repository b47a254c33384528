package io.cxkit.spark;

import io.cxkit.journey.survival.SurvivalAccumulator;
import java.util.Locale;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.catalog.functions.AggregateFunction;
import org.apache.spark.sql.connector.catalog.functions.BoundFunction;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@link CxCatalog}'s survival functions, backed by the library's {@link SurvivalAccumulator}:
 * {@code kaplan_meier(time, event)}, the Kaplan–Meier curve of a group of rows with its median, and
 * {@code log_rank(time, event, group)}, the log-rank test between the values of {@code group} within
 * a group of rows. The time is any numeric type (finite, &gt;= 0, in the data's unit); the event is a
 * boolean or a number 0 (censored) / 1 (event); the group is a string. A null in any argument fails
 * the query naming the argument (survival has no "missing answer": leave such rows out with
 * {@code WHERE}). Output structs: {@link SurvivalOutput#KAPLAN_MEIER}, {@link SurvivalOutput#LOG_RANK}.
 */
final class SurvivalFunction implements UnboundFunction {
    private static final long serialVersionUID = 1L;

    /** The two functions. */
    enum Kind {
        /** {@code kaplan_meier(time, event)}. */
        KAPLAN_MEIER("time, event"),
        /** {@code log_rank(time, event, group)}. */
        LOG_RANK("time, event, group");

        final String arguments;

        Kind(String arguments) {
            this.arguments = arguments;
        }

        /** The function's name in the catalog. */
        String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean grouped() {
            return this == LOG_RANK;
        }
    }

    private final Kind kind;
    private final double confidence;
    private final String catalog;

    SurvivalFunction(Kind kind, double confidence, String catalog) {
        this.kind = kind;
        this.confidence = confidence;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return kind.sqlName();
    }

    @Override
    public String description() {
        return catalog + "." + name() + "(" + kind.arguments + "): cxkit " + (kind.grouped()
                ? "log-rank test between the groups; a struct of n, events, chiSquare, df, pValue and groups"
                : "Kaplan-Meier curve; a struct of n, events, censored, median, medianLower, medianUpper and"
                        + " steps, intervals at " + confidence);
    }

    @Override
    public BoundFunction bind(StructType inputType) {
        String qualified = catalog + "." + name();
        StructField[] fields = inputType.fields();
        int expected = kind.grouped() ? 3 : 2;
        if (fields.length != expected) {
            throw new UnsupportedOperationException(qualified + " takes " + expected + " arguments ("
                    + kind.arguments + "): got " + fields.length);
        }
        NumericArgument time = NumericArgument.of(0, fields[0].dataType());
        if (time == null) {
            throw new UnsupportedOperationException(qualified + ": the time argument must be numeric: got "
                    + fields[0].dataType().sql());
        }
        DataType eventType = fields[1].dataType();
        boolean booleanEvent = DataTypes.BooleanType.equals(eventType);
        NumericArgument event = booleanEvent ? null : NumericArgument.of(1, eventType);
        if (!booleanEvent && event == null) {
            throw new UnsupportedOperationException(qualified + ": the event argument must be boolean or numeric"
                    + " (1 = event, 0 = censored): got " + eventType.sql());
        }
        if (kind.grouped() && !DataTypes.StringType.equals(fields[2].dataType())
                && !DataTypes.NullType.equals(fields[2].dataType())) {
            throw new UnsupportedOperationException(qualified + ": the group argument must be a string: got "
                    + fields[2].dataType().sql() + " (CAST it AS STRING)");
        }
        DataType[] types = new DataType[fields.length];
        for (int i = 0; i < fields.length; i++) {
            types[i] = fields[i].dataType();
        }
        return new Bound(kind, qualified, confidence, time, event, types);
    }

    /** The bound aggregate: a {@link SurvivalAccumulator} as its state. */
    static final class Bound implements AggregateFunction<AccumulatorState, InternalRow> {
        private static final long serialVersionUID = 1L;

        private final Kind kind;
        private final String qualified;
        private final double confidence;
        private final NumericArgument time;
        /** Null when the event argument is a boolean. */
        private final NumericArgument event;
        private final DataType[] inputTypes;

        Bound(Kind kind, String qualified, double confidence, NumericArgument time, NumericArgument event,
                DataType[] inputTypes) {
            this.kind = kind;
            this.qualified = qualified;
            this.confidence = confidence;
            this.time = time;
            this.event = event;
            this.inputTypes = inputTypes;
        }

        @Override
        public AccumulatorState newAggregationState() {
            return new AccumulatorState(StateKind.SURVIVAL, SurvivalAccumulator.create());
        }

        @Override
        public AccumulatorState update(AccumulatorState state, InternalRow input) {
            boolean timeNull = time.isNull(input);
            boolean eventNull = event == null ? input.isNullAt(1) : event.isNull(input);
            double e = eventNull ? Double.NaN : event == null ? (input.getBoolean(1) ? 1 : 0) : event.read(input);
            String group = null;
            if (kind.grouped() && !DataTypes.NullType.equals(inputTypes[2]) && !input.isNullAt(2)) {
                group = input.getUTF8String(2).toString();
            }
            SurvivalOutput.feed((SurvivalAccumulator) state.accumulator(), qualified, timeNull,
                    timeNull ? Double.NaN : time.read(input), eventNull, e, kind.grouped(), group);
            return state;
        }

        @Override
        public AccumulatorState merge(AccumulatorState left, AccumulatorState right) {
            ((SurvivalAccumulator) left.accumulator()).combine((SurvivalAccumulator) right.accumulator());
            return left;
        }

        @Override
        public InternalRow produceResult(AccumulatorState state) {
            SurvivalAccumulator acc = (SurvivalAccumulator) state.accumulator();
            return (InternalRow) (kind.grouped() ? SurvivalOutput.logRank(acc, StructShape.INTERNAL)
                    : SurvivalOutput.kaplanMeier(acc, confidence, StructShape.INTERNAL));
        }

        @Override
        public DataType[] inputTypes() {
            return inputTypes.clone();
        }

        @Override
        public DataType resultType() {
            return kind.grouped() ? SurvivalOutput.LOG_RANK : SurvivalOutput.KAPLAN_MEIER;
        }

        @Override
        public boolean isResultNullable() {
            return false;
        }

        @Override
        public String name() {
            return kind.sqlName();
        }

        @Override
        public String canonicalName() {
            return CxCatalog.class.getName() + "." + kind.sqlName() + "(confidence " + confidence + ")";
        }
    }
}
