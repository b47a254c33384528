package io.cxkit.spark;

import io.cxkit.core.Accumulator;
import io.cxkit.core.Check;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.drivers.KeyDriverMethod;
import io.cxkit.survey.NetPromoterScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.catalyst.analysis.NoSuchFunctionException;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.connector.catalog.FunctionCatalog;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * cxkit's NPS, CSAT and CES, key drivers and survival as a Spark DataSource V2 function catalog, for pure SQL: nothing to
 * register from code, so it works wherever Spark reads its configuration ({@code spark-sql}, the
 * Thrift server, notebooks' {@code %sql}, PySpark, Spark Connect).
 *
 * <pre>{@code
 * spark.sql.catalog.cx=io.cxkit.spark.CxCatalog
 *
 * SELECT touchpoint, cx.nps(score) AS nps, cx.csat_weighted(rating, weight) AS csat
 * FROM responses GROUP BY touchpoint
 * }</pre>
 *
 * <p>Functions (in the catalog's root namespace): {@code nps(score)}, {@code nps_weighted(score,
 * weight)}, {@code csat(rating)}, {@code csat_weighted(rating, weight)}, {@code ces(answer)},
 * {@code ces_weighted(answer, weight)}, with the library's default configurations (bands 0–6 / 7–8 /
 * 9–10, CSAT 1–5 top-2 box, CES 1–7, missing answers excluded). Each returns the same struct as
 * {@link CxFunctions} (see there for the fields and the input rules), computed by the same
 * accumulators: the aggregation state is the live accumulator, serialized only as its versioned
 * encoding when Spark moves it.
 *
 * <p>Key drivers: {@code key_drivers(outcome, driver1, …, driverK)}, {@code key_drivers_weighted(…,
 * weight)}, and {@code key_drivers_lmg} / {@code key_drivers_lmg_weighted} for the LMG (Shapley)
 * split instead of relative weights; the library's co-moment accumulator, drivers named by position
 * (see {@code KeyDriverFunction}).
 *
 * <p>Survival: {@code kaplan_meier(time, event)}, the Kaplan–Meier curve of the rows with its median
 * and interval, and {@code log_rank(time, event, group)}, the log-rank test between the groups; the
 * library's {@link io.cxkit.journey.survival.SurvivalAccumulator}, the same structs as
 * {@link CxFunctions#kaplanMeier} and {@link CxFunctions#logRank}.
 *
 * <p>Option: {@code spark.sql.catalog.cx.confidence} (default 0.95) sets every function's interval
 * confidence, in (0, 1). Other bands, scales or missing-answer policies need the code API,
 * {@link CxFunctions}.
 *
 * <p>Arguments may be of any numeric SQL type and are read as they are, without a cast: {@code 9.7}
 * fails the query ({@code "NPS score must be a whole number: 9.7"}) instead of counting as 9. A
 * non-numeric argument, or the wrong number of arguments, fails analysis with a message naming the
 * function and the argument.
 */
public final class CxCatalog implements FunctionCatalog {
    /** The option that sets the functions' interval confidence. */
    public static final String CONFIDENCE_OPTION = "confidence";
    private static final double DEFAULT_CONFIDENCE = 0.95;

    private String name = "cx";
    private Map<String, UnboundFunction> functions = Map.of();

    /** A catalog with no functions until Spark calls {@link #initialize}. */
    public CxCatalog() {
    }

    /**
     * Called by Spark with the catalog's name and its {@code spark.sql.catalog.NAME.*} options.
     *
     * @param name the name the catalog is configured under
     * @param options its options; {@value #CONFIDENCE_OPTION} is read, the others are ignored
     * @throws IllegalArgumentException if the confidence is not a number in (0, 1)
     */
    @Override
    public void initialize(String name, CaseInsensitiveStringMap options) {
        this.name = Check.notNull(name, "name");
        double confidence = confidence(name, options);
        Map<String, UnboundFunction> f = new LinkedHashMap<>();
        add(f, Metric.NPS, NetPromoterScore.create(), confidence);
        add(f, Metric.CSAT, CustomerSatisfaction.create(), confidence);
        add(f, Metric.CES, CustomerEffort.create(), confidence);
        for (KeyDriverMethod method : new KeyDriverMethod[] {KeyDriverMethod.RELATIVE_WEIGHTS, KeyDriverMethod.LMG}) {
            for (boolean weighted : new boolean[] {false, true}) {
                f.put(KeyDriverFunction.name(method, weighted), new KeyDriverFunction(method, weighted, name));
            }
        }
        for (SurvivalFunction.Kind kind : SurvivalFunction.Kind.values()) {
            f.put(kind.sqlName(), new SurvivalFunction(kind, confidence, name));
        }
        this.functions = Map.copyOf(f);
    }

    private static double confidence(String name, CaseInsensitiveStringMap options) {
        String key = "spark.sql.catalog." + name + "." + CONFIDENCE_OPTION;
        String text = options.get(CONFIDENCE_OPTION);
        if (text == null) {
            return DEFAULT_CONFIDENCE;
        }
        try {
            double c = Double.parseDouble(text.trim());
            if (!(c > 0 && c < 1)) {
                throw new IllegalArgumentException(key + " must be in (0, 1): " + text);
            }
            return c;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number in (0, 1): '" + text + "'", e);
        }
    }

    private void add(Map<String, UnboundFunction> f, Metric metric, Accumulator<?, ?> configuration,
            double confidence) {
        for (boolean weighted : new boolean[] {false, true}) {
            f.put(CatalogFunction.name(metric, weighted),
                    new CatalogFunction(metric, weighted, configuration, confidence, name));
        }
    }

    /**
     * The catalog's name.
     *
     * @return the name given to {@link #initialize}
     */
    @Override
    public String name() {
        return name;
    }

    /**
     * The functions in a namespace: all of them are in the root namespace.
     *
     * @param namespace the namespace; only the root ({@code []}) exists
     * @return the functions' identifiers, sorted by name
     * @throws NoSuchNamespaceException for any other namespace
     */
    @Override
    public Identifier[] listFunctions(String[] namespace) throws NoSuchNamespaceException {
        if (namespace.length != 0) {
            throw new NoSuchNamespaceException(namespace);
        }
        List<String> names = new ArrayList<>(functions.keySet());
        names.sort(null);
        Identifier[] ids = new Identifier[names.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Identifier.of(namespace, names.get(i));
        }
        return ids;
    }

    /**
     * The function with this identifier (names are case-insensitive, as in SQL).
     *
     * @param ident the function's identifier, in the root namespace
     * @return the unbound function
     * @throws NoSuchFunctionException if there is no such function
     */
    @Override
    public UnboundFunction loadFunction(Identifier ident) throws NoSuchFunctionException {
        UnboundFunction f = ident.namespace().length == 0
                ? functions.get(ident.name().toLowerCase(Locale.ROOT)) : null;
        if (f == null) {
            throw new NoSuchFunctionException(ident);
        }
        return f;
    }

    @Override
    public String toString() {
        return "CxCatalog[" + name + ": " + String.join(", ", new TreeSet<>(functions.keySet())) + "]";
    }
}
