/**
 * A self-contained HTML report with inline SVG charts of cxkit's results: score trends with
 * confidence bands and significant movers, segment comparisons, funnels, paths and transitions,
 * Kaplan–Meier curves, key drivers, attribution credits and service-time distributions.
 *
 * <p>What the page is: one HTML file with every chart drawn as inline SVG, one {@code <style>}
 * block, no JavaScript, no font, image or style sheet from anywhere else, so it opens offline,
 * prints and can be mailed. Every chart is also available on its own as a standalone {@code .svg}
 * document ({@link io.cxkit.report.Chart#svg()}).
 *
 * <p>What a chart says: a title, axis labels with units, a caption stating the sample size, the
 * interval method and the confidence level, an SVG {@code <title>}/{@code <desc>} for screen
 * readers, and a table of the same numbers under it. A value that cannot be computed (an empty
 * segment, a period without answers) is never drawn as a number: the chart leaves it out, marks
 * the place as "no data" and the caption and the table say so. Colours are the Okabe–Ito palette,
 * which stays distinguishable under the common colour-vision deficiencies; markers differ in shape
 * as well as colour.
 *
 * <p>Determinism: the same results give the same bytes. Numbers are formatted with
 * {@link java.util.Locale#ROOT} and a fixed number of decimals, iteration is in sorted or declared
 * order, and the page carries no timestamp unless the caller passes one
 * ({@link io.cxkit.report.HtmlReport.Builder#generated(String)}).
 *
 * <p>Entry points: {@link io.cxkit.report.HtmlReport#builder()} for the page, and one factory
 * class per chart type ({@link io.cxkit.report.ScoreTrendChart}, {@link io.cxkit.report.SegmentChart},
 * {@link io.cxkit.report.FunnelChart}, {@link io.cxkit.report.PathsChart},
 * {@link io.cxkit.report.TransitionChart}, {@link io.cxkit.report.SurvivalChart},
 * {@link io.cxkit.report.DriversChart}, {@link io.cxkit.report.AttributionChart},
 * {@link io.cxkit.report.ServiceTimeChart}).
 */
package io.cxkit.report;
