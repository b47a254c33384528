package io.cxkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cxkit.core.Estimate;
import io.cxkit.core.Interval;
import io.cxkit.survey.CesResult;
import io.cxkit.survey.CsatResult;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the Spark tests share: a local[2] session, a seeded set of survey rows with its schema, the
 * local library's answer for the same rows (the reference every Spark result must equal), and the
 * field-by-field comparison of an output struct with a library result.
 */
final class SparkTestSupport {
    private static final long SEED = 20_261_123L;
    private static final int ROW_COUNT = 3_000;
    private static final String[] TOUCHPOINTS = {"web", "app", "store", "phone", "chat"};
    /** touchpoint, nps (0-10), csat (1-5), ces (1-7), w: answers nullable, weights in [0.2, 3). */
    static final StructType SCHEMA = new StructType()
            .add("touchpoint", DataTypes.StringType, false)
            .add("nps", DataTypes.IntegerType, true)
            .add("csat", DataTypes.IntegerType, true)
            .add("ces", DataTypes.IntegerType, true)
            .add("w", DataTypes.DoubleType, true);
    /** The seeded rows, the same in every test class. */
    static final List<Row> ROWS = List.copyOf(seededRows(new SplittableRandom(SEED)));

    private SparkTestSupport() {
    }

    /** A local[2] session on the loopback interface, without UI; {@code extra} are config pairs. */
    static SparkSession session(String appName, String... extra) {
        SparkSession.Builder b = SparkSession.builder()
                .master("local[2]")
                .appName(appName)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            b.config(extra[i], extra[i + 1]);
        }
        return b.getOrCreate();
    }

    /** Answers with ~5% nulls each, weights in [0.2, 3); the "quiet" touchpoint has no answers. */
    private static List<Row> seededRows(SplittableRandom r) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < ROW_COUNT; i++) {
            String tp = TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)];
            out.add(RowFactory.create(tp, maybe(r, r.nextInt(11)), maybe(r, 1 + r.nextInt(5)),
                    maybe(r, 1 + r.nextInt(7)), 0.2 + 2.8 * r.nextDouble()));
        }
        for (int i = 0; i < 5; i++) {
            out.add(RowFactory.create("quiet", null, null, null, 1.0));
        }
        return out;
    }

    private static Integer maybe(SplittableRandom r, int v) {
        return r.nextInt(20) == 0 ? null : v;
    }

    /** The local library's answer for one group, fed row by row. */
    static Map<String, Estimate> local(String column, boolean weighted, MetricFactory make) {
        Map<String, Object> accs = new HashMap<>();
        int idx = SCHEMA.fieldIndex(column);
        for (Row row : ROWS) {
            Object acc = accs.computeIfAbsent(row.getString(0), k -> make.create());
            Integer score = row.isNullAt(idx) ? null : row.getInt(idx);
            double w = row.getDouble(4);
            feed(acc, score, weighted, w);
        }
        Map<String, Estimate> results = new HashMap<>();
        accs.forEach((k, a) -> results.put(k, result(a)));
        return results;
    }

    interface MetricFactory {
        Object create();
    }

    private static void feed(Object acc, Integer score, boolean weighted, double w) {
        if (acc instanceof NetPromoterScore a) {
            if (score == null) {
                if (weighted) {
                    a.acceptMissing(w);
                } else {
                    a.acceptMissing();
                }
            } else if (weighted) {
                a.accept(score, w);
            } else {
                a.accept(score);
            }
        } else if (acc instanceof CustomerSatisfaction a) {
            if (score == null) {
                if (weighted) {
                    a.acceptMissing(w);
                } else {
                    a.acceptMissing();
                }
            } else if (weighted) {
                a.accept(score, w);
            } else {
                a.accept(score);
            }
        } else {
            CustomerEffort a = (CustomerEffort) acc;
            if (score == null) {
                if (weighted) {
                    a.acceptMissing(w);
                } else {
                    a.acceptMissing();
                }
            } else if (weighted) {
                a.accept(score, w);
            } else {
                a.accept(score);
            }
        }
    }

    private static Estimate result(Object acc) {
        if (acc instanceof NetPromoterScore a) {
            return a.result();
        } else if (acc instanceof CustomerSatisfaction a) {
            return a.result();
        }
        return ((CustomerEffort) acc).result();
    }

    private static long missing(Estimate e) {
        if (e instanceof NpsResult r) {
            return r.missing();
        } else if (e instanceof CsatResult r) {
            return r.missing();
        }
        return ((CesResult) e).missing();
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, was " + actual);
            return;
        }
        double tol = 1e-12 * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }

    /** Checks one output struct against the local result, field by field. */
    private static void assertSame(Estimate expected, Row s, boolean weighted, double confidence,
            String what) {
        assertEquals(expected.n(), s.getLong(s.fieldIndex("n")), what + " n");
        assertEquals(missing(expected), s.getLong(s.fieldIndex("missing")), what + " missing");
        assertClose(expected.estimate(), s.getDouble(s.fieldIndex("estimate")), what + " estimate");
        assertClose(expected.standardError(), s.getDouble(s.fieldIndex("standardError")),
                what + " standardError");
        Interval ci = expected.interval(confidence);
        assertClose(ci.lower(), s.getDouble(s.fieldIndex("lower")), what + " lower");
        assertClose(ci.upper(), s.getDouble(s.fieldIndex("upper")), what + " upper");
        if (weighted) {
            assertClose(expected.effectiveN(), s.getDouble(s.fieldIndex("effectiveN")),
                    what + " effectiveN");
        } else {
            assertTrue(!java.util.Arrays.asList(s.schema().fieldNames()).contains("effectiveN"),
                    what + " has no effectiveN");
        }
        if (expected instanceof NpsResult r) {
            assertEquals(r.promoters(), s.getLong(s.fieldIndex("promoters")), what + " promoters");
            assertEquals(r.passives(), s.getLong(s.fieldIndex("passives")), what + " passives");
            assertEquals(r.detractors(), s.getLong(s.fieldIndex("detractors")), what + " detractors");
        } else if (expected instanceof CsatResult r) {
            assertClose(r.rating().mean(), s.getDouble(s.fieldIndex("meanRating")), what + " meanRating");
        } else {
            CesResult r = (CesResult) expected;
            assertClose(r.percentAgree(), s.getDouble(s.fieldIndex("percentAgree")),
                    what + " percentAgree");
        }
    }

    static void assertAllGroups(List<Row> out, Map<String, Estimate> expected, String field,
            boolean weighted, double confidence) {
        assertEquals(expected.size(), out.size(), "groups");
        for (Row row : out) {
            String tp = row.getString(row.fieldIndex("touchpoint"));
            Row s = row.getStruct(row.fieldIndex(field));
            assertSame(expected.get(tp), s, weighted, confidence, field + "@" + tp);
        }
    }


    /** Runs a query that must fail with {@code message} in some exception of the cause chain. */
    static void assertMessage(String message, Runnable query) {
        Throwable thrown = assertThrows(Exception.class, query::run);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(message)) {
                return;
            }
        }
        throw new AssertionError("expected '" + message + "' in the cause chain of " + thrown, thrown);
    }

    /** Runs a query that must fail with an {@code IllegalArgumentException} containing {@code message}. */
    static void assertFailsWith(String message, Runnable query) {
        Throwable thrown = assertThrows(Exception.class, query::run);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null
                    && t.getMessage().contains(message)) {
                return;
            }
        }
        fail("expected an IllegalArgumentException with '" + message + "' in the cause chain of "
                + thrown);
    }
}
