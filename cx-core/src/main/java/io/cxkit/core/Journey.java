package io.cxkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One customer's journey: their interactions in time order, and optionally how the journey ended
 * (e.g. {@code "converted"}, {@code "churned"}).
 *
 * <p>The constructor sorts the interactions by timestamp <em>stably</em>: interactions with equal
 * timestamps keep the order in which they were given. A journey has at least one interaction, and
 * every interaction must belong to the journey's customer.
 *
 * @param customerId the customer's identifier; not blank
 * @param interactions the interactions, sorted by timestamp; not empty; copied immutably
 * @param outcome how the journey ended, if known; not blank; {@code null} is read as empty
 */
public record Journey(String customerId, List<Interaction> interactions, Optional<String> outcome) {

    /**
     * Validates, sorts and copies the components.
     *
     * @param customerId the customerId; see the class comment
     * @param interactions the interactions; see the class comment
     * @param outcome the outcome; see the class comment
     * @throws IllegalArgumentException if the customer id or outcome is missing or blank
     *     ({@link InvalidInputException}), there are no interactions, or an interaction belongs to
     *     another customer
     * @throws NullPointerException if the list or an element of it is null
     */
    public Journey {
        Check.notBlank(customerId, "customer id");
        Check.notNull(interactions, "interactions");
        if (interactions.isEmpty()) {
            throw new IllegalArgumentException(
                    "journey interactions must not be empty: customer " + customerId);
        }
        List<Interaction> sorted = new ArrayList<>(interactions.size());
        for (int i = 0; i < interactions.size(); i++) {
            Interaction it = Check.notNull(interactions.get(i), "interactions[" + i + "]");
            if (!it.customerId().equals(customerId)) {
                throw new IllegalArgumentException("journey interactions must all belong to customer "
                        + customerId + ": interactions[" + i + "] belongs to " + it.customerId());
            }
            sorted.add(it);
        }
        sorted.sort(Comparator.comparing(Interaction::timestamp)); // List.sort is stable
        interactions = List.copyOf(sorted);
        outcome = outcome == null ? Optional.empty() : outcome;
        outcome.ifPresent(o -> Check.notBlank(o, "journey outcome"));
    }

    /**
     * Returns a journey without a known outcome.
     *
     * @param customerId the customer's identifier; not blank
     * @param interactions the interactions, in any order; not empty
     * @return the journey
     */
    public static Journey of(String customerId, List<Interaction> interactions) {
        return new Journey(customerId, interactions, Optional.empty());
    }

    /**
     * Returns a journey with an outcome.
     *
     * @param customerId the customer's identifier; not blank
     * @param interactions the interactions, in any order; not empty
     * @param outcome how the journey ended; not blank, or {@code null} for unknown
     * @return the journey
     */
    public static Journey of(String customerId, List<Interaction> interactions, String outcome) {
        return new Journey(customerId, interactions, Optional.ofNullable(outcome));
    }

    /**
     * Returns the timestamp of the first interaction.
     *
     * @return the start instant
     */
    public Instant start() {
        return interactions.get(0).timestamp();
    }

    /**
     * Returns the timestamp of the last interaction (its start; interaction durations are not
     * added).
     *
     * @return the end instant
     */
    public Instant end() {
        return interactions.get(interactions.size() - 1).timestamp();
    }

    /**
     * Returns the time from {@link #start()} to {@link #end()}; zero for a single interaction.
     *
     * @return the elapsed duration, never negative
     */
    public Duration duration() {
        return Duration.between(start(), end());
    }

    /**
     * Returns the number of interactions.
     *
     * @return the size, at least 1
     */
    public int size() {
        return interactions.size();
    }

    /**
     * Returns the distinct channels used, in order of first use.
     *
     * @return an unmodifiable list
     */
    public List<Channel> channels() {
        LinkedHashSet<Channel> seen = new LinkedHashSet<>();
        for (Interaction i : interactions) {
            seen.add(i.channel());
        }
        return List.copyOf(seen);
    }

    /**
     * Returns the touchpoint path: the touchpoint id of every interaction in time order, with
     * repeats.
     *
     * @return an unmodifiable list of the same size as {@link #interactions()}
     */
    public List<String> touchpointIds() {
        return interactions.stream().map(Interaction::touchpointId).toList();
    }

    /**
     * Returns e.g. {@code Journey[c-42, 3 interactions, 2026-01-15T10:00:00Z..2026-01-16T09:00:00Z,
     * path=[ad, checkout, hotline], outcome=converted]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return "Journey[" + customerId + ", " + size() + (size() == 1 ? " interaction, " : " interactions, ")
                + start() + ".." + end() + ", path=" + touchpointIds()
                + outcome.map(o -> ", outcome=" + o).orElse("") + "]";
    }
}
