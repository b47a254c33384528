package io.cxkit.journey.paths;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The directly-follows graph: edges most frequent first (ties by from, then to), and repeat visits
 * per touchpoint.
 *
 * @param journeys journeys counted
 * @param transitions every edge with a count &gt; 0, including {@value TransitionGraph#START} and
 *     {@value TransitionGraph#END} edges
 * @param repeats per touchpoint, visits and repeat visits, sorted by touchpoint
 */
public record TransitionGraphResult(long journeys, List<Transition> transitions,
        List<TouchpointRepeats> repeats) {

    /**
     * Sorts and copies the lists.
     *
     * @param journeys see the class comment
     * @param transitions see the class comment
     * @param repeats see the class comment
     */
    public TransitionGraphResult {
        transitions = transitions.stream().sorted(Comparator.comparingLong(Transition::count).reversed()
                .thenComparing(Transition::from).thenComparing(Transition::to)).toList();
        repeats = repeats.stream().sorted(Comparator.comparing(TouchpointRepeats::touchpoint)).toList();
    }

    /**
     * The edge from one touchpoint to another.
     *
     * @param from the earlier touchpoint
     * @param to the next touchpoint
     * @return the edge, or empty if it never occurred
     */
    public Optional<Transition> transition(String from, String to) {
        return transitions.stream().filter(t -> t.from().equals(from) && t.to().equals(to)).findFirst();
    }

    /**
     * Edges leaving a touchpoint, most frequent first; their shares add up to 1.
     *
     * @param from the touchpoint
     * @return the edges
     */
    public List<Transition> from(String from) {
        return transitions.stream().filter(t -> t.from().equals(from)).toList();
    }

    /**
     * Self-loops: a touchpoint directly followed by itself.
     *
     * @return the loop edges
     */
    public List<Transition> loops() {
        return transitions.stream().filter(t -> t.from().equals(t.to())).toList();
    }

    /**
     * Repeat visits of one touchpoint.
     *
     * @param touchpoint the touchpoint
     * @return its repeats, or empty if it was never visited
     */
    public Optional<TouchpointRepeats> repeats(String touchpoint) {
        return repeats.stream().filter(r -> r.touchpoint().equals(touchpoint)).findFirst();
    }

    /**
     * One line per edge.
     *
     * @return a readable multi-line description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Transitions of " + journeys + " journeys")
                .append(System.lineSeparator());
        for (Transition t : transitions) {
            sb.append("  ").append(t).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
