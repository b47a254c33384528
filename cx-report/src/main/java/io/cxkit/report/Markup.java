package io.cxkit.report;

/** Escaping of text and attribute values for HTML and SVG (both are XML-safe after this). */
final class Markup {
    private Markup() {
    }

    /** Escapes {@code & < > " '}; control characters other than tab and newline become spaces. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch < 0x20 && ch != '\n' && ch != '\t' ? ' ' : ch);
            }
        }
        return sb.toString();
    }

    /** An id made of {@code [a-z0-9-]} from any text ({@code "NPS by month"} → {@code nps-by-month}). */
    static String slug(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                sb.append(ch);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
            sb.setLength(sb.length() - 1);
        }
        return sb.length() == 0 ? "chart" : sb.toString();
    }
}
