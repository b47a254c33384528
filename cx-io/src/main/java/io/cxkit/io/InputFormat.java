package io.cxkit.io;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a reader understands. */
public enum InputFormat {
    /** Delimited text with a header row (any one-character delimiter, RFC 4180 quoting). */
    CSV,
    /**
     * JSON: either an array of flat objects ({@code [{...}, {...}]}) or newline-delimited objects
     * (NDJSON, one object per line); the reader tells them apart by the first character.
     */
    JSON;

    /**
     * Guesses the format from a file name: {@code .json}, {@code .ndjson}, {@code .jsonl} are JSON,
     * everything else CSV (including {@code .tsv} and {@code .txt}).
     *
     * @param file the file
     * @return the format
     */
    public static InputFormat of(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl") ? JSON : CSV;
    }
}
