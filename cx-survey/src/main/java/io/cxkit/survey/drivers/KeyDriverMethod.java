package io.cxkit.survey.drivers;

/**
 * How key-driver analysis splits the model R² of an overall score regressed on attribute ratings
 * among the attributes. Both methods give non-negative importances that add up to R² exactly, and
 * both work from the correlation matrix of outcome and drivers alone (so from one pass over the data,
 * see {@link KeyDrivers}).
 */
public enum KeyDriverMethod {
    /**
     * Johnson's (2000) relative weights, the default: with the driver correlation matrix
     * {@code R = QΛQᵀ} and its symmetric square root {@code Λ* = QΛ^{1/2}Qᵀ} (the correlations between
     * the drivers and their closest orthonormal approximations Z), {@code β = Λ*⁻¹ r_xy} and
     * {@code ε_j = Σ_k Λ*_jk² β_k²}. Fast for any number of drivers (one eigen-decomposition).
     * Reference: J. W. Johnson (2000), "A heuristic method for estimating the relative weight of
     * predictor variables in multiple regression", Multivariate Behavioral Research 35(1), 1–19.
     */
    RELATIVE_WEIGHTS("relative weights (Johnson 2000)"),
    /**
     * LMG (Lindeman, Merenda &amp; Gold 1980), the Shapley value of R²: each driver's R² increment
     * averaged over all orderings of the drivers,
     * {@code LMG_j = Σ_{S ⊆ others} |S|!(p−|S|−1)!/p! · (R²(S ∪ {j}) − R²(S))}, with
     * {@code R²(S) = r_Sᵀ R_SS⁻¹ r_S}. Costs {@code 2^p} small solves, so it is limited to
     * {@value KeyDrivers#MAX_LMG_DRIVERS} drivers. Reference: U. Grömping (2006), "Relative importance
     * for linear regression in R: the package relaimpo", Journal of Statistical Software 17(1).
     */
    LMG("LMG / Shapley R²");

    private final String label;

    KeyDriverMethod(String label) {
        this.label = label;
    }

    /**
     * The method's display name.
     *
     * @return e.g. {@code "relative weights (Johnson 2000)"}
     */
    public String label() {
        return label;
    }
}
