/**
 * The ground every cxkit module stands on: the touchpoint model (channels, touchpoints with their
 * journey stage and CX area, a touchpoint catalog; events and journeys live in cx-journey),
 * calendar buckets in an explicit {@link java.time.ZoneId} and segment keys, the
 * {@link io.cxkit.core.Accumulator} contract with its versioned binary
 * {@link io.cxkit.core.Encoding}, and the shared statistics (compensated sums, Welford/Chan moments,
 * proportion and t intervals, two-sample tests, Benjamini–Hochberg, a mergeable quantile sketch).
 * Nothing here reads files, writes JSON, logs, or knows about a command line or an engine.
 *
 * <h2>The contract every cxkit module follows</h2>
 *
 * <p>This is the one place it is written down; the other modules' package documentation refers
 * here.
 *
 * <p><b>Accumulators.</b> {@code accept(...)} takes one observation as primitives without
 * allocating. {@code combine(other)} checks that the configurations match before it changes
 * anything (an {@link io.cxkit.core.IncompatibleAccumulatorException} says how they differ),
 * returns {@code this}, and is associative and commutative, so partial results merged in any order
 * equal the single pass (exactly for counts). {@code result()} is an immutable record with a
 * readable {@code toString()}. {@code emptyCopy()} and {@code copy()} give a fresh and an
 * independent accumulator of the same configuration. Empty input is reported, never hidden:
 * {@code n == 0} and a {@code NaN} estimate, since 0 is a valid score. Accumulators are not
 * thread-safe: one per thread, then {@code combine}.
 *
 * <p><b>Nulls.</b> No public method accepts {@code null} unless its Javadoc says so: a null
 * argument ({@code combine(null)}, a null key, a null configuration) throws
 * {@link java.lang.NullPointerException} whose message names the parameter
 * ({@code "other must not be null"}), through {@link io.cxkit.core.Check#notNull}. A value that is
 * present but wrong (blank, out of range, not finite) throws {@link java.lang.IllegalArgumentException}
 * naming the parameter, the rule and the value. A missing field of a record of data (an event's
 * time or channel, a response's customer id, a transaction's day) is bad input, not a programming
 * error: it throws {@link io.cxkit.core.InvalidInputException} (an {@code IllegalArgumentException}),
 * as a blank one does, so that readers reject such a row by the same rule as any other bad cell.
 * No public method returns {@code null}: an absent
 * value is an {@link java.util.Optional} (or an empty collection, or {@code NaN} for an estimate of
 * nothing). The one exception is a per-observation lookup on a live path that must not allocate
 * ({@link io.cxkit.core.RollingSegments#segment(io.cxkit.core.SegmentKey, java.time.Instant)}), whose Javadoc
 * says so.
 *
 * <p><b>Encoding.</b> {@code encode()} writes the accumulator's configuration and state in the
 * versioned {@link io.cxkit.core.Encoding}, and every accumulator type has a static
 * {@code decode(byte[])} that reads it back from the bytes alone. A type whose configuration
 * includes other accumulators ({@link io.cxkit.core.SegmentedAccumulator}) writes their encodings
 * too, and decodes them by their type tag through the {@link io.cxkit.core.AccumulatorCodec}s on
 * the class path. Decoding validates: malformed or impossible bytes throw a
 * {@link io.cxkit.core.CorruptEncodingException}, never an internal exception later.
 *
 * <p><b>Typing.</b> {@code Accumulator<A, R>} is parameterised by the implementing type {@code A},
 * so {@code combine}, {@code emptyCopy} and {@code copy} are declared on the interface and return
 * the concrete type; the generic code ({@link io.cxkit.core.SegmentedAccumulator},
 * {@link io.cxkit.core.RollingSegments}, {@link io.cxkit.core.ConcurrentRecorder}) needs nothing
 * else, and there is no public "return this as {@code A}" method.
 *
 * <p><b>Names.</b>
 * <ul>
 *   <li>{@code X} — a definition: an immutable description of what to compute
 *       ({@code Funnel}, {@code RatingScale}, {@link io.cxkit.core.Segmentation}).
 *   <li>{@code XAccumulator} — the mutable state that counts one definition {@code X}
 *       ({@code FunnelAccumulator}). A metric that is its own configuration, with no separate
 *       definition type, is its accumulator and carries the domain name
 *       ({@code NetPromoterScore}, {@link io.cxkit.core.Moments},
 *       {@link io.cxkit.core.QuantileSketch}); there is no third form.
 *   <li>{@code XResult} — what {@code result()} returns, {@code X} naming the analysis (the
 *       metric's usual abbreviation allowed: {@code NetPromoterScore} gives {@code NpsResult}).
 *       The top-level result of one analysis is an {@code XResult} everywhere, also when it has
 *       many parts: never {@code Report}, {@code Table} or {@code Summary}. Its parts are records
 *       named for what one part holds ({@code FunnelStepResult}, {@code DriverImportance}), or, when
 *       a part is the whole result of another analysis, that analysis's {@code XResult}
 *       ({@code ScoreCardResult} holds an {@code NpsResult}).
 *   <li>The one deliberate exception: the read-outs of the shared statistics here, which many
 *       results embed as parts, are named for what they describe and implement
 *       {@link io.cxkit.core.Estimate} where they are one estimate
 *       ({@link io.cxkit.core.MeanEstimate}, {@link io.cxkit.core.ProportionEstimate},
 *       {@link io.cxkit.core.QuantileSummary}).
 * </ul>
 *
 * <p><b>Factories.</b> Constructors are private; a type is made by a static factory with one
 * grammar: {@code create()} for the defaults, {@code of(...)} for one configuration (overloads
 * allowed), {@code builder()} where options are many, {@code decode(byte[])} for an encoding.
 * Where one type has several kinds that take different arguments, each kind's factory is
 * {@code ofKind(...)}, as {@code java.time.Duration.ofDays} is
 * ({@code FunnelStep.ofTouchpoint("checkout")}, {@code PathVariants.ofLeadingTo("checkout", 3)},
 * {@code ProportionEstimate.ofWeighted(...)}).
 * Beside these, only named presets that take no argument, as DDSketch's presets
 * ({@code RatingScale.csat5()}, {@code NpsBands.standard()}, {@code BusinessCalendar.elapsed()},
 * {@code Interval.empty()}); no other factory names. Static methods that compute something from
 * their arguments (a test, a fit, a parse) are named for what they compute and are not factories.
 */
package io.cxkit.core;
