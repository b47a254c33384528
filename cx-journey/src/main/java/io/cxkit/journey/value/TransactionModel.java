package io.cxkit.journey.value;

import java.util.List;

/**
 * A fitted model of repeat purchasing in continuous time with customer "death" ({@link BgNbd},
 * {@link ParetoNbd}); all times are in the customer base's time unit.
 */
public sealed interface TransactionModel permits BgNbd, ParetoNbd {

    /**
     * The model's name as the CLI and JSON spell it ({@code "bgnbd"}, {@code "pareto-nbd"}).
     *
     * @return the name
     */
    String name();

    /**
     * The parameter names in order.
     *
     * @return the names
     */
    List<String> parameterNames();

    /**
     * The parameters in {@link #parameterNames()} order.
     *
     * @return a new array
     */
    double[] parameters();

    /**
     * The same model with other parameter values (used to draw from the parameters' sampling
     * distribution).
     *
     * @param parameters values in {@link #parameterNames()} order, all &gt; 0
     * @return a new model
     */
    TransactionModel withParameters(double[] parameters);

    /**
     * One customer's log-likelihood.
     *
     * @param x repeat transactions
     * @param tx recency t_x, in [0, T]
     * @param age the age T
     * @return the log-likelihood
     */
    double logLikelihood(int x, double tx, double age);

    /**
     * The probability that a customer with this history is still alive at the calibration end.
     *
     * @param x repeat transactions
     * @param tx recency t_x
     * @param age the age T
     * @return P(alive) in [0, 1]
     */
    double probabilityAlive(int x, double tx, double age);

    /**
     * Expected transactions in the next {@code t} time units of a customer with this history
     * ({@code E[Y(t) | x, t_x, T]}).
     *
     * @param t the horizon, &gt;= 0
     * @param x repeat transactions
     * @param tx recency t_x
     * @param age the age T
     * @return the expectation
     */
    double expectedTransactions(double t, int x, double tx, double age);

    /**
     * Expected repeat transactions of a new customer in the first {@code t} time units after the
     * first purchase ({@code E[X(t)]}).
     *
     * @param t time since the first purchase, &gt;= 0
     * @return the expectation
     */
    double populationExpected(double t);

    /**
     * Checks a customer history.
     *
     * @param x repeat transactions
     * @param tx recency
     * @param age the age
     */
    static void checkHistory(int x, double tx, double age) {
        if (x < 0 || !(age >= 0) || !(tx >= 0 && tx <= age) || Double.isInfinite(age)) {
            throw new IllegalArgumentException("customer history must have x >= 0 and 0 <= t_x <= T: x = " + x
                    + ", t_x = " + tx + ", T = " + age);
        }
    }

    /**
     * Checks a horizon.
     *
     * @param t the horizon
     */
    static void checkHorizon(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("horizon t must be finite and >= 0: " + t);
        }
    }
}
