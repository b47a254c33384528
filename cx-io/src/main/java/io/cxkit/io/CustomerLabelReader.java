package io.cxkit.io;

import io.cxkit.core.Check;
import io.cxkit.survey.NpsBands;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one label per customer from a survey export (or any customer file), for joining experience
 * to customer value: the NPS group of a 0–10 score ({@link Kind#NPS}: detractor 0–6, passive 7–8,
 * promoter 9–10), the CSAT band of a 1–5 rating ({@link Kind#CSAT}: dissatisfied 1–2, neutral 3,
 * satisfied 4–5), or a column's text as it is ({@link Kind#SEGMENT}).
 *
 * <p>A customer who answered more than once keeps the label of their <em>last</em> row in the file
 * (counted in {@link Labels#repeated()}). Rows with an empty customer, or an empty or out-of-range
 * score, follow the {@link ErrorPolicy}.
 */
public final class CustomerLabelReader {
    /** How the label column is read. */
    public enum Kind {
        /** A 0–10 likelihood-to-recommend score, labelled detractor, passive or promoter. */
        NPS,
        /** A 1–5 satisfaction rating, labelled dissatisfied (1–2), neutral (3) or satisfied (4–5). */
        CSAT,
        /** Any text, the label as it is ({@code (none)} when empty). */
        SEGMENT
    }

    /**
     * The labels read.
     *
     * @param labels customer id to label
     * @param repeated rows that replaced an earlier row of the same customer
     * @param read what was read
     */
    public record Labels(Map<String, String> labels, long repeated, ReadSummary read) {
        /**
         * Copies.
         *
         * @param labels the labels
         * @param repeated repeated rows
         * @param read the read summary
         */
        public Labels {
            labels = Map.copyOf(labels);
        }
    }

    private final String customerColumn;
    private final String labelColumn;
    private final Kind kind;
    private final ErrorPolicy errors;
    private final SourceOptions sourceOptions;
    private final InputFormat format;

    private CustomerLabelReader(Builder b) {
        if (b.customer == null || b.label == null || b.kind == null) {
            throw new IllegalArgumentException("customer label reader needs a customer column and a label column: customer="
                    + b.customer + ", label=" + b.label);
        }
        this.customerColumn = b.customer;
        this.labelColumn = b.label;
        this.kind = b.kind;
        this.errors = b.errors;
        this.sourceOptions = b.source();
        this.format = b.format;
    }

    /**
     * A builder; {@link Builder#customer} and {@link Builder#label} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return the labels
     * @throws BadInputException for bad input
     */
    public Labels read(Path file) {
        return EventFiles.read(file, format, this::read);
    }

    /**
     * Reads a stream (not closed).
     *
     * @param in the bytes
     * @param source the name used in messages
     * @param format the format
     * @return the labels
     * @throws BadInputException for bad input
     */
    public Labels read(InputStream in, String source, InputFormat format) {
        Check.notNull(in, "in");
        try (RowSource rows = sourceOptions.open(in, source, Check.notNull(format, "format"))) {
            List<String> header = new ArrayList<>(rows.columns());
            boolean json = rows instanceof JsonSource;
            List<String> selected = List.of(SurvivalReader.column(header, customerColumn, "customer", source, json),
                    SurvivalReader.column(header, labelColumn, kind.name().toLowerCase(java.util.Locale.ROOT), source, json));
            Map<String, String> used = new LinkedHashMap<>();
            used.put("customer", selected.get(0));
            used.put(kind.name().toLowerCase(java.util.Locale.ROOT), selected.get(1));
            rows.select(selected);
            Map<String, String> labels = new HashMap<>();
            long[] repeated = {0};
            NpsBands bands = NpsBands.standard();
            ReadSummary s = EventFiles.loop(rows, source, selected, used, errors, cells -> {
                String customer = cells.get(0);
                if (customer.isEmpty()) {
                    throw new EventFiles.Rule("empty customer", "customer is empty");
                }
                String label = label(cells.get(1), bands);
                if (labels.put(customer, label) != null) {
                    repeated[0]++;
                }
            });
            return new Labels(labels, repeated[0], s);
        }
    }

    private String label(String v, NpsBands bands) {
        if (kind == Kind.SEGMENT) {
            return v.isEmpty() ? SurveyReader.NONE : v;
        }
        int score;
        try {
            score = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new EventFiles.Rule("bad score", kind + " score must be a whole number: '" + v + "'");
        }
        if (kind == Kind.NPS) {
            if (score < 0 || score > 10) {
                throw new EventFiles.Rule("bad score", "NPS score must be in [0, 10]: " + score);
            }
            int code = bands.code(score);
            return code > 0 ? "promoter" : code < 0 ? "detractor" : "passive";
        }
        if (score < 1 || score > 5) {
            throw new EventFiles.Rule("bad score", "CSAT rating must be in [1, 5]: " + score);
        }
        return score >= 4 ? "satisfied" : score == 3 ? "neutral" : "dissatisfied";
    }

    /** Options of a {@link CustomerLabelReader}. */
    public static final class Builder extends ReaderOptions<Builder> {
        private String customer;
        private String label;
        private Kind kind;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * The customer id column.
         *
         * @param column the header name
         * @return this builder
         */
        public Builder customer(String column) {
            this.customer = columnName("customer", column);
            return this;
        }

        /**
         * The label column and how to read it.
         *
         * @param kind NPS score, CSAT rating or segment text
         * @param column the header name
         * @return this builder
         */
        public Builder label(Kind kind, String column) {
            this.kind = Check.notNull(kind, "kind");
            this.label = columnName(kind.name().toLowerCase(java.util.Locale.ROOT), column);
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         * @throws IllegalArgumentException if a column is missing
         */
        public CustomerLabelReader build() {
            return new CustomerLabelReader(this);
        }
    }
}
