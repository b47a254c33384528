/**
 * Reading survey, journey, ticket, driver and survival exports (CSV, NDJSON, JSON) row by row
 * straight into cxkit accumulators, and writing results as JSON, CSV and text tables.
 *
 * <p>A reader never computes a score itself: it maps columns ({@link io.cxkit.io.ColumnMapping}),
 * converts each field and feeds the accumulator. Every read says what it read, counted, excluded
 * and rejected: under {@link io.cxkit.io.ErrorPolicy} a strict read stops at the first bad row with
 * a {@link io.cxkit.io.BadInputException} naming the file, line, column and value; a lenient read
 * goes on and lists every row it skipped ({@link io.cxkit.io.RejectedRows}). A file without data
 * rows is an error, not an empty result.
 *
 * <p><b>One shape for every reader.</b> What readers share is written once: the source (format,
 * charset, delimiter, gzip, limits) in {@code RowSources}, the options in
 * {@link io.cxkit.io.ReaderOptions} / {@link io.cxkit.io.TimedReaderOptions}, header matching in
 * {@code EventColumns}, cell parsing in {@code Cells} and {@code Timestamps}, the accounting in
 * {@link io.cxkit.io.ReadSummary} and {@link io.cxkit.io.RejectedRows}. What each reader keeps is
 * declarative and its own: a public {@code Field} enum listing its columns and the header names
 * recognised for each, its builder's column setters, and the loop that turns one row into its
 * record. Those pieces look alike from reader to reader (an enum constructor, a setter per
 * column) but list different things; they are not copies to merge.
 */
package io.cxkit.io;
