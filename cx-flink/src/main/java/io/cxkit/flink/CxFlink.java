package io.cxkit.flink;

import io.cxkit.core.Check;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Registers cxkit's aggregate functions in a Flink {@link TableEnvironment} under the names cx-spark
 * uses, so the same SQL runs on both engines:
 *
 * <pre>{@code
 * TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
 * CxFlink.register(env);
 * env.executeSql("SELECT window_start, touchpoint, cx_nps(score) AS nps"
 *         + " FROM TABLE(TUMBLE(TABLE responses, DESCRIPTOR(ts), INTERVAL '1' HOUR))"
 *         + " GROUP BY window_start, window_end, touchpoint");
 * }</pre>
 *
 * <p>From SQL alone, without this class:
 * {@code CREATE TEMPORARY SYSTEM FUNCTION cx_nps AS 'io.cxkit.flink.NpsAggregate'} (and likewise for
 * the other five classes).
 */
public final class CxFlink {
    /** SQL name of {@link NpsAggregate}. */
    public static final String NPS = "cx_nps";
    /** SQL name of {@link NpsWeightedAggregate}, {@code cx_nps_weighted(score, weight)}. */
    public static final String NPS_WEIGHTED = "cx_nps_weighted";
    /** SQL name of {@link CsatAggregate}. */
    public static final String CSAT = "cx_csat";
    /** SQL name of {@link CsatWeightedAggregate}, {@code cx_csat_weighted(rating, weight)}. */
    public static final String CSAT_WEIGHTED = "cx_csat_weighted";
    /** SQL name of {@link CesAggregate}. */
    public static final String CES = "cx_ces";
    /** SQL name of {@link CesWeightedAggregate}, {@code cx_ces_weighted(answer, weight)}. */
    public static final String CES_WEIGHTED = "cx_ces_weighted";

    private CxFlink() {
    }

    /**
     * Registers the six functions as temporary system functions with the default configurations
     * (standard NPS bands, CSAT 1–5 top-2 box, CES 1–7, missing answers excluded) and 95% intervals.
     *
     * @param env the table environment
     */
    public static void register(TableEnvironment env) {
        Check.notNull(env, "env");
        env.createTemporarySystemFunction(NPS, new NpsAggregate());
        env.createTemporarySystemFunction(NPS_WEIGHTED, new NpsWeightedAggregate());
        env.createTemporarySystemFunction(CSAT, new CsatAggregate());
        env.createTemporarySystemFunction(CSAT_WEIGHTED, new CsatWeightedAggregate());
        env.createTemporarySystemFunction(CES, new CesAggregate());
        env.createTemporarySystemFunction(CES_WEIGHTED, new CesWeightedAggregate());
    }
}
