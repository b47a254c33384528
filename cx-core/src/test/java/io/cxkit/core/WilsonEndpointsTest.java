package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 10 item 8: Wilson bounds at x = 0 and x = n are exactly 0 and 1. */
class WilsonEndpointsTest {
    @Test
    void boundsAtTheEndsAreExact() {
        for (long n : new long[] {1, 3, 7, 10, 49, 1000, 123_457}) {
            for (double c : new double[] {0.8, 0.9, 0.95, 0.99}) {
                // Before: e.g. n = 7 at 95% gave a lower bound of 1.6e-17 and an upper of 0.9999999999999999.
                assertEquals(0.0, ProportionInterval.WILSON.compute(0, n, c).lower(), 0, "x=0, n=" + n);
                assertEquals(1.0, ProportionInterval.WILSON.compute(n, n, c).upper(), 0, "x=n, n=" + n);
            }
        }
        ProportionEstimate weightedAllYes = ProportionEstimate.ofWeighted(3, 4.5, 0, 8.25, 0);
        assertEquals(1.0, weightedAllYes.interval(ProportionInterval.WILSON, 0.95).upper(), 0);
        ProportionEstimate weightedAllNo = ProportionEstimate.ofWeighted(3, 0, 4.5, 0, 8.25);
        assertEquals(0.0, weightedAllNo.interval(ProportionInterval.WILSON, 0.95).lower(), 0);
    }
}
