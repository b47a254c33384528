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
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flat JSON objects, either in one top-level array or as NDJSON, read with Jackson's streaming
 * parser under read constraints (nesting depth, string length) and a limit on keys per object.
 *
 * <p>Per-row problems are rows with a {@link #rowProblem()}: a value that is not an object, a
 * duplicate key, too many keys, a nested value in a selected column; and in NDJSON also broken
 * syntax, invalid UTF-8, an over-long string or too deep a value. After those the parser cannot go
 * on, so the broken row is taken to be its first line and a new parser starts on the next line (the
 * bytes from the row start are kept for that, see {@link RetainedInput}). In a JSON array the same
 * problems break the array's structure and fail the read. UTF-16/32 input is re-encoded as UTF-8
 * first ({@link Utf8Transcoder}); bytes not valid in it fail the read.
 */
final class JsonSource implements RowSource {
    private static final String NESTED_OBJECT = "\u0000{";
    private static final String NESTED_ARRAY = "\u0000[";
    /** Broken rows before the first good object that are kept to be handed out. */
    private static final int MAX_LEADING_BROKEN = 1000;
    private final JsonFactory factory;
    private final RetainedInput in;
    private final String source;
    private final int maxField;
    private final int maxDepth;
    private final int maxKeys;
    private JsonParser p;
    /** The file offset of the current parser's first byte, and the lines before its first line. */
    private long byteBase;
    private long lineBase;
    private final boolean array;
    private List<String> columns;
    private Map<String, Integer> wanted = new HashMap<>();
    private String[] values = new String[0];
    private int[] cols = new int[0];
    private long line;
    private RowError problem;
    /** Where the current row started (file offset of its first token, -1 if unknown), once it has. */
    private boolean rowStarted;
    private long rowStart;
    /** The file offset and line just after the last complete row (-1: unknown). */
    private long rowEnd;
    private long rowEndLine = 1;
    private final List<RowError> leading = new ArrayList<>();
    private int leadingAt;
    private Map<String, String[]> pending;
    private long firstLine;
    private boolean done;
    private String[] names = new String[32];
    private int nameCount;
    private Set<String> nameSet = new HashSet<>();

    private interface FieldSink {
        void accept(String name, String value, int column);
    }

    JsonSource(InputStream raw, String source, int maxField, int maxDepth, int maxKeys) {
        this.source = source;
        this.maxField = maxField;
        this.maxDepth = maxDepth;
        this.maxKeys = maxKeys;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth)
                        .maxStringLength(maxField).maxNumberLength(100).build())
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
        try {
            this.in = new RetainedInput(Utf8Transcoder.utf8(raw));
        } catch (IOException e) {
            throw new BadInputException(new RowError(source, 0, 0, "", "", "read error",
                    "cannot read: " + e.getMessage()), new UncheckedIOException(e));
        }
        JsonToken t = null;
        IOException firstError = null;
        try {
            p = factory.createParser(in);
            t = p.nextToken();
        } catch (IOException e) {
            if (e instanceof CharacterCodingException) {
                throw new BadInputException(new RowError(source, 0, 0, "", "", "bad encoding",
                        "the bytes are not valid UTF-8/16/32: " + e.getMessage()), e);
            }
            if (p == null) {
                throw new BadInputException(new RowError(source, 0, 0, "", "", "read error",
                        "cannot read: " + e.getMessage()), new UncheckedIOException(e));
            }
            firstError = e;
        }
        if (firstError == null && t == null) {
            throw BadInputException.file(source, 0, "empty file", "the file is empty: expected JSON objects");
        }
        array = t == JsonToken.START_ARRAY;
        rowEnd = array ? -1 : 0;
        // Read up to the first good object: its keys name the columns.
        Map<String, String[]> first = new LinkedHashMap<>();
        FieldSink collect = (name, value, col) -> first.put(name, new String[] {value, Integer.toString(col)});
        boolean got;
        if (firstError != null) {
            broken(firstError);
            got = true;
        } else {
            got = readRow(array ? null : t, collect);
        }
        while (got && problem != null) {
            leading.add(problem);
            if (leading.size() > MAX_LEADING_BROKEN) {
                throw new BadInputException(leading.get(0)); // no object to name the columns: not JSON rows
            }
            first.clear();
            got = readRow(null, collect);
        }
        if (!got) {
            if (!leading.isEmpty()) {
                throw new BadInputException(leading.get(0));
            }
            throw BadInputException.file(source, line, "no data rows", "the file has no data rows (an empty JSON"
                    + " array)");
        }
        columns = List.copyOf(first.keySet());
        pending = first;
        firstLine = line;
    }

    /**
     * Reads the next row (its values go to {@code sink}); false at the end. {@code first} is its
     * first token if already read. A per-row problem is left in {@link #problem}.
     */
    private boolean readRow(JsonToken first, FieldSink sink) {
        problem = null;
        rowStarted = false;
        try {
            JsonToken t = first != null ? first : p.nextToken();
            if (array && t == JsonToken.END_ARRAY) {
                line = lineBase + line(p.currentTokenLocation());
                if (p.nextToken() != null) {
                    throw new BadInputException(new RowError(source, lineBase + line(p.currentTokenLocation()), 0,
                            "", "", "malformed JSON", "unexpected content after the closing ']'"));
                }
                return false;
            }
            if (t == null) {
                if (array) {
                    throw new BadInputException(new RowError(source, line, 0, "", "", "malformed JSON",
                            "the JSON array is not closed with ']'"));
                }
                return false;
            }
            JsonLocation at = p.currentTokenLocation();
            line = lineBase + line(at);
            rowStart = at.getByteOffset() < 0 ? -1 : byteBase + at.getByteOffset();
            rowStarted = true;
            in.keepFrom(rowStart < 0 ? Long.MAX_VALUE : rowStart);
            if (t != JsonToken.START_OBJECT) {
                String found = t.asString() != null ? t.asString() : p.getText();
                String value = t.isScalarValue() ? p.getText() : "";
                p.skipChildren();
                problem = new RowError(source, line, column(at), "", value, "not an object",
                        "expected a JSON object per row, found " + found);
            } else {
                readFields(sink);
            }
            JsonLocation end = p.currentLocation();
            rowEnd = end.getByteOffset() < 0 || array ? -1 : byteBase + end.getByteOffset();
            rowEndLine = lineBase + line(end);
            return true;
        } catch (IOException e) {
            broken(e);
            return true;
        }
    }

    private void readFields(FieldSink sink) throws IOException {
        nameCount = 0;
        boolean over = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            JsonLocation loc = p.currentTokenLocation();
            int col = column(loc);
            if (over) {
                p.skipChildren();
                continue;
            }
            if (nameCount == maxKeys) {
                over = true; // the rest is skipped without being remembered: memory stays bounded
                if (problem == null) {
                    problem = ReadLimit.COLUMNS.rowError(source, lineBase + line(loc), col, "", "",
                            "object has more than " + ReadLimit.count(maxKeys) + " keys");
                }
                p.skipChildren();
                continue;
            }
            if (seen(name) && problem == null) {
                problem = new RowError(source, lineBase + line(loc), col, name, "", "duplicate key",
                        "key '" + name + "' appears more than once in the object");
            }
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
            throw new BadInputException(new RowError(source, lineBase + line(p.currentTokenLocation()), 0, "", "",
                    "malformed JSON", "malformed JSON object"));
        }
    }

    /** Whether the object being read had this key already (linear for small objects, then a set). */
    private boolean seen(String name) {
        if (nameCount < names.length) {
            for (int i = 0; i < nameCount; i++) {
                if (names[i].equals(name)) {
                    return true;
                }
            }
            names[nameCount++] = name;
            return false;
        }
        if (nameCount == names.length) {
            if (nameSet.size() > 4096) {
                nameSet = new HashSet<>(); // do not keep clearing a table grown for one huge object
            }
            nameSet.clear();
            nameSet.addAll(Arrays.asList(names));
        }
        nameCount++;
        return !nameSet.add(name);
    }

    /**
     * A problem the parser cannot continue after: in NDJSON a broken row (the rest of its first line
     * is skipped and a new parser starts on the next line); in an array, or without byte offsets, the
     * read fails.
     */
    private void broken(IOException e) {
        RowError err = error(e);
        boolean resumable = rowStarted ? rowStart >= 0 : rowEnd >= 0;
        if (array || !resumable || err.reason().equals("read error") || e instanceof CharacterCodingException) {
            throw new BadInputException(err, e);
        }
        problem = err;
        long from;
        long fromLine;
        if (rowStarted) {
            from = rowStart;
            fromLine = line;
            if (err.line() > line) {
                // found on a later line, which is read again as a row of its own
                problem = new RowError(source, line, 0, "", "", err.reason(), err.reason().equals("malformed JSON")
                        ? "malformed JSON: the object is not closed on its line (NDJSON has one object per line)"
                        : err.message());
            }
        } else {
            // the row's first token did not parse: it starts at the first non-blank after the last row
            from = rowEnd;
            fromLine = rowEndLine;
            int c;
            while ((c = in.byteAt(from)) == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (c == '\n') {
                    fromLine++;
                }
                from++;
                in.keepFrom(from);
            }
            line = fromLine;
        }
        long resume = in.lineAfter(from);
        try {
            p.close();
            in.rewind(resume);
            p = factory.createParser(in);
        } catch (IOException io) {
            throw new BadInputException(new RowError(source, fromLine, 0, "", "", "read error",
                    "cannot read: " + io.getMessage()), new UncheckedIOException(io));
        }
        byteBase = resume;
        lineBase = fromLine;
        rowEnd = resume;
        rowEndLine = fromLine + 1;
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
        if (leadingAt < leading.size()) {
            problem = leading.get(leadingAt++);
            line = problem.line();
            return true;
        }
        if (pending != null) {
            Map<String, String[]> first = pending;
            pending = null;
            problem = null;
            line = firstLine;
            first.forEach((name, vc) -> put(name, vc[0], Integer.parseInt(vc[1])));
            return true;
        }
        if (!readRow(null, this::put)) {
            done = true;
            return false;
        }
        return true;
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

    /** The row error for a parser exception, at the parser's lines and columns of the file. */
    private RowError error(IOException e) {
        JsonLocation l = e instanceof JsonProcessingException j && j.getLocation() != null ? j.getLocation()
                : p.currentLocation();
        long at = lineBase + line(l);
        int col = column(l);
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("nesting depth")) {
                return ReadLimit.NESTING_DEPTH.rowError(source, at, col, "", "", "value is nested deeper than "
                        + maxDepth + " levels");
            }
            if (m.contains("String value length")) {
                return ReadLimit.FIELD_LENGTH.rowError(source, at, col, "", "", "string is longer than the limit of "
                        + ReadLimit.count(maxField) + " characters");
            }
            return new RowError(source, at, col, "", "", "read limit", "JSON exceeds a read limit: "
                    + ((JsonProcessingException) e).getOriginalMessage());
        }
        if (e instanceof JsonProcessingException j) {
            String m = String.valueOf(j.getOriginalMessage());
            if (e instanceof CharConversionException || m.contains("UTF-8") || m.contains("UTF8")) {
                return new RowError(source, at, col, "", "", "bad encoding", "the bytes are not valid UTF-8: " + m);
            }
            return new RowError(source, at, col, "", "", "malformed JSON", "malformed JSON: " + m);
        }
        if (e instanceof CharConversionException || e instanceof CharacterCodingException) {
            return new RowError(source, at, col, "", "", "bad encoding", "the bytes are not valid UTF-8/16/32: "
                    + e.getMessage());
        }
        return new RowError(source, at, 0, "", "", "read error", "cannot read: " + e.getMessage());
    }

    @Override
    public void close() {
        try {
            p.close();
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
