package io.cxkit.core;

import java.util.Locale;

/** Number formatting for readable {@code toString()} output (JShell). */
final class Format {
    private Format() {
    }

    /** Formats with up to 4 significant decimals, locale-independent; NaN as "NaN". */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e7)) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
