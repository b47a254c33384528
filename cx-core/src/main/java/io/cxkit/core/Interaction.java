package io.cxkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One interaction of a customer with a touchpoint at an instant, optionally with how long it took,
 * how it ended, and free-form attributes.
 *
 * <p>Immutable. Build with {@link #of(String, String, Channel, Instant)} and add the optional parts
 * with the {@code with...} methods, each of which returns a new interaction:
 *
 * <pre>{@code
 * Interaction i = Interaction.of("c-42", "hotline", Channel.PHONE, Instant.parse("2026-01-15T10:00:00Z"))
 *         .withDuration(Duration.ofMinutes(7))
 *         .withOutcome("resolved");
 * }</pre>
 *
 * @param customerId the customer's identifier; not blank
 * @param touchpointId the touchpoint's identifier; not blank
 * @param channel the channel used; not null
 * @param timestamp when the interaction started; not null
 * @param duration how long it took, if known; not negative; {@code null} is read as empty
 * @param outcome how it ended (e.g. {@code "resolved"}), if known; not blank; {@code null} is read
 *     as empty
 * @param attributes further attributes; keys not blank, no nulls; copied into an unmodifiable map
 *     sorted by key
 */
public record Interaction(String customerId, String touchpointId, Channel channel, Instant timestamp,
        Optional<Duration> duration, Optional<String> outcome, Map<String, String> attributes) {

    /**
     * Validates and copies the components.
     *
     * @param customerId the customerId; see the class comment
     * @param touchpointId the touchpointId; see the class comment
     * @param channel the channel; see the class comment
     * @param timestamp the timestamp; see the class comment
     * @param duration the duration; see the class comment
     * @param outcome the outcome; see the class comment
     * @param attributes the attributes; see the class comment
     * @throws IllegalArgumentException if an identifier or the outcome is missing or blank
     *     ({@link InvalidInputException}), the duration is negative, or an attribute key is blank
     * @throws NullPointerException if another required component is null
     */
    public Interaction {
        Check.notBlank(customerId, "customer id");
        Check.notBlank(touchpointId, "touchpoint id");
        Check.notNull(channel, "channel");
        Check.notNull(timestamp, "timestamp");
        duration = duration == null ? Optional.empty() : duration;
        duration.ifPresent(d -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException("interaction duration must not be negative: " + d);
            }
        });
        outcome = outcome == null ? Optional.empty() : outcome;
        outcome.ifPresent(o -> Check.notBlank(o, "interaction outcome"));
        attributes = Require.attributes(attributes, "interaction attributes");
    }

    /**
     * Returns an interaction without duration, outcome or attributes.
     *
     * @param customerId the customer's identifier; not blank
     * @param touchpointId the touchpoint's identifier; not blank
     * @param channel the channel; not null
     * @param timestamp when it started; not null
     * @return the interaction
     */
    public static Interaction of(String customerId, String touchpointId, Channel channel,
            Instant timestamp) {
        return new Interaction(customerId, touchpointId, channel, timestamp, Optional.empty(),
                Optional.empty(), Map.of());
    }

    /**
     * Returns a copy with the given duration.
     *
     * @param duration how long the interaction took; not negative, or {@code null} for unknown
     * @return a new interaction
     */
    public Interaction withDuration(Duration duration) {
        return new Interaction(customerId, touchpointId, channel, timestamp,
                Optional.ofNullable(duration), outcome, attributes);
    }

    /**
     * Returns a copy with the given outcome.
     *
     * @param outcome how the interaction ended; not blank, or {@code null} for unknown
     * @return a new interaction
     */
    public Interaction withOutcome(String outcome) {
        return new Interaction(customerId, touchpointId, channel, timestamp, duration,
                Optional.ofNullable(outcome), attributes);
    }

    /**
     * Returns a copy with the given attributes, replacing any previous ones.
     *
     * @param attributes attribute name to value; copied
     * @return a new interaction
     */
    public Interaction withAttributes(Map<String, String> attributes) {
        return new Interaction(customerId, touchpointId, channel, timestamp, duration, outcome,
                attributes);
    }

    /**
     * Returns e.g. {@code Interaction[c-42 @ hotline via phone at 2026-01-15T10:00:00Z, PT7M, resolved]}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Interaction[").append(customerId).append(" @ ")
                .append(touchpointId).append(" via ").append(channel).append(" at ").append(timestamp);
        duration.ifPresent(d -> sb.append(", ").append(d));
        outcome.ifPresent(o -> sb.append(", ").append(o));
        if (!attributes.isEmpty()) {
            sb.append(", ").append(attributes);
        }
        return sb.append(']').toString();
    }
}
