package io.cxkit.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the columns of an event file: per field an explicit header name, or the first header whose
 * normalised name is one of the field's known names. Shared by the journey and ticket readers.
 */
final class EventColumns {
    /** One field to look for. */
    record Spec(String key, List<String> names, boolean required) {
    }

    final int[] index;
    final List<String> selected = new ArrayList<>();
    final Map<String, String> used = new LinkedHashMap<>();
    final int firstAttribute;

    /**
     * Resolves the fields and attributes and selects them on the source.
     *
     * @throws BadInputException for a missing required or explicit column
     */
    EventColumns(RowSource rows, String source, List<Spec> specs, Map<String, String> explicit,
            List<String> attributes, String what) {
        List<String> header = new ArrayList<>(rows.columns());
        boolean json = rows instanceof JsonSource;
        index = new int[specs.size()];
        for (int s = 0; s < specs.size(); s++) {
            Spec spec = specs.get(s);
            int i = find(header, spec, explicit.get(spec.key()), source, json);
            if (i < 0 && spec.required()) {
                throw BadInputException.file(source, 1, "missing column", "required column for the " + what + " "
                        + spec.key() + " is not in the header (expected one of " + String.join(", ", spec.names())
                        + ", or name it explicitly); columns are: " + String.join(", ", rows.columns()));
            }
            index[s] = i < 0 ? -1 : selected.size();
            if (i >= 0) {
                selected.add(header.get(i));
                used.put(spec.key(), header.get(i));
            }
        }
        firstAttribute = selected.size();
        for (String a : attributes) {
            int i = ColumnMapping.find(header, a);
            if (i < 0 && json) {
                header.add(a);
                i = header.size() - 1;
            }
            if (i < 0) {
                throw ColumnMapping.missing(source, "attribute", a, header);
            }
            selected.add(header.get(i));
            used.put("attribute:" + a, header.get(i));
        }
        rows.select(selected);
    }

    private static int find(List<String> header, Spec spec, String name, String source, boolean json) {
        if (name != null) {
            int i = ColumnMapping.find(header, name);
            if (i < 0 && json) {
                header.add(name);
                return header.size() - 1;
            }
            if (i < 0) {
                throw ColumnMapping.missing(source, spec.key(), name, header);
            }
            return i;
        }
        for (String known : spec.names()) {
            for (int i = 0; i < header.size(); i++) {
                if (ColumnMapping.normalize(header.get(i)).equals(known)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Parses {@code key=column,key=column} against the allowed keys. */
    static Map<String, String> parse(String spec, List<String> keys) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? "" : pair.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            String col = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (eq < 0 || col.isEmpty()) {
                throw new IllegalArgumentException("column mapping must be field=column: '" + pair.strip() + "'");
            }
            if (!keys.contains(key)) {
                throw new IllegalArgumentException("column mapping field must be one of " + String.join(", ", keys)
                        + ": '" + key + "'");
            }
            m.put(key, col);
        }
        return m;
    }
}
