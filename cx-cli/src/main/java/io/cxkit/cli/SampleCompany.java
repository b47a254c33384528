package io.cxkit.cli;

import io.cxkit.core.Check;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded generator of a plausible company's customer-experience data: customers with segments,
 * personas and regions; journeys over awareness → consideration → purchase → onboarding → support →
 * retention/advocacy across channels; support tickets; surveys after key touchpoints whose scores
 * depend on the experience; outcomes (spend, churn) that depend on the scores. The same
 * configuration always writes the same bytes.
 *
 * <p>The model (the story a report should reveal) is documented in the README section of cx-cli:
 * support hurts, phone support most (long resolutions, repeat contacts, channel switches); the
 * mobile-app onboarding collapses from July 2026 (the "app 5.0" release); checkout delights;
 * promoters spend more and churn less.
 *
 * <p>Streaming: one customer at a time, so any size can be written in constant memory.
 *
 * <p><b>Size.</b> One seeded generator: every table is drawn from the same customers and random
 * streams, so splitting the tables across files would split one sequence of draws.
 *
 * @param responses the number of survey responses to write, in [1, 2,000,000,000]
 * @param customers the number of customers, in [1, responses]
 * @param seed the random seed
 */
public record SampleCompany(long responses, long customers, long seed) {

    /** The files a generator can write. */
    public enum Table {
        /** Survey responses ({@code responses.csv}/{@code .ndjson}). */
        RESPONSES,
        /** Interaction events ({@code interactions.*}). */
        INTERACTIONS,
        /** Support tickets ({@code tickets.*}). */
        TICKETS,
        /** Customers with their outcomes ({@code customers.*}). */
        CUSTOMERS,
        /** Support tickets as events: created, replies, solved, reopened ({@code ticket_events.*}). */
        TICKET_EVENTS,
        /** Purchases: customer, day, amount, for {@code cx value} ({@code transactions.*}). */
        TRANSACTIONS;

        String file() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** File formats of the generated data. */
    public enum Format {
        /** Comma-separated values with a header row. */
        CSV,
        /** One JSON object per line. */
        NDJSON
    }

    /** The first day of the generated year. */
    public static final LocalDate START = LocalDate.of(2026, 1, 1);
    /** The first day on which the app onboarding is broken. */
    public static final LocalDate ONBOARDING_BREAKS = LocalDate.of(2026, 7, 1);
    private static final int DAYS = 365;

    /**
     * Validates the sizes.
     *
     * @param responses responses
     * @param customers customers
     * @param seed seed
     */
    public SampleCompany {
        if (responses < 1 || responses > 2_000_000_000L) {
            throw new IllegalArgumentException("responses must be in [1, 2000000000]: " + responses);
        }
        if (customers < 1 || customers > responses) {
            throw new IllegalArgumentException("customers must be in [1, responses=" + responses + "]: " + customers);
        }
    }

    /**
     * Counts of what was written.
     *
     * @param responses survey responses
     * @param interactions interaction events
     * @param tickets support tickets
     * @param customers customers
     */
    public record Summary(long responses, long interactions, long tickets, long customers) {
    }

    /**
     * Writes the tables into a directory (created if needed), e.g. {@code responses.csv}.
     *
     * @param dir the directory
     * @param tables which tables
     * @param formats which formats (each table is written once per format)
     * @return what was written
     * @throws UncheckedIOException if a file cannot be written
     */
    public Summary write(Path dir, Set<Table> tables, Set<Format> formats) {
        Check.notNull(dir, "dir");
        if (tables.isEmpty() || formats.isEmpty()) {
            throw new IllegalArgumentException("need at least one table and one format: " + tables + " " + formats);
        }
        List<Sink> sinks = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Format f : formats) {
                Sink s = new Sink(f);
                for (Table t : tables) {
                    s.open(t, dir.resolve(t.file() + (f == Format.CSV ? ".csv" : ".ndjson")));
                }
                sinks.add(s);
            }
            Summary sum = run(sinks);
            for (Sink s : sinks) {
                s.close();
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample data to " + dir + ": " + e.getMessage(), e);
        }
    }

