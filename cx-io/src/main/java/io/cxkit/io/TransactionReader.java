package io.cxkit.io;

import io.cxkit.core.Check;
import io.cxkit.journey.value.RepeatPurchases;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a transaction log (one row per purchase record: customer, time, amount) from CSV, NDJSON or
 * JSON into a {@link RepeatPurchases} accumulator, row by row.
 *
 * <pre>{@code
 * RepeatPurchases acc = RepeatPurchases.of(LocalDate.parse("1997-09-30"), LocalDate.parse("1998-06-30"));
 * TransactionReader.builder().customer("customer").time("date").amount("amount").build()
 *     .read(Path.of("cdnow_sample.csv"), acc);
 * }</pre>
 *
 * <p><b>Time</b> is a date ({@code 1997-01-01}) or anything the other event readers take (ISO-8601
 * date-time with or without offset, epoch seconds or milliseconds); a date-time is reduced to its
 * day in the reader's zone ({@link TimedReaderOptions#zone}, UTC by default), since purchases on one
 * day are one transaction; {@link TimedReaderOptions#timeFormat} restricts date-times to one pattern.
 * <b>Amount</b> is a number {@code >= 0} (a return is not a purchase). Bad rows (customer empty,
 * time unparseable, amount empty, not a number, negative, NaN or infinite; ragged rows) follow the
 * {@link ErrorPolicy}; file problems (missing column, no data rows, ...) always fail.
 */
public final class TransactionReader {
    private final String customerColumn;
    private final String timeColumn;
    private final String amountColumn;
    private final ZoneId zone;
    private final ErrorPolicy errors;
    private final SourceOptions sourceOptions;
    private final InputFormat format;

    private TransactionReader(Builder b) {
        if (b.customer == null || b.time == null || b.amount == null) {
            throw new IllegalArgumentException("transaction reader needs customer, time and amount columns: customer="
                    + b.customer + ", time=" + b.time + ", amount=" + b.amount);
        }
        this.customerColumn = b.customer;
        this.timeColumn = b.time;
        this.amountColumn = b.amount;
        this.zone = b.zone;
        this.errors = b.errors;
        this.sourceOptions = b.source();
        this.format = b.format;
    }

    /**
     * A builder; customer, time and amount columns are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file into an accumulator.
     *
     * @param file the file; the format comes from the builder or the file name
     * @param into receives one record per accepted row
     * @return what was read ({@code columns} holds {@code customer}, {@code time}, {@code amount})
     * @throws BadInputException for bad input
     */
    public ReadSummary read(Path file, RepeatPurchases into) {
        return EventFiles.read(file, format, (in, source, f) -> read(in, source, f, into));
    }

    /**
     * Reads a stream (not closed) into an accumulator.
     *
     * @param in the bytes
     * @param source the name used in messages
     * @param format the format
     * @param into receives one record per accepted row
     * @return what was read
     * @throws BadInputException for bad input
     */
    public ReadSummary read(InputStream in, String source, InputFormat format, RepeatPurchases into) {
        Check.notNull(in, "in");
        Check.notNull(into, "into");
        try (RowSource rows = sourceOptions.open(in, source, Check.notNull(format, "format"))) {
            Map<String, String> used = new LinkedHashMap<>();
            List<String> selected = EventFiles.selectFields(rows, new String[][] {{"customer", customerColumn}, {"time", timeColumn}, {"amount", amountColumn}}, source, used);
            Timestamps ts = sourceOptions.timestamps(zone);
            return EventFiles.loop(rows, source, selected, used, errors, cells -> {
                String customer = cells.get(0);
                if (customer.isEmpty()) {
                    throw new EventFiles.Rule("empty customer", "customer is empty");
                }
                long day = day(cells.get(1), ts);
                into.accept(customer, day, amount(cells.get(2)));
            });
        }
    }

    private long day(String v, Timestamps ts) {
        if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
            try {
                return LocalDate.parse(v).toEpochDay();
            } catch (java.time.DateTimeException e) {
                throw new EventFiles.Rule("unparseable time", "transaction date must be a valid ISO date: " + v);
            }
        }
        try {
            return LocalDate.ofInstant(Instant.ofEpochSecond(ts.epochSecond(v)), zone).toEpochDay();
        } catch (IllegalArgumentException e) {
            throw new EventFiles.Rule("unparseable time", e.getMessage());
        }
    }

    private static double amount(String v) {
        if (v.isEmpty()) {
            throw new EventFiles.Rule("bad amount", "transaction amount is empty");
        }
        double a;
        try {
            a = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new EventFiles.Rule("bad amount", "transaction amount must be a number");
        }
        if (!(a >= 0 && a < Double.POSITIVE_INFINITY)) {
            throw new EventFiles.Rule("bad amount", "transaction amount must be finite and >= 0 (a return is not a purchase): " + v);
        }
        return a;
    }

    /** Options of a {@link TransactionReader}. */
    public static final class Builder extends TimedReaderOptions<Builder> {
        private String customer;
        private String time;
        private String amount;

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
         * The purchase time column (a date, or a date-time reduced to its day in the zone).
         *
         * @param column the header name
         * @return this builder
         */
        public Builder time(String column) {
            this.time = columnName("time", column);
            return this;
        }

        /**
         * The amount column (a number &gt;= 0).
         *
         * @param column the header name
         * @return this builder
         */
        public Builder amount(String column) {
            this.amount = columnName("amount", column);
            return this;
        }


        /**
         * Builds the reader.
         *
         * @return the reader
         * @throws IllegalArgumentException if a column is missing
         */
        public TransactionReader build() {
            return new TransactionReader(this);
        }
    }
}
