package io.cxkit.journey.satisfaction;

import io.cxkit.core.Check;
import io.cxkit.core.Comparison;
import io.cxkit.core.NameDictionary;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.TwoSampleTest;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.MissingAnswerPolicy;
import io.cxkit.survey.RatingScale;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins survey ratings to journeys and sets journey-level satisfaction beside touchpoint-level
 * satisfaction.
 *
 * <p><b>Join.</b> A rating belongs to the customer's journey whose span {@code [start, end +
 * grace]} contains the rating's time; if several do, the one that started last. Ratings in no
 * journey's span are counted as unmatched.
 *
 * <p><b>Report.</b> Journey CSAT uses each journey's last journey-level rating; touchpoint CSAT
 * uses every touchpoint rating ({@link CustomerSatisfaction}, satisfied = at or above the scale's
 * threshold). For the impact of a touchpoint and for hidden pain, a journey's last rating of each
 * touchpoint counts. Impact compares journey CSAT between journeys whose touchpoint rating was
 * satisfied and those whose was not ({@link TwoSampleTest#twoProportions}). Hidden pain lists
 * journeys with at least one touchpoint rating, all touchpoint ratings satisfied, and a journey
 * rating below the threshold.
 *
 * <pre>{@code
 * JourneySatisfactionResult r = JourneySatisfaction.of(RatingScale.csat5(), Duration.ofDays(7))
 *         .join(journeys, scores);
 * r.hiddenPain();   // journeys where every touchpoint looked fine but the journey did not
 * }</pre>
 *
 * <p>{@link #join(EventLog, JourneyBuilder, List)} joins to the journeys of an event log without
 * building them: it keeps only each journey's customer (the log's id), start and end. Both entry
 * points run the same join.
 */
public final class JourneySatisfaction {
    private final RatingScale scale;
    private final Duration grace;

    private JourneySatisfaction(RatingScale scale, Duration grace) {
        this.scale = scale;
        this.grace = grace;
    }

    /**
     * A join on the given scale with the given grace period after a journey's last event.
     *
     * @param scale the rating scale, e.g. {@link RatingScale#csat5()}
     * @param grace how long after a journey's last event a rating still belongs to it, &gt;= 0
     * @return the join
     * @throws IllegalArgumentException if the grace period is negative
     */
    public static JourneySatisfaction of(RatingScale scale, Duration grace) {
        Check.notNull(scale, "scale");
        Check.notNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace period must be >= 0: " + grace);
        }
        return new JourneySatisfaction(scale, grace);
    }

    /**
     * Joins and reports.
     *
     * @param journeys the journeys
     * @param scores the ratings, in any order
     * @return the report
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a rating is off the scale
     */
    public JourneySatisfactionResult join(List<CustomerJourney> journeys, List<JourneyScore> scores) {
        Check.notNull(journeys, "journeys");
        Spans spans = new Spans(new NameDictionary(), journeys.size());
        for (CustomerJourney j : journeys) {
            spans.add(spans.customers.idOf(j.customerId()), j.start(), j.end());
        }
        return join(spans, scores);
    }

    /**
     * Joins ratings to the journeys of an event log, as {@code join(log.journeys(rules), scores)}
     * would, without building the journeys: only each journey's customer, start and end are kept.
     *
     * @param log the event log
     * @param rules how its events are cut into journeys
     * @param scores the ratings, in any order
     * @return the report
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a rating is off the scale
     */
    public JourneySatisfactionResult join(EventLog log, JourneyBuilder rules, List<JourneyScore> scores) {
        Check.notNull(log, "log");
        Check.notNull(rules, "rules");
        Spans spans = new Spans(log.customers(), 16);
        log.forEachJourney(rules, j -> spans.add(j.customer(), j.time(0), j.time(j.size() - 1)));
        return join(spans, scores);
    }

    /** Journeys as (customer id, start, end) in order, and each customer's journeys in that order. */
    private static final class Spans {
        final NameDictionary customers;
        int size;
        int[] customer;
        Instant[] start;
        Instant[] end;
        /** By customer id: the journeys from first[c] to first[c + 1] in {@link #byCustomer}. */
        int[] first;
        int[] byCustomer;

        Spans(NameDictionary customers, int capacity) {
            this.customers = customers;
            int n = Math.max(capacity, 1);
            customer = new int[n];
            start = new Instant[n];
            end = new Instant[n];
        }

        void add(int c, Instant from, Instant to) {
            if (size == customer.length) {
                int n = size * 2;
                customer = Arrays.copyOf(customer, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
            }
            customer[size] = c;
            start[size] = from;
            end[size] = to;
            size++;
        }

        void index() {
            first = new int[customers.size() + 1];
            for (int r = 0; r < size; r++) {
                first[customer[r] + 1]++;
            }
            for (int c = 0; c < customers.size(); c++) {
                first[c + 1] += first[c];
            }
            int[] fill = Arrays.copyOf(first, customers.size());
            byCustomer = new int[size];
            for (int r = 0; r < size; r++) {
                byCustomer[fill[customer[r]]++] = r;
            }
        }
    }

    /** The one implementation of the join and the report. */
    private JourneySatisfactionResult join(Spans spans, List<JourneyScore> scores) {
        Check.notNull(scores, "scores");
        spans.index();
        int n = spans.size;
        int[] journeyScore = new int[n];
        boolean[] hasJourneyScore = new boolean[n];
        List<Map<String, Integer>> touchpointScores = new ArrayList<>(Collections.nCopies(n, null));
        List<JourneyScore> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparing(JourneyScore::time)); // stable: the later of two ties wins
        CustomerSatisfaction journeyCsat = CustomerSatisfaction.of(scale, MissingAnswerPolicy.EXCLUDE);
        Map<String, CustomerSatisfaction> tpCsat = new HashMap<>();
        long unmatched = 0;
        for (JourneyScore s : sorted) {
            if (s.score() < scale.min() || s.score() > scale.max()) {
                throw new IllegalArgumentException("journey score must be in [" + scale.min() + ", " + scale.max()
                        + "]: " + s.score() + " (customer " + s.customerId() + ")");
            }
            int c = spans.customers.find(s.customerId());
            int target = -1;
            for (int k = c < 0 ? 0 : spans.first[c]; c >= 0 && k < spans.first[c + 1]; k++) {
                int r = spans.byCustomer[k];
                if (!s.time().isBefore(spans.start[r]) && !s.time().isAfter(spans.end[r].plus(grace))
                        && (target < 0 || !spans.start[r].isBefore(spans.start[target]))) {
                    target = r;
                }
            }
            if (target < 0) {
                unmatched++;
                continue;
            }
            if (s.touchpoint().isPresent()) {
                if (touchpointScores.get(target) == null) {
                    touchpointScores.set(target, new LinkedHashMap<>());
                }
                touchpointScores.get(target).put(s.touchpoint().get(), s.score());
                tpCsat.computeIfAbsent(s.touchpoint().get(), k -> CustomerSatisfaction.of(scale,
                        MissingAnswerPolicy.EXCLUDE)).accept(s.score());
            } else {
                journeyScore[target] = s.score();
                hasJourneyScore[target] = true;
            }
        }
        Map<String, long[]> impact = new HashMap<>(); // sat&sat, sat, notsat&sat, notsat
        List<HiddenPain> pain = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (!hasJourneyScore[r]) {
                continue;
            }
            journeyCsat.accept(journeyScore[r]);
            boolean journeyOk = journeyScore[r] >= scale.threshold();
            Map<String, Integer> touchpoints = touchpointScores.get(r) == null ? Map.of() : touchpointScores.get(r);
            boolean allOk = !touchpoints.isEmpty();
            for (Map.Entry<String, Integer> e : touchpoints.entrySet()) {
                boolean ok = e.getValue() >= scale.threshold();
                allOk &= ok;
                long[] c = impact.computeIfAbsent(e.getKey(), k -> new long[4]);
                c[ok ? 1 : 3]++;
                if (journeyOk) {
                    c[ok ? 0 : 2]++;
                }
            }
            if (allOk && !journeyOk) {
                pain.add(new HiddenPain(spans.customers.name(spans.customer[r]), spans.start[r], touchpoints,
                        journeyScore[r]));
            }
        }
        List<TouchpointImpact> impacts = new ArrayList<>();
        impact.forEach((tp, c) -> {
            ProportionEstimate yes = ProportionEstimate.of(c[0], c[1]);
            ProportionEstimate no = ProportionEstimate.of(c[2], c[3]);
            Optional<Comparison> diff = yes.n() > 0 && no.n() > 0
                    ? Optional.of(TwoSampleTest.twoProportions(yes, no, 0.95)) : Optional.empty();
            impacts.add(new TouchpointImpact(tp, yes, no, diff));
        });
        impacts.sort(Comparator.comparingDouble((TouchpointImpact i) -> i.difference()
                .map(c -> -Math.abs(c.difference())).orElse(Double.POSITIVE_INFINITY))
                .thenComparing(TouchpointImpact::touchpoint));
        Map<String, io.cxkit.survey.CsatResult> tp = new HashMap<>();
        tpCsat.forEach((k, v) -> tp.put(k, v.result()));
        return new JourneySatisfactionResult(n, journeyCsat.result(), tp, impacts, pain, unmatched);
    }

    /**
     * Returns e.g. {@code JourneySatisfaction[1..5, satisfied >= 4, grace PT168H]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "JourneySatisfaction[" + scale.min() + ".." + scale.max() + ", satisfied >= " + scale.threshold()
                + ", grace " + grace + "]";
    }
}
