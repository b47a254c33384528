package io.cxkit.cli;

import io.cxkit.core.Comparison;
import io.cxkit.core.Interval;
import io.cxkit.core.MeanEstimate;
import io.cxkit.io.AcquisitionSpendReader;
import io.cxkit.io.CustomerLabelReader;
import io.cxkit.io.ReadSummary;
import io.cxkit.io.TransactionReader;
import io.cxkit.journey.value.Acquisition;
import io.cxkit.journey.value.BgNbd;
import io.cxkit.journey.value.RepeatPurchasesResult;
import io.cxkit.journey.value.CustomerValue;
import io.cxkit.journey.value.GammaGamma;
import io.cxkit.journey.value.GroupValue;
import io.cxkit.journey.value.HoldoutComparison;
import io.cxkit.journey.value.LifetimeValue;
import io.cxkit.journey.value.ModelFit;
import io.cxkit.journey.value.Parameter;
import io.cxkit.journey.value.ParetoNbd;
import io.cxkit.journey.value.RepeatPurchases;
import io.cxkit.journey.value.TransactionModel;
import io.cxkit.journey.value.ValueByGroup;
import io.cxkit.journey.value.ValueTerms;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cx value}: customer value from a transaction log.
 *
 * <p><b>Size.</b> The options, the run, and its two outputs (the table and the
 * {@code cxkit/value/v1} JSON) of one command; each output reads beside the run that fills it.
 */
@Command(name = "value", mixinStandardHelpOptions = true,
        description = "Customer value from a transaction log: BG/NBD or Pareto/NBD purchase model, Gamma-Gamma spend,"
                + " P(alive), CLV with intervals, the holdout check, and value by NPS group / CSAT band / segment.")
