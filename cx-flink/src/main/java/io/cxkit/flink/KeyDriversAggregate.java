package io.cxkit.flink;

import io.cxkit.survey.SurveyAccumulatorKind;
import io.cxkit.core.Check;
import io.cxkit.survey.drivers.DriverImportance;
import io.cxkit.survey.drivers.KeyDriverMethod;
import io.cxkit.survey.drivers.KeyDriversResult;
import io.cxkit.survey.drivers.KeyDrivers;
import java.util.Collections;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.ArgumentTypeStrategy;
import org.apache.flink.table.types.inference.InputTypeStrategies;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.inference.TypeStrategies;
import org.apache.flink.types.Row;

/**
 * Key-driver analysis as a Flink aggregate function: the library's {@link KeyDrivers} accumulator
 * of means and co-moments per group, and at the end its split of R² among the drivers.
 *
 * <pre>{@code
 * env.createTemporarySystemFunction("drivers", KeyDriversAggregate.of(
 *         KeyDrivers.of("overall", List.of("ease", "speed", "price")), KeyDriverMethod.RELATIVE_WEIGHTS));
 * SELECT touchpoint, drivers(overall, ease, speed, price) FROM responses GROUP BY touchpoint
 * }</pre>
 *
 * <p>Arguments: the outcome, then one numeric value per driver in the configuration's order, then
 * (for {@link #weighted}) the row's weight; each cast to {@code DOUBLE}. A {@code NULL} (or NaN)
 * outcome or driver excludes the row (listwise) and counts it in {@code excluded}; an infinite value
 * or a weight that is not finite and &gt; 0 fails the job with the library's message.
 *
 * <p>Result: {@code ROW<n BIGINT, excluded BIGINT, rSquared DOUBLE, importances
 * ARRAY<ROW<driver STRING, raw DOUBLE, rescaled DOUBLE, mean DOUBLE>>>}, the fields of
 * {@link KeyDriversResult} and {@link DriverImportance} (point estimates: bootstrap intervals need the
 * rows). No rows, or fewer complete rows than drivers + 2 (too few to fit): NaN R² and
 * importances, with {@code n} saying how many there were; one small group never fails the query.
 *
 * <p>Append-only, like every cx-flink function (no {@code retract}).
 */
public final class KeyDriversAggregate extends LiveAggregateFunction {
    private static final long serialVersionUID = 1L;

    private final List<String> drivers;
    private final KeyDriverMethod method;
    private final boolean weighted;
    private final String description;
    /** One row's driver values, reused (a function instance serves one task thread). */
    private transient double[] row;

    private KeyDriversAggregate(KeyDrivers configuration, KeyDriverMethod method, boolean weighted) {
        super(SurveyAccumulatorKind.KEY_DRIVERS, configuration);
        this.drivers = List.copyOf(configuration.drivers());
        this.method = Check.notNull(method, "method");
        if (method == KeyDriverMethod.LMG && drivers.size() > KeyDrivers.MAX_LMG_DRIVERS) {
            throw new IllegalArgumentException("LMG needs at most " + KeyDrivers.MAX_LMG_DRIVERS
                    + " drivers: " + drivers.size());
        }
        this.weighted = weighted;
        this.description = configuration.outcome() + " ~ " + String.join(" + ", drivers) + ", " + method.name()
                + (weighted ? ", weighted" : "");
    }

    /**
     * An unweighted key-driver function: {@code f(outcome, driver1, …, driverK)}.
     *
     * @param configuration an accumulator naming the outcome and the drivers (only its configuration
     *     is used)
     * @param method how R² is split among the drivers
     * @return the function
     * @throws IllegalArgumentException if LMG is asked for more than
     *     {@value KeyDrivers#MAX_LMG_DRIVERS} drivers
     */
    public static KeyDriversAggregate of(KeyDrivers configuration, KeyDriverMethod method) {
        return new KeyDriversAggregate(Check.notNull(configuration, "configuration"), method, false);
    }

    /**
     * A weighted key-driver function: {@code f(outcome, driver1, …, driverK, weight)}.
     *
     * @param configuration an accumulator naming the outcome and the drivers
     * @param method how R² is split among the drivers
     * @return the function
     * @throws IllegalArgumentException if LMG is asked for more than
     *     {@value KeyDrivers#MAX_LMG_DRIVERS} drivers
     */
    public static KeyDriversAggregate ofWeighted(KeyDrivers configuration, KeyDriverMethod method) {
        return new KeyDriversAggregate(Check.notNull(configuration, "configuration"), method, true);
    }

