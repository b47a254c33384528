package io.cxkit.journey.value;

import java.util.Locale;

/**
 * One customer's predicted value.
 *
 * @param customerId the customer
 * @param x repeat transactions in calibration
 * @param tx recency t_x
 * @param age the age T
 * @param probabilityAlive P(alive) at the calibration end
 * @param expectedTransactions expected transactions over {@link LifetimeValue#predictionHorizon()}
 * @param expectedAverageSpend Gamma-Gamma conditional expected spend per transaction
 * @param clv discounted expected margin over the value terms' horizon
 * @param holdoutTransactions actual transactions in the holdout period (0 without one)
 */
public record CustomerValue(String customerId, int x, double tx, double age, double probabilityAlive,
        double expectedTransactions, double expectedAverageSpend, double clv, int holdoutTransactions) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CustomerValue[%s: x=%d, t_x=%.4g, T=%.4g, P(alive)=%.3f, E[Y]=%.3f,"
                + " E[spend]=%.2f, CLV=%.2f]", customerId, x, tx, age, probabilityAlive, expectedTransactions,
                expectedAverageSpend, clv);
    }
}
