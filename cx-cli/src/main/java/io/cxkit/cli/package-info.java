/**
 * The {@code cx} command ({@link io.cxkit.cli.Cx}): {@code demo}, {@code report}, {@code funnel},
 * {@code paths}, {@code service}, {@code drivers}, {@code survival}, {@code attribution},
 * {@code value}, {@code generate} and {@code shell}, and the seeded sample-company generator behind
 * {@code generate} and {@code demo}.
 *
 * <p>Commands only parse options, call the library and print: every number comes from cx-survey or
 * cx-journey through cx-io. Bad input is reported in the command line's own words (option names,
 * file, line and column) with a non-zero exit status, and a command that fails prints no partial
 * document on standard output.
 *
 * <p><b>Options.</b> Option groups that several commands share are picocli mixins, declared once:
 * {@code ReadingOptions} (format, zone, charset, delimiter, on-error, time format, layout),
 * {@code JourneyFile.Options} (journey cutting, and {@code JourneyFile.Memory}: the event log's memory
 * and temporary directory, which {@code attribution} shares) and
 * {@code HtmlOutput.Options}. What is left in each command is its own {@code @Option} fields, whose
 * declarations look alike from command to command (a name, a label, a description, a default) but
 * say different things; those similar-looking blocks are deliberate, not copies to merge.
 */
package io.cxkit.cli;