    /**
     * Adds one row.
     *
     * @param acc the group's state
     * @param values the outcome, the drivers in order, and the weight if weighted; {@code null} is
     *     a missing value
     * @throws IllegalArgumentException if a value is infinite or the weight invalid
     */
    public void accumulate(LiveAccumulator acc, Double... values) {
        int k = drivers.size();
        if (row == null) {
            row = new double[k];
        }
        for (int j = 0; j < k; j++) {
            row[j] = value(values[j + 1]);
        }
        KeyDrivers a = (KeyDrivers) acc.accumulator();
        if (weighted) {
            a.accept(value(values[0]), row, values[k + 1] == null ? Double.NaN : values[k + 1]);
        } else {
            a.accept(value(values[0]), row);
        }
    }

    private static double value(Double v) {
        return v == null ? Double.NaN : v;
    }

    /**
     * The group's key-driver result as a row (see the class description).
     *
     * @param acc the group's state
     * @return the result row
     */
    @Override
    public Row getValue(LiveAccumulator acc) {
        KeyDrivers kd = (KeyDrivers) acc.accumulator();
        if (kd.n() > 0 && kd.n() < drivers.size() + 2) {
            // Too few complete rows to fit: the library refuses; one small group must not fail the
            // whole query, so the row says n and gives NaN R² and importances (means are known).
            double[] means = kd.driverMeans();
            Row[] importances = new Row[drivers.size()];
            for (int i = 0; i < importances.length; i++) {
                importances[i] = Row.of(drivers.get(i), Double.NaN, Double.NaN, means[i]);
            }
            return Row.of(kd.n(), kd.excluded(), Double.NaN, importances);
        }
        KeyDriversResult r = kd.result(method);
        Row[] importances = new Row[r.importances().size()];
        for (int i = 0; i < importances.length; i++) {
            DriverImportance d = r.importances().get(i);
            importances[i] = Row.of(d.driver(), d.raw(), d.rescaled(), d.mean());
        }
        return Row.of(r.n(), r.excluded(), r.rSquared(), importances);
    }

    /**
     * The outcome and one argument per driver (plus the weight when weighted), each cast to
     * {@code DOUBLE}; the result row type of the class description.
     *
     * @param typeFactory Flink's type factory (unused: the types are fixed)
     * @return the function's type inference
     */
    @Override
    public TypeInference getTypeInference(DataTypeFactory typeFactory) {
        int arity = drivers.size() + 1 + (weighted ? 1 : 0);
        ArgumentTypeStrategy[] args = Collections.nCopies(arity, InputTypeStrategies.explicit(DataTypes.DOUBLE()))
                .toArray(new ArgumentTypeStrategy[0]);
        DataType importance = DataTypes.ROW(DataTypes.FIELD("driver", DataTypes.STRING().notNull()),
                DataTypes.FIELD("raw", DataTypes.DOUBLE().notNull()),
                DataTypes.FIELD("rescaled", DataTypes.DOUBLE().notNull()),
                DataTypes.FIELD("mean", DataTypes.DOUBLE().notNull())).notNull();
        DataType result = DataTypes.ROW(DataTypes.FIELD("n", DataTypes.BIGINT().notNull()),
                DataTypes.FIELD("excluded", DataTypes.BIGINT().notNull()),
                DataTypes.FIELD("rSquared", DataTypes.DOUBLE().notNull()),
                DataTypes.FIELD("importances", DataTypes.ARRAY(importance).notNull())).notNull();
        return TypeInference.newBuilder()
                .inputTypeStrategy(InputTypeStrategies.sequence(args))
                .accumulatorTypeStrategy(TypeStrategies.explicit(accumulatorType()))
                .outputTypeStrategy(TypeStrategies.explicit(result))
                .build();
    }

    /**
     * The model, the method and whether weighted.
     *
     * @return e.g. {@code "KeyDriversAggregate[overall ~ ease + speed, RELATIVE_WEIGHTS]"}
     */
    @Override
    public String toString() {
        return "KeyDriversAggregate[" + description + "]";
    }
}
