package io.cxkit.report;

import java.util.Locale;

/**
 * Number formatting for the markup: fixed decimals in {@link Locale#ROOT}, so that the same
 * numbers give the same bytes on every machine, and a refusal to write a non-finite number, so that
 * {@code NaN} or {@code Infinity} can never reach a coordinate or a label.
 */
final class Num {
    private Num() {
    }

    /** A coordinate with one decimal; throws for a non-finite value (a bug in a chart, never input). */
    static String c(double v) {
        return fixed(v, 1);
    }

    /** {@code v} with {@code decimals} decimals; throws for a non-finite value. */
    static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("a chart tried to write a non-finite number (" + v
                    + "); missing values must be left out and said");
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        // -0.0 and values that round to zero print as 0, not -0.
        return s.matches("-0(\\.0+)?") ? s.substring(1) : s;
    }

    /** {@code v} with {@code decimals} decimals, or {@code missing} when it is not finite. */
    static String or(double v, int decimals, String missing) {
        return Double.isFinite(v) ? fixed(v, decimals) : missing;
    }

    /** A count with thousands separators ({@code 12,345}). */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A signed value ({@code +3.2}, {@code -1.0}). */
    static String signed(double v, int decimals) {
        String s = fixed(v, decimals);
        return s.startsWith("-") || s.matches("0(\\.0+)?") ? s : "+" + s;
    }

    /** A p-value: two significant digits ({@code 0.012}, {@code 1.9e-46}); "NA" when not finite. */
    static String p(double v) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        if (v >= 0.001) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, "%.2g", v);
    }

    /** A percentage of a share in [0, 1] with one decimal ({@code 12.5%}); "no data" when not finite. */
    static String pct(double share) {
        return Double.isFinite(share) ? fixed(100 * share, 1) + "%" : "no data";
    }

    /**
     * A duration in seconds for people: {@code 45 s}, {@code 12.5 min}, {@code 3.2 h}, {@code 4.1 d};
     * "no data" when not finite.
     */
    static String seconds(double s) {
        if (!Double.isFinite(s)) {
            return "no data";
        }
        double a = Math.abs(s);
        if (a < 120) {
            return fixed(s, 0) + " s";
        }
        if (a < 7200) {
            return fixed(s / 60, 1) + " min";
        }
        if (a < 172_800) {
            return fixed(s / 3600, 1) + " h";
        }
        return fixed(s / 86_400, 1) + " d";
    }

    /**
     * A duration in seconds in the largest whole unit that divides it ({@code 1 d}, {@code 4 h},
     * {@code 30 min}, {@code 90 s}), else as {@link #seconds}: for targets, windows and time ticks.
     */
    static String roundSeconds(double s) {
        if (Double.isFinite(s) && s > 0 && s == Math.rint(s)) {
            long v = (long) s;
            if (v % 604_800 == 0) {
                return v / 604_800 + " w";
            }
            if (v % 86_400 == 0) {
                return v / 86_400 + " d";
            }
            if (v % 3600 == 0) {
                return v / 3600 + " h";
            }
            if (v % 60 == 0) {
                return v / 60 + " min";
            }
            return v + " s";
        }
        return seconds(s);
    }

    /**
     * A value for an axis tick or a label: as many decimals as the tick step needs.
     *
     * @param v the value
     * @param step the distance between ticks (decides the decimals)
     */
    static String tick(double v, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
        return fixed(v, decimals);
    }
}
