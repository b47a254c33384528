package io.cxkit.core;

/**
 * The rule that turns a segment's weighted standard error into a domain standard error of the
 * whole sample (R's {@code svyby} on {@code svydesign(ids=~1, weights=~w)}): the segment's
 * linearization variance uses its own {@code n/(n−1)}, the domain variance the whole sample's
 * {@code N/(N−1)}, and nothing else differs (the linearized values are zero outside the segment
 * and sum to zero inside it), so the standard error scales by {@code √(N(n−1) / ((N−1)n))}.
 * Results apply it in their {@code inDomainOf(sampleN)} methods.
 */
public final class Domains {

    private Domains() {
    }

    /**
     * The factor a segment's weighted standard error is multiplied by to become a domain one.
     *
     * @param n the segment's number of observations
     * @param sampleN the whole sample's number of observations, &gt;= {@code n}
     * @param weighted whether the estimate is weighted (unweighted estimates keep their own SE)
     * @return {@code √(N(n−1) / ((N−1)n))}; 1 if unweighted, if {@code n < 2} or if
     *     {@code N == n}
     * @throws IllegalArgumentException if {@code sampleN < n}
     */
    public static double standardErrorFactor(long n, long sampleN, boolean weighted) {
        if (sampleN < n) {
            throw new IllegalArgumentException("sampleN must be >= the segment's n (" + n + "): " + sampleN);
        }
        if (!weighted || n < 2 || sampleN == n) {
            return 1;
        }
        double bigN = sampleN;
        return Math.sqrt(bigN * (n - 1) / ((bigN - 1) * n));
    }
}
