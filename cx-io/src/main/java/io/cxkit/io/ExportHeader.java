package io.cxkit.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of an export as its layout defines it: one name per field (unique), the question
 * text of each field (Qualtrics' second row), the zone its times are written in (Qualtrics'
 * ImportId row), and whether the source is already positioned on the first data row (a header
 * row that turned out to be data).
 */
final class ExportHeader {
    private static final Pattern TIME_ZONE = Pattern.compile("\"timeZone\"\\s*:\\s*\"([^\"]+)\"");
    final ExportLayout layout;
    final List<String> names;
    final List<String> questions;
    final List<String> zones;
    final boolean[] textual;
    /** Whether the current row of the source is the first data row (read while looking for header rows). */
    final boolean pending;

    private ExportHeader(ExportLayout layout, List<String> names, List<String> questions, List<String> zones,
            boolean[] textual, boolean pending) {
        this.layout = layout;
        this.names = List.copyOf(names);
        this.questions = List.copyOf(questions);
        this.zones = zones;
        this.textual = textual;
        this.pending = pending;
    }

    /**
     * Reads the header rows after the first.
     *
     * @param forced the layout, or null to detect it
     * @param headerRows the number of header rows including the first, or 0 for the layout's own
     * @param first the names of the first row (for JSON: the keys, and the keys named explicitly)
     */
    static ExportHeader read(RowSource rows, String source, ExportLayout forced, int headerRows,
            List<String> first) {
        ExportLayout layout = forced != null ? forced : ExportLayout.detect(first);
        int n = first.size();
        List<String> questions = new ArrayList<>(java.util.Collections.nCopies(n, ""));
        List<String> zones = new ArrayList<>(java.util.Collections.nCopies(n, (String) null));
        boolean[] textual = new boolean[n];
        if (rows instanceof JsonSource) {
            if (layout == ExportLayout.QUALTRICS || layout == ExportLayout.SURVEYMONKEY || headerRows > 1) {
                throw BadInputException.file(source, 0, "bad layout", "the " + layout.key()
                        + " layout and extra header rows apply to CSV files only");
            }
            return new ExportHeader(layout, first, questions, zones, textual, false);
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        rows.selectFields(all);
        boolean pending = false;
        List<String> names = first;
        if (layout == ExportLayout.QUALTRICS) {
            int finished = indexOf(first, "finished");
            int extra = headerRows > 0 ? headerRows - 1 : 2;
            for (int r = 0; r < extra; r++) {
                if (!nextHeaderRow(rows)) {
                    break;
                }
                List<String> row = row(rows, n);
                boolean importIds = row.stream().anyMatch(v -> v.startsWith("{") && v.contains("ImportId"));
                boolean data = headerRows == 0 && !importIds && finished >= 0 && isFlag(row.get(finished));
                if (data) {
                    pending = true;
                    break;
                }
                for (int i = 0; i < n; i++) {
                    Matcher m = TIME_ZONE.matcher(row.get(i));
                    if (importIds && m.find()) {
                        zones.set(i, m.group(1));
                    } else if (!importIds && r == 0) {
                        questions.set(i, row.get(i));
                    }
                }
            }
        } else if (layout == ExportLayout.SURVEYMONKEY) {
            int extra = headerRows > 0 ? headerRows - 1 : 1;
            List<String> subs = new ArrayList<>(java.util.Collections.nCopies(n, ""));
            int id = indexOf(first, "respondentid");
            for (int r = 0; r < extra && nextHeaderRow(rows); r++) {
                List<String> row = row(rows, n);
                // The second header row names the answer columns and leaves the respondent id empty.
                boolean responseRow = row.stream().anyMatch(v -> v.equalsIgnoreCase("Response")
                        || v.equalsIgnoreCase("Open-Ended Response")) || (id >= 0 && row.get(id).isEmpty());
                if (headerRows == 0 && !responseRow) {
                    pending = true;
                    break;
                }
                if (r == 0) {
                    subs = row;
                }
            }
            names = surveyMonkeyNames(first, subs, textual);
        } else {
            for (int r = 1; r < headerRows; r++) {
                if (!nextHeaderRow(rows)) {
                    break;
                }
            }
        }
        if (layout != ExportLayout.SURVEYMONKEY) {
            RowSources.checkUnique(rows, source);
        }
        return new ExportHeader(layout, names, questions, zones, textual, pending);
    }

    /** The header of a later part of a file read in parallel: the same names, no rows to read. */
    ExportHeader forPart() {
        return new ExportHeader(layout, names, questions, zones, textual, false);
    }

    private static List<String> row(RowSource rows, int n) {
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(rows.value(i));
        }
        return l;
    }

    private static boolean isFlag(String v) {
        return v.equals("0") || v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
    }

    static int indexOf(List<String> names, String normalized) {
        for (int i = 0; i < names.size(); i++) {
            if (ColumnMapping.normalize(names.get(i)).equals(normalized)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * SurveyMonkey's names: a question with several columns names only the first, so an empty
     * name continues the question before it and each of its columns is {@code question - option};
     * a name still repeated gets {@code (2)}, {@code (3)}, … Open-ended and "other" columns are text.
     */
    private static List<String> surveyMonkeyNames(List<String> first, List<String> subs, boolean[] textual) {
        int n = first.size();
        String[] question = new String[n];
        int[] span = new int[n];
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (!first.get(i).isEmpty() || i == 0) {
                start = i;
            }
            question[i] = first.get(start);
            span[start]++;
        }
        List<String> names = new ArrayList<>(n);
        Set<String> seen = new HashSet<>();
        start = 0;
        for (int i = 0; i < n; i++) {
            if (!first.get(i).isEmpty() || i == 0) {
                start = i;
            }
            String sub = subs.get(i);
            String s = sub.toLowerCase(java.util.Locale.ROOT);
            textual[i] = s.contains("open-ended") || s.contains("please specify") || s.startsWith("other");
            boolean several = span[start] > 1;
            String name = several && !sub.isEmpty() ? question[i] + " - " + sub : question[i];
            String unique = name;
            for (int k = 2; !seen.add(unique); k++) {
                unique = name + " (" + k + ")";
            }
            names.add(unique);
        }
        return names;
    }

    /**
     * The next header row; a structural problem in it (bad quoting, invalid bytes, a limit) breaks
     * the header and so the file, whatever the error policy (a ragged header row is read as it is).
     */
    private static boolean nextHeaderRow(RowSource rows) {
        boolean more = rows.next();
        RowError problem = more ? rows.rowProblem() : null;
        if (problem != null && !problem.reason().equals("ragged row")) {
            throw new BadInputException(problem);
        }
        return more;
    }
}
