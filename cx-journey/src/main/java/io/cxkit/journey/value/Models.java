package io.cxkit.journey.value;

/** Argument checks shared by the models. */
final class Models {
    private Models() {
    }

    static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("model parameter " + name + " must be finite and > 0: " + v);
        }
    }

    static void arity(double[] p, int k) {
        if (p == null || p.length != k) {
            throw new IllegalArgumentException("expected " + k + " parameters: "
                    + (p == null ? "null" : p.length + ""));
        }
    }
}
