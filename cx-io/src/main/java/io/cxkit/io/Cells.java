package io.cxkit.io;

/**
 * How a cell becomes a number, for every reader: one strict syntax, {@code [+-]?digits[.digits]}
 * (or with a decimal comma, {@code [+-]?digits[,digits]}, when the file uses one). Java's own
 * number syntax is deliberately not accepted: {@code 5d}, {@code 5f}, {@code 0x5p0}, {@code 1e3},
 * {@code 5.}, {@code .5}, {@code NaN}, {@code Infinity}, a NUL or any other character make the
 * value "not a number" (a row error), never a silently different number.
 */
final class Cells {
    /** What {@link #wholeNumber} returns for a value that is not a whole number. */
    static final int NOT_WHOLE = Integer.MIN_VALUE;
    /** The rule of {@link #number}, for messages. */
    static final String NUMBER_RULE = "digits with an optional sign and decimal part, e.g. 3, -2, 1.25";

    private Cells() {
    }

    /**
     * A decimal number in the strict syntax; NaN when the value is not one (also when empty).
     *
     * @param v the value, already stripped
     * @param decimalComma whether the decimal separator is a comma instead of a point
     */
    static double number(String v, boolean decimalComma) {
        if (!syntax(v, decimalComma ? ',' : '.')) {
            return Double.NaN;
        }
        return Double.parseDouble(decimalComma ? v.replace(',', '.') : v);
    }

    /**
     * A decimal number in the strict syntax with a decimal point, as {@link Double#parseDouble}
     * but without its other syntaxes.
     *
     * @throws NumberFormatException naming the value when it is not in the syntax
     */
    static double parseNumber(String v) {
        if (!syntax(v, '.')) {
            throw new NumberFormatException("not a number (" + NUMBER_RULE + "): '" + v + "'");
        }
        return Double.parseDouble(v);
    }

    /**
     * A whole number in the strict syntax ({@code 7}, {@code -1}, {@code 7.0}); {@link #NOT_WHOLE}
     * for anything else, including {@code 7.5} and numbers beyond ±10^9.
     */
    static int wholeNumber(String v, boolean decimalComma) {
        int len = v.length();
        if (len > 0 && len <= 9) {
            int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
            int r = 0;
            boolean ok = i < len;
            for (int k = i; k < len && ok; k++) {
                char c = v.charAt(k);
                ok = c >= '0' && c <= '9';
                r = r * 10 + (c - '0');
            }
            if (ok) {
                return v.charAt(0) == '-' ? -r : r;
            }
        }
        double d = number(v, decimalComma);
        if (d == Math.rint(d) && Math.abs(d) < 1e9) {
            return (int) d;
        }
        return NOT_WHOLE;
    }

    /** Whether v is {@code [+-]?digits[<point>digits]}. */
    static boolean syntax(String v, char point) {
        int len = v.length();
        int i = 0;
        if (len > 0 && (v.charAt(0) == '-' || v.charAt(0) == '+')) {
            i = 1;
        }
        int intDigits = 0;
        while (i < len && isDigit(v.charAt(i))) {
            i++;
            intDigits++;
        }
        if (intDigits == 0) {
            return false;
        }
        if (i == len) {
            return true;
        }
        if (v.charAt(i) != point) {
            return false;
        }
        i++;
        int frac = 0;
        while (i < len && isDigit(v.charAt(i))) {
            i++;
            frac++;
        }
        return frac > 0 && i == len;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