final class ValueCommand implements Callable<Integer> {
    /** The JSON schema name. */
    static final String SCHEMA = "cxkit/value/v1";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "transactions, one row per purchase record (.csv/.tsv/.txt, .ndjson/.jsonl/.json)")
    Path file;

    @Option(names = "--columns", required = true, split = ",", paramLabel = "FIELD=COL",
            description = "customer=COL,time=COL,amount=COL")
    Map<String, String> columns;

    @Option(names = "--calibration-end", required = true, paramLabel = "DATE",
            description = "last day of the calibration period (inclusive), e.g. 1997-09-30")
    String calibrationEnd;

    @Option(names = "--holdout-end", paramLabel = "DATE",
            description = "last day of the holdout period (inclusive): compares predicted with actual repeat transactions")
    String holdoutEnd;

    @Option(names = "--model", defaultValue = "bgnbd", paramLabel = "MODEL",
            description = "bgnbd or pareto-nbd (default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--per-customer", description = "add one record per customer")
    boolean perCustomer;

    @Option(names = "--survey", paramLabel = "FILE", description = "survey answers to join by customer (needs --by)")
    Path survey;

    @Option(names = "--by", paramLabel = "[nps=|csat=]COL",
            description = "the survey column to group by: nps=COL (0-10 score, NPS groups), csat=COL (1-5 rating, bands) or COL (text)")
    String by;

    @Option(names = "--survey-customer", paramLabel = "COL",
            description = "the survey's customer column (default: the transactions' customer column name)")
    String surveyCustomer;

    @Option(names = "--reference", paramLabel = "GROUP",
            description = "group the others are compared with (default promoter, satisfied, or the first segment)")
    String reference;

    @Option(names = "--acquisition", paramLabel = "FILE",
            description = "acquisition spend (columns channel, period = YYYY-MM or a date, spend >= 0): CAC, payback and"
                    + " CLV:CAC per channel and cohort month (needs --channels or --survey)")
    Path acquisition;

    @Option(names = "--channels", paramLabel = "FILE",
            description = "each customer's first (acquisition) channel, columns customer and --channel-column"
                    + " (default: the --survey file)")
    Path channels;

    @Option(names = "--channel-column", defaultValue = "channel", paramLabel = "COL",
            description = "the channel column of --channels (default ${DEFAULT-VALUE})")
    String channelColumn;

    @Option(names = "--horizon", defaultValue = "52.18", paramLabel = "WEEKS",
            description = "CLV horizon in weeks (default ${DEFAULT-VALUE}, one year)")
    double horizon;

    @Option(names = "--margin", defaultValue = "1", paramLabel = "SHARE",
            description = "share of spend that is margin, in (0, 1] (default ${DEFAULT-VALUE}: CLV in revenue)")
    double margin;

    @Option(names = "--discount-rate", defaultValue = "0.10", paramLabel = "RATE",
            description = "annual discount rate (default ${DEFAULT-VALUE})")
    double discountRate;

    @Option(names = "--alive-threshold", defaultValue = "0.5", paramLabel = "P",
            description = "value at risk: customers with P(alive) below this (default ${DEFAULT-VALUE})")
    double aliveThreshold;

    @Option(names = "--confidence", defaultValue = "0.95", description = "interval confidence (default ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE})")
    CliSupport.Format format;

    /** How the transaction file is read; --on-error and --input-format also apply to the other files. */
    @Mixin
    ReadingOptions reading;

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private LocalDate date(String value, String option) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw usage(option + " must be an ISO date (1997-09-30): '" + value + "'");
        }
    }

    private String column(String field) {
        String c = columns.get(field);
        if (c == null || c.isBlank()) {
            throw usage("--columns needs " + field + "=COL (customer=COL,time=COL,amount=COL): got " + columns.keySet());
        }
        return c;
    }

    @Override
    public Integer call() {
        if (format == CliSupport.Format.HTML) {
            throw usage("--format must be table or json for cx value (it has no HTML page): html");
        }
        for (String k : columns.keySet()) {
            if (!List.of("customer", "time", "amount").contains(k)) {
                throw usage("--columns fields are customer, time and amount: unknown '" + k + "'");
            }
        }
        LocalDate cal = date(calibrationEnd, "--calibration-end");
        LocalDate hold = holdoutEnd == null ? null : date(holdoutEnd, "--holdout-end");
        if (hold != null && !hold.isAfter(cal)) {
            throw usage("--holdout-end must be after --calibration-end " + cal + ": " + hold);
        }
        if (!model.equals("bgnbd") && !model.equals("pareto-nbd")) {
            throw usage("--model must be bgnbd or pareto-nbd: " + model);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw usage("--confidence must be in (0, 1): " + confidence);
        }
        if (!(aliveThreshold > 0 && aliveThreshold <= 1)) {
            throw usage("--alive-threshold must be in (0, 1]: " + aliveThreshold);
        }
        if ((survey == null) != (by == null)) {
            throw usage(survey == null ? "--by needs --survey FILE (the answers to group customers by)"
                    : "--survey needs --by [nps=|csat=]COL (the survey column to group by)");
        }
        if (acquisition == null && channels != null) {
            throw usage("--channels needs --acquisition FILE (the spend per channel and period)");
        }
        if (acquisition != null && channels == null && survey == null) {
            throw usage("--acquisition needs --channels FILE (or --survey FILE) with each customer's channel in column '"
                    + channelColumn + "'");
        }
        ValueTerms terms;
        try {
            terms = new ValueTerms(horizon, margin, discountRate, RepeatPurchases.DAYS_PER_WEEK);
        } catch (IllegalArgumentException e) {
            throw usage("--horizon, --margin and --discount-rate: " + e.getMessage());
        }
        TransactionReader.Builder rb = TransactionReader.builder().customer(column("customer")).time(column("time"))
                .amount(column("amount"));
        reading.apply(spec.commandLine(), rb);
        RepeatPurchases acc = RepeatPurchases.of(cal, hold);
        ReadSummary read = rb.build().read(file, acc);
        RepeatPurchasesResult base = acc.result();
        if (base.customers().isEmpty()) {
            throw new IllegalArgumentException("no customer made a first purchase on or before --calibration-end " + cal
                    + " in " + file + " (" + read.accepted() + " records, " + base.lateCustomers()
                    + " customers starting later)");
        }
        ModelFit<? extends TransactionModel> fit = model.equals("bgnbd") ? BgNbd.fit(base) : ParetoNbd.fit(base);
        ModelFit<GammaGamma> spend = GammaGamma.fit(base);
        double predictionHorizon = base.hasHoldout() ? base.holdoutLength() : horizon;
        LifetimeValue lv = LifetimeValue.of(fit, spend, terms, predictionHorizon);
        List<CustomerValue> values = lv.values(base);
        Interval total = lv.totalInterval(base, confidence);
        HoldoutComparison holdout = base.hasHoldout() ? HoldoutComparison.of(fit.model(), base) : null;
        ValueByGroup.ValueAtRisk lowAlive = ValueByGroup.belowAlive(values, aliveThreshold);
        Grouping grouping = survey == null ? null : group(values);
        Acquired acquired = acquisition == null ? null : acquire(lv, base);
        Report r = new Report(read, base, fit, spend, lv, values, total, holdout, lowAlive, grouping, acquired);
        StringWriter buffer = new StringWriter();
        PrintWriter w = new PrintWriter(buffer);
        if (format == CliSupport.Format.JSON) {
            CliSupport.writeJson(w, json(r));
        } else {
            table(r, w);
        }
        w.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(buffer);
        out.flush();
        if (format != CliSupport.Format.JSON && read.rejected().any()) {
            spec.commandLine().getErr().println("cx: " + read.rejected());
        }
        return 0;
    }

    private record Grouping(CustomerLabelReader.Labels labels, String column, CustomerLabelReader.Kind kind,
            ValueByGroup.Result result) {
    }

    private record Report(ReadSummary read, RepeatPurchasesResult base, ModelFit<? extends TransactionModel> fit,
            ModelFit<GammaGamma> spend, LifetimeValue lv, List<CustomerValue> values, Interval total,
            HoldoutComparison holdout, ValueByGroup.ValueAtRisk lowAlive, Grouping grouping, Acquired acquired) {
    }

    private record Acquired(AcquisitionSpendReader.SpendFile spend, Path channelFile, CustomerLabelReader.Labels channels,
            Acquisition.Result result) {
    }

    private Acquired acquire(LifetimeValue lv, RepeatPurchasesResult base) {
        AcquisitionSpendReader.Builder sb = AcquisitionSpendReader.builder().errors(reading.onError);
        if (reading.inputFormat != null) {
            sb.format(reading.inputFormat);
        }
        AcquisitionSpendReader.SpendFile spendFile = sb.build().read(acquisition);
        Path channelFile = channels != null ? channels : survey;
        CustomerLabelReader.Labels labels = CustomerLabelReader.builder()
                .customer(surveyCustomer != null ? surveyCustomer : column("customer"))
                .label(CustomerLabelReader.Kind.SEGMENT, channelColumn).errors(reading.onError).build().read(channelFile);
        return new Acquired(spendFile, channelFile, labels, Acquisition.of(lv, base, labels.labels(), spendFile.rows()));
    }

    private Grouping group(List<CustomerValue> values) {
        CustomerLabelReader.Kind kind = CustomerLabelReader.Kind.SEGMENT;
        String col = by;
        int eq = by.indexOf('=');
        if (eq >= 0) {
            String k = by.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            col = by.substring(eq + 1).strip();
            if (k.equals("nps")) {
                kind = CustomerLabelReader.Kind.NPS;
            } else if (k.equals("csat")) {
                kind = CustomerLabelReader.Kind.CSAT;
            } else {
                throw usage("--by must be nps=COL, csat=COL or COL: '" + by + "'");
            }
        }
        if (col.isEmpty()) {
            throw usage("--by names no column: '" + by + "'");
        }
        CustomerLabelReader.Labels labels = CustomerLabelReader.builder()
                .customer(surveyCustomer != null ? surveyCustomer : column("customer")).label(kind, col).errors(reading.onError)
                .build().read(survey);
        String ref = reference;
        if (ref == null) {
            ref = kind == CustomerLabelReader.Kind.NPS ? "promoter" : kind == CustomerLabelReader.Kind.CSAT ? "satisfied"
                    : new java.util.TreeSet<>(labels.labels().values()).stream().findFirst().orElse("");
        }
        String what = kind == CustomerLabelReader.Kind.NPS ? "NPS group" : kind == CustomerLabelReader.Kind.CSAT
                ? "CSAT band" : "segment '" + col + "'";
        return new Grouping(labels, col, kind, ValueByGroup.of(what, values, labels.labels(), ref, confidence));
    }

    private String pct() {
        return Math.round(confidence * 1000) % 10 == 0 ? String.valueOf(Math.round(confidence * 100))
                : String.valueOf(confidence * 100);
    }

    private static String modelTitle(TransactionModel m) {
        return m instanceof BgNbd ? "BG/NBD (Fader, Hardie & Lee 2005)" : "Pareto/NBD (Schmittlein, Morrison & Colombo 1987)";
    }

    private void parameters(PrintWriter out, ModelFit<?> fit) {
        out.printf(Locale.ROOT, "  %-9s %10s %10s   %s%n", "parameter", "estimate", "SE", pct() + "% CI (log scale)");
        for (Parameter p : fit.parameters()) {
            Interval i = p.interval(confidence);
            out.printf(Locale.ROOT, "  %-9s %10.4f %10.4f   [%.4f, %.4f]%n", p.name(), p.estimate(), p.standardError(),
                    i.lower(), i.upper());
        }
        out.printf(Locale.ROOT, "  log-likelihood %.2f over %d customers%s%n", fit.logLikelihood(), fit.customers(),
                fit.converged() ? "" : String.format(Locale.ROOT,
                        "; WARNING: not converged (largest gradient %.3g) - treat the estimates with care", fit.maxGradient()));
    }

    private void table(Report r, PrintWriter out) {
        RepeatPurchasesResult b = r.base();
        out.printf(Locale.ROOT, "Customer value of %s: customer '%s', time '%s', amount '%s'; time in weeks (days / 7)%n",
                file, r.read().columns().get("customer"), r.read().columns().get("time"), r.read().columns().get("amount"));
        out.printf(Locale.ROOT, "read %d rows, %d accepted, %d rejected; %d transactions after merging %d same-day records;"
                + " %d records after the %s end left out%n", r.read().rows(), r.read().accepted(), r.read().rejected().total(),
                b.transactions(), b.sameDayMerged(), b.afterWindow(), b.hasHoldout() ? "holdout" : "calibration");
        out.printf(Locale.ROOT, "calibration to %s: %d customers, %d repeat transactions (first purchases are not repeats)%s%n",
                b.calibrationEnd(), b.customers().size(), b.repeatTransactions(),
                b.lateCustomers() > 0 ? "; " + b.lateCustomers() + " customers starting after it left out" : "");
        out.println();
        out.println(modelTitle(r.fit().model()) + ", maximum likelihood, SEs from the Hessian:");
        parameters(out, r.fit());
        out.println();
        out.printf(Locale.ROOT, "Gamma-Gamma spend per transaction (repeat transactions in calibration; %d customers fitted,"
                + " %d excluded: no repeat or average repeat spend 0):%n", r.spend().customers(), r.spend().excluded());
        parameters(out, r.spend());
        if (r.holdout() != null) {
            HoldoutComparison h = r.holdout();
            out.println();
            out.printf(Locale.ROOT, "Holdout %s to %s (%.1f weeks): expected %.1f repeat transactions, actual %d%n",
                    b.calibrationEnd().plusDays(1), b.holdoutEnd().orElseThrow(), h.holdoutLength(), h.expectedHoldout(), h.actualHoldout());
            out.printf(Locale.ROOT, "  by calibration frequency:  %-4s %9s %12s %14s%n", "x", "customers", "actual mean",
                    "expected mean");
            for (HoldoutComparison.FrequencyRow f : h.byFrequency()) {
                out.printf(Locale.ROOT, "  %26s %-4s %9d %12.3f %14.3f%n", "",
                        f.x() == HoldoutComparison.TOP_FREQUENCY ? f.x() + "+" : String.valueOf(f.x()), f.customers(),
                        f.actualMean(), f.expectedMean());
            }
            out.printf(Locale.ROOT, "  cumulative repeat transactions per week since %s (expected from first-purchase"
                    + " dates alone):%n", b.firstDay().map(Object::toString).orElse("unknown"));
            out.printf(Locale.ROOT, "  %6s %10s %10s%n", "week", "actual", "expected");
            for (HoldoutComparison.TrackingPoint p : h.tracking()) {
                out.printf(Locale.ROOT, "  %6d %10d %10.1f%s%n", p.unit(), p.actual(), p.expected(), p.holdout() ? "  holdout" : "");
            }
        }
        out.println();
        double sum = 0;
        for (CustomerValue v : r.values()) {
            sum += v.clv();
        }
        ValueTerms t = r.lv().terms();
        out.printf(Locale.ROOT, "CLV over %.1f weeks, margin %.3g, discounted at %.3g%% a year (monthly steps):%n", t.horizon(),
                t.margin(), 100 * t.annualDiscountRate());
        out.printf(Locale.ROOT, "  total %.2f, %s%% CI [%.2f, %.2f] (%s); mean per customer %.2f%n", sum, pct(),
                r.total().lower(), r.total().upper(), r.total().method(), sum / r.values().size());
        out.printf(Locale.ROOT, "  value at risk: %d customers with P(alive) < %s hold %.2f (%.1f%% of the total)%n",
                r.lowAlive().customers(), num(aliveThreshold), r.lowAlive().clv(), 100 * r.lowAlive().shareOfTotal());
        if (r.grouping() != null) {
            groups(r.grouping(), out);
        }
        if (r.acquired() != null) {
            acquisitionTable(r.acquired(), out);
        }
        if (perCustomer) {
            out.println();
            out.printf(Locale.ROOT, "%-14s %5s %8s %8s %8s %9s %9s %10s%n", "customer", "x", "t_x", "T", "P(alive)",
                    "E[Y]", "E[spend]", "CLV");
            for (CustomerValue v : r.values()) {
                out.printf(Locale.ROOT, "%-14s %5d %8.2f %8.2f %8.3f %9.3f %9.2f %10.2f%n", v.customerId(), v.x(), v.tx(),
                        v.age(), v.probabilityAlive(), v.expectedTransactions(), v.expectedAverageSpend(), v.clv());
            }
            out.printf(Locale.ROOT, "(E[Y]: expected transactions in the next %.1f weeks)%n", r.lv().predictionHorizon());
        }
    }

    private void groups(Grouping g, PrintWriter out) {
        ValueByGroup.Result res = g.result();
        out.println();
        out.printf(Locale.ROOT, "By %s (survey %s, column '%s'; %d customers labelled, %d of them without a purchase by the calibration end,"
                + " %d valued customers without an answer; last answer per customer, %d earlier ones replaced):%n",
                res.what(), survey, g.column(), g.labels().labels().size(), res.labelsWithoutValue(), res.unlabelled(),
                g.labels().repeated());
        out.printf(Locale.ROOT, "  %-14s %7s %-26s %-20s %-20s %s%n", "group", "n", "mean CLV [" + pct() + "% CI]",
                "P(alive)", "E[Y]", "CLV vs " + res.reference() + " [" + pct() + "% CI], Welch p");
        for (GroupValue v : res.groups()) {
            Comparison c = v.clvVsReference();
            out.printf(Locale.ROOT, "  %-14s %7d %-26s %-20s %-20s %s%n", v.group(), v.customers(), mean(v.clv(), 2),
                    mean(v.probabilityAlive(), 3), mean(v.expectedTransactions(), 3), c == null
                            ? (v.group().equals(res.reference()) ? "(reference)" : "-")
                            : String.format(Locale.ROOT, "%+.2f [%.2f, %.2f], p %.3g", c.difference(), c.interval().lower(),
                                    c.interval().upper(), c.pValue()));
        }
        if (g.kind() == CustomerLabelReader.Kind.NPS) {
            ValueByGroup.ValueAtRisk d = ValueByGroup.ofGroup(res, "detractor");
            out.printf(Locale.ROOT, "  value at risk: %d detractors hold %.2f (%.1f%% of the labelled customers' CLV)%n",
                    d.customers(), d.clv(), 100 * d.shareOfTotal());
        }
    }

    private void acquisitionTable(Acquired a, PrintWriter out) {
        Acquisition.Result res = a.result();
        out.println();
        out.printf(Locale.ROOT, "Acquisition (spend %s: %d rows; channels from %s, column '%s': %d customers, %d earlier rows"
                + " replaced by a later one):%n", acquisition, res.spendRows(), a.channelFile(), channelColumn,
                a.channels().labels().size(), a.channels().repeated());
        out.println("  CAC = spend / customers whose first purchase is in that channel and month; CLV:CAC = mean CLV / CAC;"
                + " payback = months after the calibration end until the mean expected discounted margin reaches CAC");
        out.printf(Locale.ROOT, "  %-14s %-8s %12s %9s %10s %10s %8s %s%n", "channel", "cohort", "spend", "customers", "CAC",
                "mean CLV", "CLV:CAC", "payback");
        for (Acquisition.Row row : res.cohorts()) {
            acquisitionRow(row, out);
        }
        for (Acquisition.Row row : res.channels()) {
            acquisitionRow(row, out);
        }
        out.printf(Locale.ROOT, "  not in any CAC: %.2f spend in %d channel-months without an acquired customer%s;"
                + " %d customers in %d channel-months without spend%s; %d valued customers without a channel;"
                + " %d channel rows for customers without a first purchase by the calibration end%n", res.unmatchedSpend(),
                res.spendWithoutCustomers().size(), unmatched(res.spendWithoutCustomers()), res.unmatchedCustomers(),
                res.customersWithoutSpend().size(), unmatched(res.customersWithoutSpend()), res.customersWithoutChannel(),
                res.channelsWithoutCustomer());
        if (a.spend().read().rejected().any()) {
            out.println("  acquisition file: " + a.spend().read().rejected());
        }
        if (a.channels().read().rejected().any()) {
            out.println("  channel file: " + a.channels().read().rejected());
        }
    }

    private static String unmatched(List<Acquisition.Unmatched> list) {
        if (list.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (");
        for (int i = 0; i < list.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(list.get(i).channel()).append(' ').append(list.get(i).period());
        }
        return b.append(')').toString();
    }

    private static void acquisitionRow(Acquisition.Row row, PrintWriter out) {
        out.printf(Locale.ROOT, "  %-14s %-8s %12.2f %9d %10.2f %10.2f %8s %s%n", row.channel(),
                row.period() == null ? "all" : row.period().toString(), row.spend(), row.customers(), row.cac(), row.meanClv(),
                Double.isNaN(row.clvToCac()) ? "- (CAC 0)" : String.format(Locale.ROOT, "%.3f", row.clvToCac()),
                row.paybackReached() ? row.paybackMonths() + " months" : "not within the horizon");
    }

    private Map<String, Object> acquisitionJson(Acquired a) {
        Acquisition.Result res = a.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", acquisition.toString());
        m.put("input", CliSupport.input(a.spend().read()));
        m.put("channelFile", a.channelFile().toString());
        m.put("channelColumn", channelColumn);
        m.put("channelInput", CliSupport.input(a.channels().read()));
        m.put("customersWithChannel", a.channels().labels().size());
        m.put("repeatedChannelRowsReplaced", a.channels().repeated());
        m.put("definitions", "CAC = spend / customers whose first purchase falls in the channel and calendar month;"
                + " clvToCac = mean CLV / CAC (null when spend is 0); paybackMonths = monthly steps after the calibration end"
                + " until the mean expected discounted margin reaches CAC (null when not within the CLV horizon)");
        List<Object> cohorts = new ArrayList<>();
        for (Acquisition.Row row : res.cohorts()) {
            cohorts.add(acquisitionRowJson(row));
        }
        m.put("cohorts", cohorts);
        List<Object> chans = new ArrayList<>();
        for (Acquisition.Row row : res.channels()) {
            chans.add(acquisitionRowJson(row));
        }
        m.put("channels", chans);
        m.put("spendWithoutCustomers", unmatchedJson(res.spendWithoutCustomers()));
        m.put("unmatchedSpend", res.unmatchedSpend());
        m.put("customersWithoutSpend", unmatchedJson(res.customersWithoutSpend()));
        m.put("unmatchedCustomers", res.unmatchedCustomers());
        m.put("customersWithoutChannel", res.customersWithoutChannel());
        m.put("channelRowsWithoutCustomer", res.channelsWithoutCustomer());
        return m;
    }

    private static Map<String, Object> acquisitionRowJson(Acquisition.Row row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", row.channel());
        if (row.period() != null) {
            m.put("cohort", row.period().toString());
        }
        m.put("spend", row.spend());
        m.put("customers", row.customers());
        m.put("cac", row.cac());
        m.put("meanClv", row.meanClv());
        m.put("clvToCac", CliSupport.num(row.clvToCac()));
        m.put("paybackMonths", row.paybackReached() ? row.paybackMonths() : null);
        return m;
    }

    private static List<Object> unmatchedJson(List<Acquisition.Unmatched> list) {
        List<Object> out = new ArrayList<>();
        for (Acquisition.Unmatched u : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("channel", u.channel());
            m.put("period", u.period().toString());
            m.put("spend", u.spend());
            m.put("customers", u.customers());
            out.add(m);
        }
        return out;
    }

    private String mean(MeanEstimate m, int digits) {
        if (m.n() < 2) {
            return String.format(Locale.ROOT, "%." + digits + "f", m.mean());
        }
        Interval i = m.interval(confidence);
        return String.format(Locale.ROOT, "%." + digits + "f [%." + digits + "f, %." + digits + "f]", m.mean(), i.lower(), i.upper());
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private Map<String, Object> json(Report r) {
        Map<String, Object> root = new LinkedHashMap<>();
        RepeatPurchasesResult b = r.base();
        root.put("schema", SCHEMA);
        root.put("file", file.toString());
        Map<String, Object> input = CliSupport.input(r.read());
        input.put("transactions", b.transactions());
        input.put("sameDayMerged", b.sameDayMerged());
        input.put("afterWindow", b.afterWindow());
        input.put("customersStartingAfterCalibration", b.lateCustomers());
        root.put("input", input);
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("timeUnit", "week");
        period.put("daysPerUnit", b.daysPerUnit());
        period.put("calibrationEnd", b.calibrationEnd().toString());
        period.put("holdoutEnd", b.holdoutEnd().map(Object::toString).orElse(null));
        period.put("customers", b.customers().size());
        period.put("repeatTransactions", b.repeatTransactions());
        root.put("calibration", period);
        root.put("model", fitJson(r.fit(), r.fit().model().name()));
        Map<String, Object> spend = fitJson(r.spend(), "gamma-gamma");
        spend.put("excluded", r.spend().excluded());
        spend.put("excludedReason", "no repeat transaction in calibration, or average repeat spend 0");
        root.put("spend", spend);
        if (r.holdout() != null) {
            HoldoutComparison h = r.holdout();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lengthWeeks", h.holdoutLength());
            m.put("expected", h.expectedHoldout());
            m.put("actual", h.actualHoldout());
            List<Object> freq = new ArrayList<>();
            for (HoldoutComparison.FrequencyRow f : h.byFrequency()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("x", f.x());
                row.put("orMore", f.x() == HoldoutComparison.TOP_FREQUENCY);
                row.put("customers", f.customers());
                row.put("actualMean", f.actualMean());
                row.put("expectedMean", f.expectedMean());
                freq.add(row);
            }
            m.put("byFrequency", freq);
            m.put("weekZero", b.firstDay().map(Object::toString).orElse(null));
            List<Object> weeks = new ArrayList<>();
            for (HoldoutComparison.TrackingPoint p : h.tracking()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("week", p.unit());
                row.put("actualCumulative", p.actual());
                row.put("expectedCumulative", p.expected());
                row.put("holdout", p.holdout());
                weeks.add(row);
            }
            m.put("weekly", weeks);
            root.put("holdout", m);
        }
        double sum = r.values().stream().mapToDouble(CustomerValue::clv).sum();
        Map<String, Object> clv = new LinkedHashMap<>();
        ValueTerms t = r.lv().terms();
        clv.put("horizonWeeks", t.horizon());
        clv.put("margin", t.margin());
        clv.put("annualDiscountRate", t.annualDiscountRate());
        clv.put("total", sum);
        clv.put("mean", sum / r.values().size());
        clv.put("interval", interval(r.total()));
        Map<String, Object> risk = new LinkedHashMap<>();
        risk.put("aliveThreshold", aliveThreshold);
        risk.put("customers", r.lowAlive().customers());
        risk.put("clv", r.lowAlive().clv());
        risk.put("shareOfTotal", CliSupport.num(r.lowAlive().shareOfTotal()));
        clv.put("valueAtRisk", risk);
        root.put("clv", clv);
        if (r.grouping() != null) {
            root.put("groups", groupsJson(r.grouping()));
        }
        if (r.acquired() != null) {
            root.put("acquisition", acquisitionJson(r.acquired()));
        }
        if (perCustomer) {
            List<Object> cs = new ArrayList<>();
            for (CustomerValue v : r.values()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("customer", v.customerId());
                c.put("x", v.x());
                c.put("tx", v.tx());
                c.put("T", v.age());
                c.put("pAlive", v.probabilityAlive());
                c.put("expectedTransactions", v.expectedTransactions());
                c.put("expectedAverageSpend", v.expectedAverageSpend());
                c.put("clv", v.clv());
                if (b.hasHoldout()) {
                    c.put("holdoutTransactions", v.holdoutTransactions());
                }
                cs.add(c);
            }
            root.put("expectedTransactionsHorizonWeeks", r.lv().predictionHorizon());
            root.put("customers", cs);
        }
        return root;
    }

    private Map<String, Object> fitJson(ModelFit<?> fit, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        Map<String, Object> ps = new LinkedHashMap<>();
        for (Parameter p : fit.parameters()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("estimate", p.estimate());
            e.put("se", CliSupport.num(p.standardError()));
            e.put("interval", interval(p.interval(confidence)));
            ps.put(p.name(), e);
        }
        m.put("parameters", ps);
        m.put("logLikelihood", fit.logLikelihood());
        m.put("customers", fit.customers());
        m.put("converged", fit.converged());
        m.put("maxGradient", fit.maxGradient());
        return m;
    }

    private static Map<String, Object> interval(Interval i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lower", CliSupport.num(i.lower()));
        m.put("upper", CliSupport.num(i.upper()));
        m.put("confidence", i.confidence());
        m.put("method", i.method());
        return m;
    }

    private Map<String, Object> meanJson(MeanEstimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", e.n());
        m.put("mean", CliSupport.num(e.mean()));
        m.put("se", CliSupport.num(e.standardError()));
        Interval i = e.n() < 2 ? null : e.interval(confidence);
        m.put("lower", i == null ? null : CliSupport.num(i.lower()));
        m.put("upper", i == null ? null : CliSupport.num(i.upper()));
        return m;
    }

    private static Map<String, Object> comparisonJson(Comparison c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("difference", c.difference());
        m.put("se", CliSupport.num(c.standardError()));
        m.put("lower", CliSupport.num(c.interval().lower()));
        m.put("upper", CliSupport.num(c.interval().upper()));
        m.put("pValue", CliSupport.num(c.pValue()));
        m.put("method", c.method());
        return m;
    }

    private Map<String, Object> groupsJson(Grouping g) {
        ValueByGroup.Result res = g.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("survey", survey.toString());
        m.put("by", res.what());
        m.put("column", g.column());
        m.put("surveyInput", CliSupport.input(g.labels().read()));
        m.put("labelled", g.labels().labels().size());
        m.put("repeatedAnswersReplaced", g.labels().repeated());
        m.put("labelledWithoutTransactions", res.labelsWithoutValue());
        m.put("valuedWithoutLabel", res.unlabelled());
        m.put("reference", res.reference());
        List<Object> rows = new ArrayList<>();
        for (GroupValue v : res.groups()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", v.group());
            row.put("customers", v.customers());
            row.put("clv", meanJson(v.clv()));
            row.put("pAlive", meanJson(v.probabilityAlive()));
            row.put("expectedTransactions", meanJson(v.expectedTransactions()));
            row.put("totalClv", v.totalClv());
            row.put("clvVsReference", comparisonJson(v.clvVsReference()));
            row.put("pAliveVsReference", comparisonJson(v.aliveVsReference()));
            row.put("expectedTransactionsVsReference", comparisonJson(v.transactionsVsReference()));
            rows.add(row);
        }
        m.put("groups", rows);
        if (g.kind() == CustomerLabelReader.Kind.NPS) {
            ValueByGroup.ValueAtRisk d = ValueByGroup.ofGroup(res, "detractor");
            Map<String, Object> risk = new LinkedHashMap<>();
            risk.put("customers", d.customers());
            risk.put("clv", d.clv());
            risk.put("shareOfLabelledClv", CliSupport.num(d.shareOfTotal()));
            m.put("detractorValueAtRisk", risk);
        }
        return m;
    }
}
