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
 */
package io.cxkit.io;
