package io.cxkit.journey.value;

import io.cxkit.core.Check;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Acquisition economics: what a customer cost to acquire, per acquisition channel and monthly
 * cohort, set against what the fitted models expect the customer to be worth.
 *
 * <p><b>Definitions.</b> A customer's <em>channel</em> is the channel they were first acquired
 * through (given per customer); their <em>cohort</em> is the calendar month of their first purchase
 * ({@link CustomerSummary#firstPurchase()}). Spend rows (channel, month, spend) with the same channel
 * and month are added. For a channel and month with spend {@code S} and {@code n >= 1} customers
 * acquired:
 * <ul>
 *   <li><b>CAC</b> = {@code S / n}.</li>
 *   <li><b>mean CLV</b> = the mean of the customers' {@link CustomerValue#clv()} (the discounted
 *       expected margin over the {@link ValueTerms} horizon, from the calibration end).</li>
 *   <li><b>CLV : CAC</b> = mean CLV / CAC; undefined (NaN) when {@code S = 0}.</li>
 *   <li><b>payback</b> = the smallest number of monthly steps {@code k} of {@link ValueTerms} (one
 *       month is 365.25/12 days; the last step may be shorter) such that the cohort's mean expected
 *       cumulative discounted margin after step {@code k} — {@code (1/n) Σ_i margin · E[spend_i] ·
 *       Σ_{j<=k} (E[Y_i(t_j)] − E[Y_i(t_{j−1})]) · (1 + d)^(−t_j in years)}, with {@code E[Y_i(t)]}
 *       the purchase model's conditional expected transactions and {@code E[spend_i]} the
 *       Gamma-Gamma conditional expected spend — reaches CAC. It counts months <em>from the
 *       calibration end</em> and only the expected future margin, not margin already earned, so it is
 *       conservative for older cohorts; 0 when CAC is 0; not reached ({@link Row#paybackReached()}
 *       false, {@link Row#paybackMonths()} −1) when CAC exceeds the CLV.</li>
 * </ul>
 * A channel's row uses the same formulas over the months in which it both spent and acquired
 * customers. Nothing is silently dropped: spend in a month with no customer acquired
 * ({@link Result#spendWithoutCustomers()}), customers acquired in a month with no spend row for
 * their channel ({@link Result#customersWithoutSpend()}), customers with no channel and channel
 * entries for customers without a first purchase by the calibration end are counted in the
 * {@link Result}.
 */
public final class Acquisition {
    private Acquisition() {
    }

    /**
     * One row of an acquisition-spend file.
     *
     * @param channel the acquisition channel, not blank
     * @param period the month the money was spent in
     * @param spend the amount spent, finite and &gt;= 0
     */
    public record Spend(String channel, YearMonth period, double spend) {
        /**
         * Validates.
         *
         * @param channel the channel
         * @param period the month
         * @param spend the amount
         */
        public Spend {
            if (channel == null || channel.isBlank()) {
                throw new IllegalArgumentException("acquisition channel must not be blank: " + channel);
            }
            if (period == null) {
                throw new IllegalArgumentException("acquisition period must not be missing (channel " + channel + ")");
            }
            if (!(spend >= 0) || Double.isInfinite(spend)) {
                throw new IllegalArgumentException("acquisition spend must be finite and >= 0: " + spend + " (channel "
                        + channel + ", " + period + ")");
            }
        }
    }

    /**
     * Acquisition economics of one channel and cohort month, or of a channel over its months
     * ({@code period} null).
     *
     * @param channel the channel
     * @param period the cohort month; null for the channel's total row
     * @param spend the spend
     * @param customers customers acquired, &gt;= 1
     * @param cac spend / customers
     * @param meanClv mean CLV of those customers
     * @param clvToCac mean CLV / CAC; NaN when the spend is 0
     * @param paybackMonths monthly steps until the mean expected cumulative margin reaches CAC; −1 if
     *     not reached within the horizon
     * @param paybackReached whether it was reached within the horizon
     */
    public record Row(String channel, YearMonth period, double spend, int customers, double cac, double meanClv,
            double clvToCac, int paybackMonths, boolean paybackReached) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Acquisition[%s %s: spend %.2f, %d customers, CAC %.2f, CLV %.2f, CLV:CAC %.3g,"
                    + " payback %s]", channel, period == null ? "all" : period, spend, customers, cac, meanClv, clvToCac,
                    paybackReached ? paybackMonths + " months" : "not within the horizon");
        }
    }

    /**
     * A channel and month that could not enter a CAC.
     *
     * @param channel the channel
     * @param period the month
     * @param spend the spend in it (0 for customers without spend)
     * @param customers the customers acquired in it (0 for spend without customers)
     */
    public record Unmatched(String channel, YearMonth period, double spend, int customers) {
    }

    /**
     * The acquisition tables.
     *
     * @param cohorts one row per channel and month with spend and customers, by channel then month
     * @param channels one row per channel, over its matched months
     * @param spendRows spend rows read
     * @param spendWithoutCustomers channel-months with spend but no customer acquired
     * @param customersWithoutSpend channel-months with customers but no spend row
     * @param customersWithoutChannel valued customers with no channel
     * @param channelsWithoutCustomer channel entries of customers not in the customer base
     */
    public record Result(List<Row> cohorts, List<Row> channels, int spendRows, List<Unmatched> spendWithoutCustomers,
            List<Unmatched> customersWithoutSpend, int customersWithoutChannel, int channelsWithoutCustomer) {
        /**
         * Copies.
         *
         * @param cohorts cohort rows
         * @param channels channel rows
         * @param spendRows spend rows
         * @param spendWithoutCustomers unmatched spend
         * @param customersWithoutSpend unmatched customers
         * @param customersWithoutChannel customers without a channel
         * @param channelsWithoutCustomer channel entries without a customer
         */
        public Result {
            cohorts = List.copyOf(cohorts);
            channels = List.copyOf(channels);
            spendWithoutCustomers = List.copyOf(spendWithoutCustomers);
            customersWithoutSpend = List.copyOf(customersWithoutSpend);
        }

        /**
         * Total spend that entered no CAC (months without customers).
         *
         * @return the spend
         */
        public double unmatchedSpend() {
            return spendWithoutCustomers.stream().mapToDouble(Unmatched::spend).sum();
        }

        /**
         * Customers who entered no CAC (acquired in a month without spend for their channel).
         *
         * @return the count
         */
        public int unmatchedCustomers() {
            return customersWithoutSpend.stream().mapToInt(Unmatched::customers).sum();
        }
    }

    /** Running sums of one channel-month (or channel). */
    private static final class Cell {
        double spend;
        boolean hasSpend;
        int customers;
        double clv;
        double[] cumulative;

        Cell(int steps) {
            cumulative = new double[steps];
        }

        void add(Cell o) {
            spend += o.spend;
            customers += o.customers;
            clv += o.clv;
            for (int k = 0; k < cumulative.length; k++) {
                cumulative[k] += o.cumulative[k];
            }
        }

        Row row(String channel, YearMonth period) {
            double cac = spend / customers;
            int payback = -1;
            if (cac == 0) {
                payback = 0;
            } else {
                for (int k = 0; k < cumulative.length && payback < 0; k++) {
                    if (cumulative[k] / customers >= cac) {
                        payback = k + 1;
                    }
                }
            }
            double mean = clv / customers;
            return new Row(channel, period, spend, customers, cac, mean, spend == 0 ? Double.NaN : mean / cac, payback,
                    payback >= 0);
        }
    }

    /**
     * Computes the acquisition tables.
     *
     * @param value the lifetime-value calculator (models and terms)
     * @param base the customer base the calculator was fitted to; first purchases must be known
     * @param channelOf customer id to the channel they were acquired through
     * @param spend the spend rows
     * @return the tables
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a customer has no first-purchase
     *     date, or no channel-month has both spend and customers
     */
    public static Result of(LifetimeValue value, RepeatPurchasesResult base, Map<String, String> channelOf, List<Spend> spend) {
        Check.notNull(value, "value");
        Check.notNull(base, "base");
        Check.notNull(channelOf, "channelOf");
        Check.notNull(spend, "spend");
        int steps = value.terms().stepEnds().length;
        Map<String, Map<YearMonth, Cell>> cells = new TreeMap<>();
        for (Spend s : spend) {
            Cell c = cells.computeIfAbsent(s.channel(), k -> new TreeMap<>()).computeIfAbsent(s.period(), k -> new Cell(steps));
            c.spend += s.spend();
            c.hasSpend = true;
        }
        int withoutChannel = 0;
        int matchedIds = 0;
        double[] cum = new double[steps];
        for (CustomerSummary c : base.customers()) {
            String channel = channelOf.get(c.customerId());
            if (channel == null) {
                withoutChannel++;
                continue;
            }
            matchedIds++;
            if (c.firstPurchase() == null) {
                throw new IllegalArgumentException("customer " + c.customerId()
                        + " has no first-purchase date; acquisition cohorts need the transaction log");
            }
            Cell cell = cells.computeIfAbsent(channel, k -> new TreeMap<>())
                    .computeIfAbsent(YearMonth.from(c.firstPurchase()), k -> new Cell(steps));
            cell.customers++;
            cell.clv += value.cumulativeClv(c, cum);
            for (int k = 0; k < steps; k++) {
                cell.cumulative[k] += cum[k];
            }
        }
        List<Row> cohorts = new ArrayList<>();
        List<Row> channels = new ArrayList<>();
        List<Unmatched> noCustomers = new ArrayList<>();
        List<Unmatched> noSpend = new ArrayList<>();
        cells.forEach((channel, months) -> {
            Cell total = new Cell(steps);
            months.forEach((month, c) -> {
                if (!c.hasSpend) {
                    noSpend.add(new Unmatched(channel, month, 0, c.customers));
                } else if (c.customers == 0) {
                    noCustomers.add(new Unmatched(channel, month, c.spend, 0));
                } else {
                    cohorts.add(c.row(channel, month));
                    total.add(c);
                }
            });
            if (total.customers > 0) {
                channels.add(total.row(channel, null));
            }
        });
        if (cohorts.isEmpty()) {
            throw new IllegalArgumentException("no channel and month has both acquisition spend and acquired customers: "
                    + spend.size() + " spend rows, " + matchedIds + " customers with a channel, " + withoutChannel + " without");
        }
        return new Result(cohorts, channels, spend.size(), noCustomers, noSpend, withoutChannel,
                channelOf.size() - matchedIds);
    }
}
