package io.cxkit.io;

import io.cxkit.core.Check;
import io.cxkit.journey.value.Acquisition;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an acquisition-spend file (one row per channel and month: channel, period, spend) from
 * CSV, NDJSON or JSON, for {@link Acquisition}.
 *
 * <p><b>Period</b> is a month {@code YYYY-MM} or an ISO date {@code YYYY-MM-DD} (the month it falls
 * in). <b>Spend</b> is a number {@code >= 0} in the file's decimal form: a decimal point, or a
 * decimal comma in a CSV file delimited by {@code ;}. The columns default to {@code channel},
 * {@code period} and {@code spend}. Bad rows (empty channel, bad period, spend empty, not a number
 * or negative; ragged rows) follow the {@link ErrorPolicy}; file problems always fail.
 */
public final class AcquisitionSpendReader {
    private final String channelColumn;
    private final String periodColumn;
    private final String spendColumn;
    private final ErrorPolicy errors;
    private final InputFormat format;
    private final SourceOptions sourceOptions;

    /**
     * The rows read.
     *
     * @param rows the accepted spend rows, in file order
     * @param read what was read ({@code columns} holds {@code channel}, {@code period}, {@code spend})
     */
    public record SpendFile(List<Acquisition.Spend> rows, ReadSummary read) {
        /**
         * Copies.
         *
         * @param rows the rows
         * @param read the read summary
         */
        public SpendFile {
            rows = List.copyOf(rows);
        }
    }

    private AcquisitionSpendReader(Builder b) {
        this.channelColumn = b.channel;
        this.periodColumn = b.period;
        this.spendColumn = b.spend;
        this.errors = b.errors;
        this.format = b.format;
        this.sourceOptions = b.source();
    }

    /**
     * A builder with the default column names {@code channel}, {@code period}, {@code spend}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file.
     *
     * @param file the file; the format comes from the builder or the file name
     * @return the rows
     * @throws BadInputException for bad input
     */
    public SpendFile read(Path file) {
        return EventFiles.read(file, format, this::read);
    }

    /**
     * Reads a stream (not closed).
     *
     * @param in the bytes
     * @param source the name used in messages
     * @param format the format
     * @return the rows
     * @throws BadInputException for bad input
     */
    public SpendFile read(InputStream in, String source, InputFormat format) {
        Check.notNull(in, "in");
        try (RowSource rows = sourceOptions.open(in, source, Check.notNull(format, "format"))) {
            Map<String, String> used = new LinkedHashMap<>();
            List<String> selected = EventFiles.selectFields(rows, new String[][] {{"channel", channelColumn}, {"period", periodColumn}, {"spend", spendColumn}}, source, used);
            boolean comma = rows.delimiter() == ';';
            List<Acquisition.Spend> out = new ArrayList<>();
            ReadSummary s = EventFiles.loop(rows, source, selected, used, errors, cells -> {
                String channel = cells.get(0);
                if (channel.isBlank()) {
                    throw new EventFiles.Rule("empty channel", "acquisition channel is empty");
                }
                YearMonth period = period(cells.get(1));
                out.add(new Acquisition.Spend(channel, period, spend(cells.get(2), comma)));
            });
            return new SpendFile(out, s);
        }
    }

    private static YearMonth period(String v) {
        try {
            if (v.length() == 7) {
                return YearMonth.parse(v);
            }
            if (v.length() == 10) {
                return YearMonth.from(LocalDate.parse(v));
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw new EventFiles.Rule("bad period", "acquisition period must be a month YYYY-MM or a date YYYY-MM-DD: '" + v + "'");
    }

    private static double spend(String v, boolean comma) {
        if (v.isEmpty()) {
            throw new EventFiles.Rule("bad spend", "acquisition spend is empty");
        }
        double a = Cells.number(v, comma);
        if (Double.isNaN(a)) {
            throw new EventFiles.Rule("bad spend", "acquisition spend must be a number ("
                    + (comma ? "digits with an optional decimal comma, e.g. 1250,50" : Cells.NUMBER_RULE) + "): '" + v + "'");
        }
        if (!(a >= 0) || Double.isInfinite(a)) {
            throw new EventFiles.Rule("bad spend", "acquisition spend must be finite and >= 0: " + v);
        }
        return a;
    }

    /** Options of an {@link AcquisitionSpendReader}. */
    public static final class Builder extends ReaderOptions<Builder> {
        private String channel = "channel";
        private String period = "period";
        private String spend = "spend";

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * The channel column (default {@code channel}).
         *
         * @param column the header name
         * @return this builder
         */
        public Builder channel(String column) {
            this.channel = columnName("channel", column);
            return this;
        }

        /**
         * The period column (default {@code period}): {@code YYYY-MM} or a date.
         *
         * @param column the header name
         * @return this builder
         */
        public Builder period(String column) {
            this.period = columnName("period", column);
            return this;
        }

        /**
         * The spend column (default {@code spend}): a number &gt;= 0.
         *
         * @param column the header name
         * @return this builder
         */
        public Builder spend(String column) {
            this.spend = columnName("spend", column);
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public AcquisitionSpendReader build() {
            return new AcquisitionSpendReader(this);
        }
    }
}
