package io.cxkit.spark;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Estimate;
import java.util.Locale;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.catalog.functions.AggregateFunction;
import org.apache.spark.sql.connector.catalog.functions.BoundFunction;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One of {@link CxCatalog}'s functions before Spark has bound it to argument types: NPS, CSAT or CES,
 * weighted or not, with the catalog's confidence level. {@link #bind} checks the arguments and
 * returns the aggregate ({@link Bound}) that Spark runs.
 */
final class CatalogFunction implements UnboundFunction {
    private static final long serialVersionUID = 1L;

    private final Metric metric;
    private final boolean weighted;
    private final Accumulator<?, ?> configuration;
    private final double confidence;
    private final String catalog;

    CatalogFunction(Metric metric, boolean weighted, Accumulator<?, ?> configuration, double confidence,
            String catalog) {
        this.metric = metric;
        this.weighted = weighted;
        this.configuration = configuration;
        this.confidence = confidence;
        this.catalog = catalog;
    }

    /** The function's name in the catalog, e.g. {@code nps} or {@code csat_weighted}. */
    static String name(Metric metric, boolean weighted) {
        return metric.name().toLowerCase(Locale.ROOT) + (weighted ? "_weighted" : "");
    }

    @Override
    public String name() {
        return name(metric, weighted);
    }

    private String qualified() {
        return catalog + "." + name();
    }

    @Override
    public String description() {
        return qualified() + "(" + metric.argument + (weighted ? ", weight" : "") + "): cxkit " + metric
                + (weighted ? ", weighted" : "") + ", " + configuration + "; a struct of n, missing,"
                + " estimate, standardError, lower, upper" + (weighted ? ", effectiveN" : "")
                + " and the metric's own counts, interval at " + confidence;
    }

    @Override
    public BoundFunction bind(StructType inputType) {
        StructField[] fields = inputType.fields();
        int expected = weighted ? 2 : 1;
        if (fields.length != expected) {
            throw new UnsupportedOperationException(qualified() + " takes " + expected
                    + (weighted ? " arguments (" + metric.argument + ", weight)" : " argument ("
                    + metric.argument + ")") + ": got " + fields.length);
        }
        NumericArgument answer = numeric(0, fields[0], metric.argument);
        NumericArgument weight = weighted ? numeric(1, fields[1], "weight") : null;
        DataType[] types = new DataType[fields.length];
        for (int i = 0; i < fields.length; i++) {
            types[i] = fields[i].dataType();
        }
        return new Bound(this, answer, weight, types, configuration.emptyCopy().encode());
    }

    private NumericArgument numeric(int ordinal, StructField field, String what) {
        NumericArgument reader = NumericArgument.of(ordinal, field.dataType());
        if (reader == null) {
            throw new UnsupportedOperationException(qualified() + ": the " + what
                    + " argument must be numeric: got " + field.dataType().sql());
        }
        return reader;
    }

    /** The bound aggregate: the library's accumulator as its state, its result as the struct. */
    static final class Bound implements AggregateFunction<AccumulatorState, InternalRow> {
        private static final long serialVersionUID = 1L;

        private final Metric metric;
        private final boolean weighted;
        private final double confidence;
        private final String name;
        private final String canonicalName;
        private final NumericArgument answer;
        private final NumericArgument weight;
        private final DataType[] inputTypes;
        private final byte[] template;

        Bound(CatalogFunction f, NumericArgument answer, NumericArgument weight, DataType[] inputTypes,
                byte[] template) {
            this.metric = f.metric;
            this.weighted = f.weighted;
            this.confidence = f.confidence;
            this.name = f.name();
            // Spark compares canonical names to decide whether two calls are the same aggregate.
            this.canonicalName = CxCatalog.class.getName() + "." + name + "(" + f.configuration
                    + ", confidence " + confidence + ")";
            this.answer = answer;
            this.weight = weight;
            this.inputTypes = inputTypes;
            this.template = template;
        }

        @Override
        public AccumulatorState newAggregationState() {
            return new AccumulatorState(metric.state(), metric.decode(template));
        }

        @Override
        public AccumulatorState update(AccumulatorState state, InternalRow input) {
            boolean missing = answer.isNull(input);
            double value = missing ? Double.NaN : answer.read(input);
            if (weighted) {
                // A null weight goes on as NaN, which the library rejects like any non-positive one.
                double w = weight.isNull(input) ? Double.NaN : weight.read(input);
                metric.feed(state.accumulator(), missing, value, w);
            } else {
                metric.feed(state.accumulator(), missing, value);
            }
            return state;
        }

        @Override
        public AccumulatorState merge(AccumulatorState left, AccumulatorState right) {
            metric.combine(left.accumulator(), right.accumulator());
            return left;
        }

        @Override
        public InternalRow produceResult(AccumulatorState state) {
            Estimate result = (Estimate) state.accumulator().result();
            return new GenericInternalRow(metric.values(result, confidence, weighted));
        }

        @Override
        public DataType[] inputTypes() {
            return inputTypes.clone();
        }

        @Override
        public DataType resultType() {
            return metric.schema(weighted);
        }

        @Override
        public boolean isResultNullable() {
            return false;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String canonicalName() {
            return canonicalName;
        }
    }
}
