package io.cxkit.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear or logarithmic map from data values to pixels, with "nice" ticks (1, 2, 5 × 10^k for
 * linear scales; human time steps for logarithmic time scales).
 */
final class Scale {
    private final double d0;
    private final double d1;
    private final double r0;
    private final double r1;
    private final boolean log;

    private Scale(double d0, double d1, double r0, double r1, boolean log) {
        if (!(Double.isFinite(d0) && Double.isFinite(d1) && d1 > d0)) {
            throw new IllegalStateException("scale domain must be finite and increasing: [" + d0 + ", " + d1 + "]");
        }
        if (log && !(d0 > 0)) {
            throw new IllegalStateException("log scale domain must be > 0: " + d0);
        }
        this.d0 = d0;
        this.d1 = d1;
        this.r0 = r0;
        this.r1 = r1;
        this.log = log;
    }

    static Scale linear(double d0, double d1, double r0, double r1) {
        return new Scale(d0, d1, r0, r1, false);
    }

    static Scale log(double d0, double d1, double r0, double r1) {
        return new Scale(d0, d1, r0, r1, true);
    }

    /** The pixel of a value; values outside the domain are clamped to it. */
    double map(double v) {
        double c = Math.max(d0, Math.min(d1, v));
        double t = log ? (Math.log(c) - Math.log(d0)) / (Math.log(d1) - Math.log(d0)) : (c - d0) / (d1 - d0);
        return r0 + t * (r1 - r0);
    }

    double lo() {
        return d0;
    }

    double hi() {
        return d1;
    }

    /** A step of 1, 2 or 5 × 10^k giving about {@code target} intervals over {@code span}. */
    static double niceStep(double span, int target) {
        double raw = span / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** {@code [lo, hi]} widened to multiples of the nice step; a zero-width range is widened by 1. */
    static double[] niceDomain(double lo, double hi, int target) {
        if (!(hi > lo)) {
            lo -= 1;
            hi += 1;
        }
        double step = niceStep(hi - lo, target);
        return new double[] {Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step};
    }

    /** Ticks of a linear scale at multiples of the nice step inside the domain. */
    List<Double> ticks(int target) {
        double step = tickStep(target);
        List<Double> out = new ArrayList<>();
        double first = Math.ceil(d0 / step - 1e-9) * step;
        for (int i = 0; ; i++) {
            double v = first + i * step;
            if (v > d1 + step * 1e-9) {
                break;
            }
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return out;
    }

    double tickStep(int target) {
        return niceStep(d1 - d0, target);
    }

    /** Time ticks (seconds) of a logarithmic scale: 1 s, 10 s, 1 min, 10 min, 1 h, 4 h, 1 d, 1 w, 30 d, 1 y. */
    List<Double> timeTicks() {
        double[] all = {1, 10, 60, 600, 3600, 4 * 3600, 86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400};
        List<Double> out = new ArrayList<>();
        for (double t : all) {
            if (t >= d0 * (1 - 1e-9) && t <= d1 * (1 + 1e-9)) {
                out.add(t);
            }
        }
        return out;
    }
}
