/**
 * Customer value: "buy till you die" models of repeat purchasing, spend and lifetime value.
 *
 * <p>From a transaction log (customer, day, amount), {@link io.cxkit.journey.value.RepeatPurchases}
 * builds each customer's calibration summary; {@link io.cxkit.journey.value.BgNbd} and
 * {@link io.cxkit.journey.value.ParetoNbd} fit the purchase process, {@link
 * io.cxkit.journey.value.GammaGamma} the spend per transaction, {@link
 * io.cxkit.journey.value.LifetimeValue} turns both into a discounted customer lifetime value, and
 * {@link io.cxkit.journey.value.ValueByGroup} links it to experience (NPS group, CSAT band, any
 * segment).
 *
 * <p>Conventions, followed everywhere in this package (they are those of Fader, Hardie &amp; Lee
 * 2005, and of R's {@code BTYD} and Python's {@code lifetimes}):
 * <ul>
 *   <li>Time is measured in a <em>time unit</em> of {@code daysPerUnit} days, by default weeks
 *       (days / 7). Purchases are dated to the day; all records of one customer on one day are
 *       <em>one transaction</em> whose amount is their sum.
 *   <li>The first purchase is not a repeat: {@code x} counts repeat transactions after it up to and
 *       including the calibration end date; {@code t_x} is the time from the first purchase to the
 *       last repeat in calibration (0 when {@code x = 0}); {@code T} is the time from the first
 *       purchase to the calibration end date (38.86 weeks for a customer who started on 1997-01-01
 *       with calibration to 1997-09-30).
 *   <li>The holdout period runs from the day after the calibration end through the holdout end
 *       date, inclusive; its transactions are counted, never fitted.
 *   <li>The Gamma-Gamma average spend {@code m_x} is the mean amount of the {@code x} repeat
 *       transactions in calibration (first purchase excluded); customers with {@code x = 0}, or
 *       whose average repeat spend is 0, cannot enter that fit and are counted as excluded.
 *   <li>Parameters are estimated by maximum likelihood on the log scale (so they stay positive);
 *       standard errors come from the inverse Hessian of the log-likelihood at the optimum, mapped
 *       to the natural scale by the delta method ({@code SE(θ) = θ · SE(log θ)}).
 * </ul>
 */
package io.cxkit.journey.value;
