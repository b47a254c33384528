package io.cxkit.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flat JSON objects, either in one top-level array or as NDJSON, read with Jackson's streaming
 * parser under read constraints (nesting depth, string length).
 */
final class JsonSource implements RowSource {
    private static final String NESTED_OBJECT = "\u0000{";
    private static final String NESTED_ARRAY = "\u0000[";
    private final JsonParser p;
    private final String source;
    private final boolean array;
    private List<String> columns;
    private Map<String, Integer> wanted = new HashMap<>();
    private String[] values = new String[0];
    private int[] cols = new int[0];
    private long line;
    private RowError problem;
    private Map<String, String[]> pending;
    private boolean done;

    JsonSource(InputStream in, String source, int maxField, int maxDepth) {
        this.source = source;
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth)
                        .maxStringLength(maxField).maxNumberLength(100).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        try {
            this.p = f.createParser(in);
            JsonToken t = token();
            if (t == null) {
                throw BadInputException.file(source, 0, "empty file", "the file is empty: expected JSON objects");
            }
            array = t == JsonToken.START_ARRAY;
            if (array) {
                t = token();
            }
            if (t == null || t == JsonToken.END_ARRAY) {
                throw BadInputException.file(source, line(p.currentTokenLocation()), "no data rows",
                        "the file has no data rows (an empty JSON array)");
            }
            // Read the first object in full: its keys name the columns.
            Map<String, String[]> first = new LinkedHashMap<>();
            readObject(t, (name, value, col) -> first.put(name, new String[] {value, Integer.toString(col)}));
            columns = List.copyOf(first.keySet());
            pending = first;
        } catch (IOException e) {
            throw wrap(e);
        }
    }

    private JsonToken token() throws IOException {
        return p.nextToken();
    }

    private interface FieldSink {
        void accept(String name, String value, int column);
    }

    private void readObject(JsonToken start, FieldSink sink) throws IOException {
        line = line(p.currentTokenLocation());
        problem = null;
        if (start != JsonToken.START_OBJECT) {
            throw new BadInputException(new RowError(source, line, column(p.currentTokenLocation()), "", p.getText(),
                    "not an object", "expected a JSON object per row, found "
                    + (start.asString() != null ? start.asString() : p.getText())));
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int col = column(p.currentTokenLocation());
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                if (problem == null && wanted.containsKey(name)) {
                    problem = nested(name, col, v);
                }
                p.skipChildren();
                if (columns == null) {
                    sink.accept(name, v == JsonToken.START_OBJECT ? NESTED_OBJECT : NESTED_ARRAY, col);
                }
                continue;
            }
            sink.accept(name, v == JsonToken.VALUE_NULL ? "" : p.getText(), col);
        }
        if (t != JsonToken.END_OBJECT) {
            throw new BadInputException(new RowError(source, line(p.currentTokenLocation()), 0, "", "", "malformed JSON",
                    "malformed JSON object"));
        }
    }

    private RowError nested(String name, int col, JsonToken v) {
        return new RowError(source, line, col, name, "", "nested value", "value is a nested "
                + (v == JsonToken.START_OBJECT ? "object" : "array") + "; rows must be flat objects");
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void select(List<String> names) {
        wanted = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            wanted.put(names.get(i), i);
        }
        values = new String[names.size()];
        cols = new int[names.size()];
    }

    @Override
    public boolean next() {
        if (done) {
            return false;
        }
        Arrays.fill(values, "");
        Arrays.fill(cols, 0);
        if (pending != null) {
            Map<String, String[]> first = pending;
            pending = null;
            first.forEach((name, vc) -> put(name, vc[0], Integer.parseInt(vc[1])));
            return true;
        }
        try {
            JsonToken t = token();
            if (array && t == JsonToken.END_ARRAY) {
                if (token() != null) {
                    throw new BadInputException(new RowError(source, line(p.currentTokenLocation()), 0, "", "",
                            "malformed JSON", "unexpected content after the closing ']'"));
                }
                done = true;
                return false;
            }
            if (t == null) {
                if (array) {
                    throw new BadInputException(new RowError(source, line, 0, "", "", "malformed JSON",
                            "the JSON array is not closed with ']'"));
                }
                done = true;
                return false;
            }
            readObject(t, this::put);
            return true;
        } catch (IOException e) {
            throw wrap(e);
        }
    }

    private void put(String name, String value, int col) {
        Integer i = wanted.get(name);
        if (i != null && (NESTED_OBJECT.equals(value) || NESTED_ARRAY.equals(value))) {
            if (problem == null) {
                problem = nested(name, col, NESTED_OBJECT.equals(value) ? JsonToken.START_OBJECT : JsonToken.START_ARRAY);
            }
        } else if (i != null) {
            values[i] = value.strip();
            cols[i] = col;
        }
    }

    @Override
    public RowError rowProblem() {
        return problem;
    }

    @Override
    public String value(int i) {
        return values[i];
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public int column(int i) {
        return cols[i];
    }

    private static long line(JsonLocation l) {
        return Math.max(0, l.getLineNr());
    }

    private static int column(JsonLocation l) {
        return Math.max(0, l.getColumnNr());
    }

    private BadInputException wrap(IOException e) {
        if (e instanceof StreamConstraintsException) {
            JsonLocation l = p == null ? JsonLocation.NA : p.currentLocation();
            return new BadInputException(new RowError(source, line(l), column(l), "", "", "read limit",
                    "JSON exceeds a read limit: " + e.getMessage()), e);
        }
        if (e instanceof JsonProcessingException) {
            JsonProcessingException j = (JsonProcessingException) e;
            JsonLocation l = j.getLocation() == null ? JsonLocation.NA : j.getLocation();
            String reason = e instanceof CharConversionException || String.valueOf(j.getOriginalMessage())
                    .contains("UTF-8") ? "bad encoding" : "malformed JSON";
            return new BadInputException(new RowError(source, line(l), column(l), "", "", reason,
                    "malformed JSON: " + j.getOriginalMessage()), e);
        }
        if (e instanceof CharConversionException) {
            return new BadInputException(new RowError(source, line, 0, "", "", "bad encoding",
                    "the bytes are not valid UTF-8/16/32: " + e.getMessage()), e);
        }
        return new BadInputException(new RowError(source, line, 0, "", "", "read error",
                "cannot read: " + e.getMessage()), new UncheckedIOException(e));
    }

    @Override
    public void close() {
        try {
            p.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