    // Touchpoints: id, stage, channel.
    static final String[][] TOUCHPOINTS = {
        {"social_ad", "awareness", "social"},
        {"product_page", "consideration", "web"},
        {"checkout_web", "purchase", "web"},
        {"checkout_app", "purchase", "mobile_app"},
        {"onboarding_app", "onboarding", "mobile_app"},
        {"onboarding_email", "onboarding", "email"},
        {"support_chat", "support", "chat"},
        {"support_phone", "support", "phone"},
        {"support_email", "support", "email"},
        {"renewal", "retention", "web"},
        {"referral", "advocacy", "email"},
    };
    private static final String[] SEGMENTS = {"consumer", "smb", "enterprise"};
    private static final String[] PERSONAS = {"bargain_hunter", "busy_professional", "enthusiast", "skeptic"};
    private static final double[] PERSONA_MOOD = {-0.2, 0.0, 0.6, -0.6};
    private static final String[] REGIONS = {"north_america", "europe", "asia_pacific", "latin_america"};
    private static final double[] SEGMENT_SPEND = {420, 2_400, 18_000};

    private Summary run(List<Sink> sinks) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        // Attribute ratings draw from their own stream, so adding them changed no other value.
        SplittableRandom side = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        // Renewal values and churn days come from a second stream, so the main one is unchanged.
        SplittableRandom extra = new SplittableRandom(seed ^ 0x5DEECE66DL);
        // Purchases come from their own stream too, so adding them changed no other table.
        SplittableRandom purchases = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        String[] days = new String[DAYS];
        for (int d = 0; d < DAYS; d++) {
            days[d] = START.plusDays(d).toString();
        }
        long written = 0;
        long interactions = 0;
        long tickets = 0;
        double[] last = new double[3];
        for (long c = 0; c < customers; c++) {
            long quota = (c + 1) * responses / customers - c * responses / customers;
            String cid = String.format(Locale.ROOT, "c%07d", c + 1);
            int seg = pick(rnd, 0.6, 0.3);
            int persona = rnd.nextInt(PERSONAS.length);
            int region = rnd.nextInt(REGIONS.length);
            double mood = PERSONA_MOOD[persona] + rnd.nextDouble(-0.3, 0.3);
            int firstDay = rnd.nextInt(DAYS);
            last[0] = -1;
            last[1] = 0;
            last[2] = 0;
            long produced = 0;
            while (produced < quota) {
                // One episode: a purchase journey with onboarding, maybe support, then renewal.
                int day = rnd.nextInt(DAYS);
                int sec = rnd.nextInt(86_400);
                boolean app = rnd.nextDouble() < (persona == 1 || persona == 2 ? 0.6 : 0.35);
                int[] path = {0, 1, app ? 3 : 2, app ? 4 : 5};
                for (int tp : path) {
                    interactions++;
                    for (Sink s : sinks) {
                        s.interaction(interactions, cid, days[day], sec, tp, 30 + rnd.nextInt(600), "completed");
                    }
                    sec = Math.min(86_399, sec + 60 + rnd.nextInt(900));
                }
                // Survey after checkout.
                produced += survey(sinks, rnd, side, written + produced, quota - produced, cid, days[day], sec, path[2], seg,
                        region, mood + (app ? 0.6 : 0.9), Double.NaN, last);
                // Survey after onboarding; the app onboarding breaks from ONBOARDING_BREAKS.
                boolean broken = app && !START.plusDays(day).isBefore(ONBOARDING_BREAKS);
                double onboarding = mood + (app ? 0.4 : 0.1) - (broken ? 1.3 : 0);
                if (produced < quota && rnd.nextDouble() < 0.7) {
                    produced += survey(sinks, rnd, side, written + produced, quota - produced, cid, days[day],
                            Math.min(86_399, sec + 3600), path[3], seg, region, onboarding, Double.NaN, last);
                }
                // Support: more likely after a broken onboarding.
                if (produced < quota && rnd.nextDouble() < (broken ? 0.7 : 0.4)) {
                    int ch = pick(rnd, 0.4, 0.35); // chat, phone, email
                    int tp = 6 + ch;
                    double median = ch == 0 ? 1.5 : ch == 1 ? 26 : 10;
                    double hours = median * Math.exp(rnd.nextGaussian() * 0.9);
                    int contacts = 1 + poisson(rnd, ch == 1 ? 1.1 : 0.4);
                    int switches = rnd.nextDouble() < (ch == 2 ? 0.35 : 0.15) ? 1 : 0;
                    double firstResponseMin = ch == 0 ? 1 + rnd.nextDouble() * 4 : ch == 1 ? 3 + rnd.nextDouble() * 25
                            : 60 + rnd.nextDouble() * 900;
                    tickets++;
                    int tday = Math.min(DAYS - 1, day + rnd.nextInt(10));
                    for (Sink s : sinks) {
                        s.ticket(tickets, cid, days[tday], sec, TOUCHPOINTS[tp][2], firstResponseMin, hours, contacts,
                                switches);
                        s.ticketEvents(tickets, cid, days[tday], sec, TOUCHPOINTS[tp][2], firstResponseMin, hours,
                                contacts, switches);
                    }
                    for (int k = 0; k < contacts; k++) {
                        interactions++;
                        String chName = k > 0 && switches > 0 ? "phone" : TOUCHPOINTS[tp][2];
                        for (Sink s : sinks) {
                            s.interactionRaw(interactions, cid, days[tday], Math.min(86_399, sec + k * 3600), "support",
                                    TOUCHPOINTS[tp][0], chName, 120 + rnd.nextInt(1800),
                                    k + 1 == contacts ? "resolved" : "follow_up");
                        }
                    }
                    double exp = mood + 0.9 - 0.7 * Math.log1p(hours / 4) - 0.6 * (contacts - 1) - 0.8 * switches;
                    produced += survey(sinks, rnd, side, written + produced, quota - produced, cid, days[tday],
                            Math.min(86_399, sec + 7200), tp, seg, region, exp, hours, last);
                }
                // Renewal, with a survey.
                if (produced < quota && rnd.nextDouble() < 0.5) {
                    int rday = Math.min(DAYS - 1, day + 20 + rnd.nextInt(40));
                    interactions++;
                    Double renewalValue = Sink.round1(SEGMENT_SPEND[seg] * Math.exp(extra.nextGaussian() * 0.25));
                    for (Sink s : sinks) {
                        s.interaction(interactions, cid, days[rday], sec, 9, 60 + rnd.nextInt(300), "renewed",
                                renewalValue);
                    }
                    produced += survey(sinks, rnd, side, written + produced, quota - produced, cid, days[rday], sec, 9, seg,
                            region, mood + 0.2, Double.NaN, last);
                }
                if (last[0] >= 9 && rnd.nextDouble() < 0.3) {
                    interactions++;
                    for (Sink s : sinks) {
                        s.interaction(interactions, cid, days[Math.min(DAYS - 1, day + 30)], sec, 10, 30, "referred");
                    }
                }
            }
            written += produced;
            double avg = last[2] == 0 ? 7 : last[1] / last[2];
            String cls = avg >= 9 ? "promoter" : avg >= 7 ? "passive" : "detractor";
            double churnP = avg >= 9 ? 0.05 : avg >= 7 ? 0.12 : 0.30;
            double spendF = avg >= 9 ? 1.3 : avg >= 7 ? 1.0 : 0.75;
            boolean churned = rnd.nextDouble() < churnP;
            double spend = SEGMENT_SPEND[seg] * spendF * Math.exp(rnd.nextGaussian() * 0.25);
            int tenure = churned ? extra.nextInt(DAYS - firstDay) : DAYS - 1 - firstDay;
            for (Sink s : sinks) {
                s.customer(cid, SEGMENTS[seg], PERSONAS[persona], REGIONS[region], days[firstDay], avg, cls, spend, churned,
                        tenure);
            }
            purchases(sinks, purchases, cid, firstDay, days, avg >= 9 ? 2 : avg >= 7 ? 1 : 0, spendF);
        }
        return new Summary(written, interactions, tickets, customers);
    }

    /**
     * A customer's purchases, "buy till you die" style: from the first-seen day, purchases arrive as
     * a Poisson process (weekly rate gamma-distributed, higher for promoters) and after each one the
     * customer leaves with a probability (higher for detractors); amounts follow the Gamma-Gamma
     * model with p = q = 4 and γ = 30 (times 1.3 for promoters, 0.75 for detractors), so the mean
     * purchase is about 40.
     */
    private static void purchases(List<Sink> sinks, SplittableRandom rnd, String cid, int firstDay, String[] days,
            int npsClass, double spendFactor) throws IOException {
        double weeklyRate = (npsClass == 2 ? 0.30 : npsClass == 1 ? 0.20 : 0.12) * -Math.log(1 - rnd.nextDouble());
        double dropout = npsClass == 2 ? 0.04 : npsClass == 1 ? 0.08 : 0.18;
        double nu = gamma4(rnd) / (30 * spendFactor);
        double day = firstDay;
        while (true) {
            double amount = Sink.round1(gamma4(rnd) / nu);
            for (Sink s : sinks) {
                s.transaction(cid, days[(int) day], amount);
            }
            if (day > firstDay && rnd.nextDouble() < dropout || weeklyRate <= 0) {
                return;
            }
            day += -Math.log(1 - rnd.nextDouble()) / weeklyRate * 7;
            if (day >= DAYS) {
                return;
            }
        }
    }

    /** A Gamma(4, 1) draw: the sum of four unit exponentials. */
    private static double gamma4(SplittableRandom rnd) {
        double g = 0;
        for (int k = 0; k < 4; k++) {
            g -= Math.log(1 - rnd.nextDouble());
        }
        return g;
    }

    /** Writes one survey response (if quota allows) and returns how many were written (0 or 1). */
    private int survey(List<Sink> sinks, SplittableRandom rnd, SplittableRandom side, long id, long quota, String cid, String day, int sec,
            int tp, int seg, int region, double experience, double resolutionHours, double[] last) throws IOException {
        if (quota <= 0) {
            return 0;
        }
        double u = experience + rnd.nextGaussian() * 1.1;
        int nps = clamp((int) Math.round(7.3 + 1.6 * u), 0, 10);
        String stage = TOUCHPOINTS[tp][1];
        boolean askCsat = !stage.equals("onboarding");
        boolean askCes = stage.equals("onboarding") || stage.equals("support");
        int csat = askCsat ? clamp((int) Math.round(3.8 + 0.8 * (u + rnd.nextGaussian() * 0.5)), 1, 5) : -1;
        int ces = askCes ? clamp((int) Math.round(5.0 + 1.0 * (u + rnd.nextGaussian() * 0.5)), 1, 7) : -1;
        if (askCes && rnd.nextDouble() < 0.05) {
            ces = -1; // skipped the question
        }
        String band = Double.isNaN(resolutionHours) ? "" : resolutionHours < 4 ? "a_under_4h"
                : resolutionHours < 24 ? "b_4h_to_1d" : resolutionHours < 72 ? "c_1d_to_3d" : "d_over_3d";
        // Attribute ratings (1-5): readings of the same experience u with decreasing loadings, so that
        // key-driver analysis ranks ease > speed > friendliness > price; 3% skip the price question.
        int[] attrs = {
            clamp((int) Math.round(3.2 + 0.9 * u + 0.7 * side.nextGaussian()), 1, 5),
            clamp((int) Math.round(3.0 + 0.6 * u + 0.7 * side.nextGaussian()), 1, 5),
            clamp((int) Math.round(3.6 + 0.35 * u + 0.7 * side.nextGaussian()), 1, 5),
            clamp((int) Math.round(2.9 + 0.15 * u + 0.8 * side.nextGaussian()), 1, 5),
        };
        if (side.nextDouble() < 0.03) {
            attrs[3] = -1;
        }
        last[0] = nps;
        last[1] += nps;
        last[2]++;
        for (Sink s : sinks) {
            s.response(id + 1, cid, day, sec, tp, SEGMENTS[seg], REGIONS[region], nps, csat, ces, band, attrs);
        }
        return 1;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int pick(SplittableRandom rnd, double p0, double p1) {
        double u = rnd.nextDouble();
        return u < p0 ? 0 : u < p0 + p1 ? 1 : 2;
    }

    private static int poisson(SplittableRandom rnd, double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = rnd.nextDouble();
        while (p > l) {
            k++;
            p *= rnd.nextDouble();
        }
        return k;
    }

    /** The writers of one format. */
    private static final class Sink {
        private final Format format;
        private final Writer[] out = new Writer[Table.values().length];
        private final StringBuilder sb = new StringBuilder(256);

        Sink(Format format) {
            this.format = format;
        }

        void open(Table t, Path file) throws IOException {
            Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            out[t.ordinal()] = w;
            if (format == Format.CSV) {
                w.write(String.join(",", columns(t)));
                w.write('\n');
            }
        }

        static List<String> columns(Table t) {
            switch (t) {
                case RESPONSES:
                    return List.of("response_id", "customer_id", "responded_at", "touchpoint", "stage", "channel",
                            "segment", "region", "nps", "csat", "ces", "resolution_band", "ease", "speed",
                            "friendliness", "price");
                case INTERACTIONS:
                    return List.of("interaction_id", "customer_id", "timestamp", "stage", "touchpoint", "channel",
                            "duration_s", "outcome", "value");
                case TICKETS:
                    return List.of("ticket_id", "customer_id", "opened_at", "channel", "first_response_min",
                            "resolution_hours", "contacts", "channel_switches");
                case TICKET_EVENTS:
                    return List.of("ticket_id", "customer_id", "timestamp", "event_type", "author", "channel", "team");
                case TRANSACTIONS:
                    return List.of("customer_id", "purchased_on", "amount");
                default:
                    return List.of("customer_id", "segment", "persona", "region", "first_seen", "mean_nps",
                            "nps_class", "annual_spend", "churned", "tenure_days");
            }
        }

        private void time(String day, int sec) {
            sb.append(day).append('T');
            two(sec / 3600);
            sb.append(':');
            two(sec / 60 % 60);
            sb.append(':');
            two(sec % 60);
            sb.append('Z');
        }

        private void two(int v) {
            sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
        }

        /** Emits the row held as alternating values; numbers unquoted in JSON. */
        private void row(Table t, Object... values) throws IOException {
            Writer w = out[t.ordinal()];
            if (w == null) {
                return;
            }
            List<String> cols = columns(t);
            StringBuilder line = new StringBuilder(160);
            if (format == Format.NDJSON) {
                line.append('{');
            }
            boolean firstJson = true;
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (format == Format.CSV) {
                    if (i > 0) {
                        line.append(',');
                    }
                    if (v != null) {
                        line.append(v);
                    }
                } else {
                    if (!firstJson) {
                        line.append(',');
                    }
                    firstJson = false;
                    line.append('"').append(cols.get(i)).append("\":");
                    if (v == null) {
                        line.append("null");
                    } else if (v instanceof String) {
                        line.append('"').append(v).append('"');
                    } else {
                        line.append(v);
                    }
                }
            }
            if (format == Format.NDJSON) {
                line.append('}');
            }
            line.append('\n');
            w.append(line);
        }

        void response(long id, String cid, String day, int sec, int tp, String seg, String region, int nps, int csat,
                int ces, String band, int[] attrs) throws IOException {
            if (out[Table.RESPONSES.ordinal()] == null) {
                return;
            }
            sb.setLength(0);
            time(day, sec);
            row(Table.RESPONSES, "r" + id, cid, sb.toString(), TOUCHPOINTS[tp][0], TOUCHPOINTS[tp][1],
                    TOUCHPOINTS[tp][2], seg, region, nps, csat < 0 ? null : csat, ces < 0 ? null : ces,
                    band.isEmpty() ? null : band, attrs[0], attrs[1], attrs[2], attrs[3] < 0 ? null : attrs[3]);
        }

        void interaction(long id, String cid, String day, int sec, int tp, int duration, String outcome)
                throws IOException {
            interaction(id, cid, day, sec, tp, duration, outcome, null);
        }

        void interaction(long id, String cid, String day, int sec, int tp, int duration, String outcome, Double value)
                throws IOException {
            interactionRaw(id, cid, day, sec, TOUCHPOINTS[tp][1], TOUCHPOINTS[tp][0], TOUCHPOINTS[tp][2], duration,
                    outcome, value);
        }

        void interactionRaw(long id, String cid, String day, int sec, String stage, String tp, String channel,
                int duration, String outcome) throws IOException {
            interactionRaw(id, cid, day, sec, stage, tp, channel, duration, outcome, null);
        }

        /** An interaction row; {@code value} is the renewal amount on renewals, null (empty) otherwise. */
        void interactionRaw(long id, String cid, String day, int sec, String stage, String tp, String channel,
                int duration, String outcome, Double value) throws IOException {
            if (out[Table.INTERACTIONS.ordinal()] == null) {
                return;
            }
            sb.setLength(0);
            time(day, sec);
            row(Table.INTERACTIONS, "i" + id, cid, sb.toString(), stage, tp, channel, duration, outcome, value);
        }

        void ticket(long id, String cid, String day, int sec, String channel, double firstResponseMin, double hours,
                int contacts, int switches) throws IOException {
            if (out[Table.TICKETS.ordinal()] == null) {
                return;
            }
            sb.setLength(0);
            time(day, sec);
            row(Table.TICKETS, "t" + id, cid, sb.toString(), channel, round1(firstResponseMin), round1(hours), contacts,
                    switches);
        }

        /**
         * The ticket as events, derived from its summary without random draws: created (by the customer);
         * for chat a bot reply after 20 s; the first agent reply after firstResponseMin; for each further
         * contact a customer reply and an agent reply spread evenly up to the solve; solved after
         * max(hours, first response + 5 min); with a channel switch, reopened 1 h after the solve, an agent
         * reply 1 h later and solved again 1 h after that. Team: phone tickets "voice", others "frontline".
         */
        void ticketEvents(long id, String cid, String day, int sec, String channel, double firstResponseMin,
                double hours, int contacts, int switches) throws IOException {
            if (out[Table.TICKET_EVENTS.ordinal()] == null) {
                return;
            }
            String t = "t" + id;
            String team = channel.equals("phone") ? "voice" : "frontline";
            long t0 = LocalDate.parse(day).toEpochDay() * 86_400L + sec;
            long first = Math.round(firstResponseMin * 60);
            long solve = Math.max(Math.round(hours * 3600), first + 300);
            ticketEvent(t, cid, t0, "created", "customer", channel, team);
            if (channel.equals("chat")) {
                ticketEvent(t, cid, t0 + 20, "agent_reply", "bot", channel, team);
            }
            ticketEvent(t, cid, t0 + first, "agent_reply", "agent", channel, team);
            double gap = (double) (solve - first) / contacts;
            for (int k = 1; k < contacts; k++) {
                ticketEvent(t, cid, t0 + first + Math.round((k - 0.5) * gap), "customer_reply", "customer", channel,
                        team);
                ticketEvent(t, cid, t0 + first + Math.round((k - 0.2) * gap), "agent_reply", "agent", channel, team);
            }
            ticketEvent(t, cid, t0 + solve, "solved", "agent", channel, team);
            if (switches > 0) {
                ticketEvent(t, cid, t0 + solve + 3600, "reopened", "customer", channel, team);
                ticketEvent(t, cid, t0 + solve + 7200, "agent_reply", "agent", channel, team);
                ticketEvent(t, cid, t0 + solve + 10_800, "solved", "agent", channel, team);
            }
        }

        private void ticketEvent(String ticket, String cid, long epochSecond, String type, String author,
                String channel, String team) throws IOException {
            row(Table.TICKET_EVENTS, ticket, cid, java.time.Instant.ofEpochSecond(epochSecond).toString(), type, author,
                    channel, team);
        }

        void customer(String cid, String seg, String persona, String region, String firstSeen, double meanNps,
                String cls, double spend, boolean churned, int tenureDays) throws IOException {
            row(Table.CUSTOMERS, cid, seg, persona, region, firstSeen, round1(meanNps), cls, round1(spend), churned,
                    tenureDays);
        }

        void transaction(String cid, String day, double amount) throws IOException {
            row(Table.TRANSACTIONS, cid, day, amount);
        }

        private static Double round1(double v) {
            return Math.round(v * 10) / 10.0;
        }

        void close() throws IOException {
            for (Writer w : out) {
                if (w != null) {
                    w.close();
                }
            }
        }
    }

    /**
     * All the tables.
     *
     * @return every table
     */
    public static Set<Table> allTables() {
        return EnumSet.allOf(Table.class);
    }
}
