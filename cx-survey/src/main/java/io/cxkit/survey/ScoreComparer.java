package io.cxkit.survey;

import io.cxkit.core.Comparison;

/**
 * How two results of the same metric are compared: {@code later − earlier} (or segment − rest) with
 * a test and an interval. The score results' own {@code compare} methods fit:
 * {@code NpsResult::compare}, {@code CsatResult::compare}, {@code CesResult::compare}.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface ScoreComparer<R> {
    /**
     * Compares two results from independent samples.
     *
     * @param a the first result (the later period, or the segment)
     * @param b the second result (the earlier period, or the rest)
     * @param confidence the confidence level of the interval, in (0, 1)
     * @return the comparison of {@code a − b}
     * @throws IllegalArgumentException if either result has too little data to compare
     */
    Comparison compare(R a, R b, double confidence);
}
