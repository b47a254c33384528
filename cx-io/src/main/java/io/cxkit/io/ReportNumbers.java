package io.cxkit.io;

import java.util.Locale;

/**
 * The one number style of every output and message: a point as decimal separator, at most six
 * decimals, no trailing zeros, no exponent ({@code 0.5}, {@code 12}, {@code 1.333333}); empty for
 * NaN and infinities in files, where a cell is left empty.
 */
final class ReportNumbers {
    private ReportNumbers() {
    }

    /** The number in the plain style; {@code NaN}, {@code Infinity} or {@code -Infinity} when not finite. */
    static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return s.equals("-0") ? "0" : s;
    }

    /** The number in the plain style, empty when not finite (a CSV cell). */
    static String cell(double v) {
        return Double.isFinite(v) ? plain(v) : "";
    }
}
