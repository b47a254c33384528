/**
 * The {@code cx} command ({@link io.cxkit.cli.Cx}): {@code demo}, {@code report}, {@code funnel},
 * {@code paths}, {@code service}, {@code drivers}, {@code survival}, {@code attribution},
 * {@code generate} and {@code shell}, and the seeded sample-company generator behind
 * {@code generate} and {@code demo}.
 *
 * <p>Commands only parse options, call the library and print: every number comes from cx-survey or
 * cx-journey through cx-io. Bad input is reported in the command line's own words (option names,
 * file, line and column) with a non-zero exit status, and a command that fails prints no partial
 * document on standard output.
 */
package io.cxkit.cli;
