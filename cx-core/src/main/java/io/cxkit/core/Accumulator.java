package io.cxkit.core;

/**
 * The one contract every cxkit metric follows: a mutable accumulator that observes values, merges
 * with other accumulators of the same configuration, and reads out an immutable result.
 *
 * <p>Observation methods ({@code accept(...)}) are defined by each implementation with primitive
 * arguments, so that the hot path neither boxes nor allocates. Everything else is shared:
 *
 * <ul>
 *   <li>{@link #combine(Accumulator)} merges another accumulator into this one and returns
 *       {@code this}. It is associative and commutative: partial results from threads, files or
 *       engine partitions merge to the single-pass answer (exactly for counts; to floating-point
 *       rounding of a compensated sum for weights). Compatibility is checked <em>before</em>
 *       anything is mutated, and an incompatible combine fails with an
 *       {@link IllegalArgumentException} that says why.
 *   <li>{@link #result()} returns an immutable snapshot; the accumulator can keep accepting.
 *       An accumulator that saw no observations returns a result with {@code n == 0} and a
 *       {@code NaN} estimate — never a silent 0.
 *   <li>{@link #encode()} writes a compact, versioned binary form (see {@link Encoding}); each
 *       implementation offers a static {@code decode(byte[])} that reads it back from the bytes
 *       alone.
 * </ul>
 *
 * <p>Accumulators are not thread-safe: give each thread its own and {@code combine} them. The
 * rest of the contract (nulls, names, factories) is in the {@linkplain io.cxkit.core package
 * documentation}.
 *
 * @param <A> the accumulator's own type: {@code class X implements Accumulator<X, XResult>}
 * @param <R> the immutable result type
 */
public interface Accumulator<A extends Accumulator<A, R>, R> {

    /**
     * Merges {@code other} into this accumulator; {@code other} is left unchanged.
     *
     * @param other an accumulator of the same configuration
     * @return this accumulator
     * @throws IllegalArgumentException if the configurations differ (the message says how)
     */
    A combine(A other);

    /**
     * Returns an immutable snapshot of what has been accumulated so far.
     *
     * @return the result; never {@code null}
     */
    R result();

    /**
     * Returns a new, empty accumulator with this accumulator's configuration.
     *
     * @return a fresh accumulator that can be combined with this one
     */
    A emptyCopy();

    /**
     * Returns a new accumulator with this one's configuration and state; typically
     * {@code emptyCopy().combine(this)}.
     *
     * @return an independent copy
     */
    A copy();

    /**
     * Encodes this accumulator's configuration and state in cxkit's versioned binary format.
     *
     * @return the encoded bytes
     */
    byte[] encode();
}
