package io.cxkit.journey.paths;

import io.cxkit.core.QuantileSketch;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference oracle for the transition graph: the former object-path counting of
 * {@code TransitionGraph.accept(CustomerJourney)} (each journey {@code (start) → touchpoints →
 * (end)}, times between consecutive events from {@link java.time.Instant#toEpochMilli()}, repeat
 * visits per touchpoint), kept in maps keyed by touchpoint names. The equality properties compare
 * it with the graph over the event log on random logs.
 */
final class ReferenceTransitions {
    private record Edge(String from, String to) {
    }

    private final Map<Edge, long[]> counts = new LinkedHashMap<>();
    private final Map<Edge, QuantileSketch> times = new HashMap<>();
    private final Map<String, long[]> visits = new HashMap<>(); // visits, repeats, journeys, journeys repeating
    private long journeys;

    void accept(CustomerJourney journey) {
        journeys++;
        Map<String, Integer> seen = new HashMap<>();
        String prev = TransitionGraph.START;
        long prevTime = 0;
        for (int i = 0; i < journey.events().size(); i++) {
            JourneyEvent e = journey.events().get(i);
            String cur = e.touchpoint();
            long t = e.time().toEpochMilli();
            Edge edge = new Edge(prev, cur);
            counts.computeIfAbsent(edge, k -> new long[1])[0]++;
            if (i > 0) {
                times.computeIfAbsent(edge, k -> QuantileSketch.create()).accept((t - prevTime) / 1000.0);
            }
            long[] v = visits.computeIfAbsent(cur, k -> new long[4]);
            v[0]++;
            int before = seen.merge(cur, 1, Integer::sum) - 1;
            if (before == 0) {
                v[2]++;
            } else {
                v[1]++;
                if (before == 1) {
                    v[3]++;
                }
            }
            prev = cur;
            prevTime = t;
        }
        counts.computeIfAbsent(new Edge(prev, TransitionGraph.END), k -> new long[1])[0]++;
    }

    TransitionGraphResult result() {
        Map<String, Long> out = new HashMap<>();
        counts.forEach((e, c) -> out.merge(e.from(), c[0], Long::sum));
        List<Transition> transitions = new ArrayList<>();
        counts.forEach((e, c) -> transitions.add(new Transition(e.from(), e.to(), c[0],
                (double) c[0] / out.get(e.from()), times.getOrDefault(e, QuantileSketch.create()).summary())));
        List<TouchpointRepeats> repeats = new ArrayList<>();
        visits.forEach((tp, v) -> repeats.add(new TouchpointRepeats(tp, v[0], v[1], v[2], v[3])));
        return new TransitionGraphResult(journeys, transitions, repeats);
    }
}
