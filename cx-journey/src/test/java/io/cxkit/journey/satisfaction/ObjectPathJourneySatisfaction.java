package io.cxkit.journey.satisfaction;

import io.cxkit.journey.CustomerJourney;
import io.cxkit.core.Comparison;
import io.cxkit.core.ProportionEstimate;
import io.cxkit.core.TwoSampleTest;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.MissingAnswerPolicy;
import io.cxkit.survey.RatingScale;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference oracle: the object-path {@code JourneySatisfaction} as it was before it read the event
 * log (a list of journeys per customer name), kept verbatim, so that equality tests can hold the
 * columnar implementation to it.
 */
final class ObjectPathJourneySatisfaction {
    private final RatingScale scale;
    private final Duration grace;

    private ObjectPathJourneySatisfaction(RatingScale scale, Duration grace) {
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
    public static ObjectPathJourneySatisfaction of(RatingScale scale, Duration grace) {
        if (scale == null) {
            throw new IllegalArgumentException("rating scale must not be missing: null");
        }
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace period must be >= 0: " + grace);
        }
        return new ObjectPathJourneySatisfaction(scale, grace);
    }

    private static final class Rated {
        final CustomerJourney journey;
        final Map<String, Integer> touchpoints = new LinkedHashMap<>();
        Integer journeyScore;

        Rated(CustomerJourney journey) {
            this.journey = journey;
        }
    }

    /**
     * Joins and reports.
     *
     * @param journeys the journeys
     * @param scores the ratings, in any order
     * @return the report
     * @throws IllegalArgumentException if a rating is off the scale
     */
    public JourneySatisfactionResult join(List<CustomerJourney> journeys, List<JourneyScore> scores) {
        Map<String, List<Rated>> byCustomer = new HashMap<>();
        List<Rated> rated = new ArrayList<>(journeys.size());
        for (CustomerJourney j : journeys) {
            Rated r = new Rated(j);
            rated.add(r);
            byCustomer.computeIfAbsent(j.customerId(), k -> new ArrayList<>()).add(r);
        }
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
            Rated target = null;
            for (Rated r : byCustomer.getOrDefault(s.customerId(), List.of())) {
                if (!s.time().isBefore(r.journey.start()) && !s.time().isAfter(r.journey.end().plus(grace))
                        && (target == null || !r.journey.start().isBefore(target.journey.start()))) {
                    target = r;
                }
            }
            if (target == null) {
                unmatched++;
                continue;
            }
            if (s.touchpoint().isPresent()) {
                target.touchpoints.put(s.touchpoint().get(), s.score());
                tpCsat.computeIfAbsent(s.touchpoint().get(), k -> CustomerSatisfaction.of(scale,
                        MissingAnswerPolicy.EXCLUDE)).accept(s.score());
            } else {
                target.journeyScore = s.score();
            }
        }
        Map<String, long[]> impact = new HashMap<>(); // sat&sat, sat, notsat&sat, notsat
        List<HiddenPain> pain = new ArrayList<>();
        for (Rated r : rated) {
            if (r.journeyScore == null) {
                continue;
            }
            journeyCsat.accept(r.journeyScore);
            boolean journeyOk = r.journeyScore >= scale.threshold();
            boolean allOk = !r.touchpoints.isEmpty();
            for (Map.Entry<String, Integer> e : r.touchpoints.entrySet()) {
                boolean ok = e.getValue() >= scale.threshold();
                allOk &= ok;
                long[] c = impact.computeIfAbsent(e.getKey(), k -> new long[4]);
                c[ok ? 1 : 3]++;
                if (journeyOk) {
                    c[ok ? 0 : 2]++;
                }
            }
            if (allOk && !journeyOk) {
                pain.add(new HiddenPain(r.journey.customerId(), r.journey.start(), r.touchpoints, r.journeyScore));
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
        return new JourneySatisfactionResult(journeys.size(), journeyCsat.result(), tp, impacts, pain, unmatched);
    }

    /**
     * Returns e.g. {@code ObjectPathJourneySatisfaction[1..5, satisfied >= 4, grace PT168H]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "ObjectPathJourneySatisfaction[" + scale.min() + ".." + scale.max() + ", satisfied >= " + scale.threshold()
                + ", grace " + grace + "]";
    }
}
