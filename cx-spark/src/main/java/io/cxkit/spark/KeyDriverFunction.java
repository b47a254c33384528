package io.cxkit.spark;

import io.cxkit.survey.drivers.DriverImportance;
import io.cxkit.survey.drivers.KeyDriverMethod;
import io.cxkit.survey.drivers.KeyDriversResult;
import io.cxkit.survey.drivers.KeyDrivers;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.connector.catalog.functions.AggregateFunction;
import org.apache.spark.sql.connector.catalog.functions.BoundFunction;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * {@link CxCatalog}'s key-driver functions: {@code key_drivers(outcome, driver1, …, driverK)} (and
 * {@code _weighted} with a trailing weight; {@code key_drivers_lmg…} for the LMG / Shapley split),
 * backed by the library's {@link KeyDrivers} co-moment accumulator. SQL passes no column names to a
 * function, so the drivers are named by position, {@code driver1} … {@code driverK}, in argument
 * order. The result: {@code struct<n, excluded, rSquared, importances: array<struct<driver, raw,
 * rescaled, mean>>>}, the fields of {@link KeyDriversResult} and {@link DriverImportance}. A group with
 * no rows, or with fewer complete rows than drivers + 2 (too few to fit), gets NaN R² and
 * importances, with {@code n} saying how many rows it had, rather than failing the query.
 */
final class KeyDriverFunction implements UnboundFunction {
    private static final long serialVersionUID = 1L;
    private static final StructType IMPORTANCE = new StructType()
            .add("driver", DataTypes.StringType, false)
            .add("raw", DataTypes.DoubleType, false)
            .add("rescaled", DataTypes.DoubleType, false)
            .add("mean", DataTypes.DoubleType, false);
    private static final StructType RESULT = new StructType()
            .add("n", DataTypes.LongType, false)
            .add("excluded", DataTypes.LongType, false)
            .add("rSquared", DataTypes.DoubleType, false)
            .add("importances", DataTypes.createArrayType(IMPORTANCE, false), false);

    private final KeyDriverMethod method;
    private final boolean weighted;
    private final String catalog;

    KeyDriverFunction(KeyDriverMethod method, boolean weighted, String catalog) {
        this.method = method;
        this.weighted = weighted;
        this.catalog = catalog;
    }

    /** The function's name in the catalog. */
    static String name(KeyDriverMethod method, boolean weighted) {
        return "key_drivers" + (method == KeyDriverMethod.LMG ? "_lmg" : "") + (weighted ? "_weighted" : "");
    }

    @Override
    public String name() {
        return name(method, weighted);
    }

    @Override
    public String description() {
        return catalog + "." + name() + "(outcome, driver1, ..., driverK" + (weighted ? ", weight" : "")
                + "): cxkit key-driver analysis, " + method.label() + "; a struct of n, excluded, rSquared"
                + " and importances (driver, raw, rescaled, mean) per driver, named by position";
    }

    @Override
    public BoundFunction bind(StructType inputType) {
        String qualified = catalog + "." + name();
        StructField[] fields = inputType.fields();
        int drivers = fields.length - 1 - (weighted ? 1 : 0);
        int max = method == KeyDriverMethod.LMG ? KeyDrivers.MAX_LMG_DRIVERS : KeyDrivers.MAX_DRIVERS;
        if (drivers < 1 || drivers > max) {
            throw new UnsupportedOperationException(qualified + " takes the outcome, 1 to " + max + " drivers"
                    + (weighted ? " and the weight" : "") + ": got " + fields.length + " arguments");
        }
        NumericArgument[] args = new NumericArgument[fields.length];
        DataType[] types = new DataType[fields.length];
        for (int i = 0; i < fields.length; i++) {
            args[i] = NumericArgument.of(i, fields[i].dataType());
            if (args[i] == null) {
                String what = i == 0 ? "outcome" : weighted && i == fields.length - 1 ? "weight" : "driver" + i;
                throw new UnsupportedOperationException(qualified + ": the " + what
                        + " argument must be numeric: got " + fields[i].dataType().sql());
            }
            types[i] = fields[i].dataType();
        }
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= drivers; j++) {
            names.add("driver" + j);
        }
        byte[] template = KeyDrivers.of("outcome", names).encode();
        return new Bound(name(), method, weighted, args, types, template);
    }

    /** The bound aggregate over a fixed number of drivers. */
    static final class Bound implements AggregateFunction<AccumulatorState, InternalRow> {
        private static final long serialVersionUID = 1L;

        private final String name;
        private final KeyDriverMethod method;
        private final boolean weighted;
        private final NumericArgument[] args;
        private final DataType[] inputTypes;
        private final byte[] template;
        private final int drivers;
        /** One row's driver values, reused: Spark runs one task per thread on its own copy. */
        private transient double[] row;

        Bound(String name, KeyDriverMethod method, boolean weighted, NumericArgument[] args, DataType[] inputTypes,
                byte[] template) {
            this.name = name;
            this.method = method;
            this.weighted = weighted;
            this.args = args;
            this.inputTypes = inputTypes;
            this.template = template;
            this.drivers = args.length - 1 - (weighted ? 1 : 0);
        }

        private double value(int i, InternalRow input) {
            return args[i].isNull(input) ? Double.NaN : args[i].read(input);
        }

        @Override
        public AccumulatorState newAggregationState() {
            return new AccumulatorState(StateKind.KEY_DRIVERS, KeyDrivers.decode(template));
        }

        @Override
        public AccumulatorState update(AccumulatorState state, InternalRow input) {
            if (row == null) {
                row = new double[drivers];
            }
            for (int j = 0; j < drivers; j++) {
                row[j] = value(j + 1, input);
            }
            KeyDrivers kd = (KeyDrivers) state.accumulator();
            if (weighted) {
                kd.accept(value(0, input), row, value(args.length - 1, input));
            } else {
                kd.accept(value(0, input), row);
            }
            return state;
        }

        @Override
        public AccumulatorState merge(AccumulatorState left, AccumulatorState right) {
            ((KeyDrivers) left.accumulator()).combine((KeyDrivers) right.accumulator());
            return left;
        }

        @Override
        public InternalRow produceResult(AccumulatorState state) {
            KeyDrivers kd = (KeyDrivers) state.accumulator();
            Object[] importances = new Object[drivers];
            if (kd.n() > 0 && kd.n() < drivers + 2) {
                // Too few complete rows to fit: the library refuses; one small group must not fail
                // the query, so the struct says n and gives NaN R² and importances.
                double[] means = kd.driverMeans();
                for (int i = 0; i < drivers; i++) {
                    importances[i] = importance("driver" + (i + 1), Double.NaN, Double.NaN, means[i]);
                }
                return new GenericInternalRow(new Object[] {kd.n(), kd.excluded(), Double.NaN,
                    new GenericArrayData(importances)});
            }
            KeyDriversResult r = kd.result(method);
            for (int i = 0; i < drivers; i++) {
                DriverImportance d = r.importances().get(i);
                importances[i] = importance(d.driver(), d.raw(), d.rescaled(), d.mean());
            }
            return new GenericInternalRow(new Object[] {r.n(), r.excluded(), r.rSquared(),
                new GenericArrayData(importances)});
        }

        private static InternalRow importance(String driver, double raw, double rescaled, double mean) {
            return new GenericInternalRow(new Object[] {UTF8String.fromString(driver), raw, rescaled, mean});
        }

        @Override
        public DataType[] inputTypes() {
            return inputTypes.clone();
        }

        @Override
        public DataType resultType() {
            return RESULT;
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
            return CxCatalog.class.getName() + "." + name + "(" + drivers + " drivers)";
        }
    }
}
