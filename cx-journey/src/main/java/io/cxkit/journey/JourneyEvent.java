package io.cxkit.journey;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.core.InvalidInputException;
import io.cxkit.core.JourneyStage;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One interaction event on a customer journey: who, when, where (touchpoint and channel), and
 * optionally the journey stage, an outcome (e.g. {@code "purchased"}, {@code "resolved"}), a
 * numeric value (e.g. order amount) and a case id that groups events into one journey.
 *
 * <p>Immutable. Build with {@link #of} and add the optional parts with the {@code with...}
 * methods:
 *
 * <pre>{@code
 * JourneyEvent e = JourneyEvent.of("c-42", Instant.parse("2026-03-02T09:15:00Z"), "checkout", Channel.WEB)
 *         .withStage(JourneyStage.PURCHASE).withOutcome("purchased").withValue(59.90);
 * }</pre>
 *
 * <p>Events come from exports and clients, so missing or blank required fields fail with an
 * {@link InvalidInputException} (an {@code IllegalArgumentException}) naming the field and the
 * value (not a {@code NullPointerException}).
 *
 * @param customerId the customer; not blank
 * @param time when it happened; not null
 * @param touchpoint the touchpoint id; not blank
 * @param channel the channel; not null
 * @param stage the journey stage, if known; {@code null} is read as empty
 * @param outcome the outcome, if any; not blank; {@code null} is read as empty
 * @param value a numeric value, if any; finite; {@code null} is read as empty
 * @param caseId the case (ticket, order, application) the event belongs to, if any; not blank;
 *     {@code null} is read as empty
 */
public record JourneyEvent(String customerId, Instant time, String touchpoint, Channel channel,
        Optional<JourneyStage> stage, Optional<String> outcome, OptionalDouble value,
        Optional<String> caseId) {

    /**
     * Validates the components.
     *
     * @param customerId see the class comment
     * @param time see the class comment
     * @param touchpoint see the class comment
     * @param channel see the class comment
     * @param stage see the class comment
     * @param outcome see the class comment
     * @param value see the class comment
     * @param caseId see the class comment
     * @throws InvalidInputException if a required field is missing or blank, or the value is
     *     not finite
     */
    public JourneyEvent {
        Check.notBlank(customerId, "event customerId");
        if (time == null) {
            throw new InvalidInputException("event time must not be missing: null (customer "
                    + customerId + ")");
        }
        Check.notBlank(touchpoint, "event touchpoint");
        if (channel == null) {
            throw new InvalidInputException("event channel must not be missing: null (customer "
                    + customerId + ")");
        }
        stage = stage == null ? Optional.empty() : stage;
        outcome = outcome == null ? Optional.empty() : outcome;
        outcome.ifPresent(o -> Check.notBlank(o, "event outcome"));
        value = value == null ? OptionalDouble.empty() : value;
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            throw new InvalidInputException("event value must be finite: " + value.getAsDouble());
        }
        caseId = caseId == null ? Optional.empty() : caseId;
        caseId.ifPresent(c -> Check.notBlank(c, "event caseId"));
    }

    /**
     * An event with only the required fields.
     *
     * @param customerId the customer; not blank
     * @param time when; not null
     * @param touchpoint the touchpoint id; not blank
     * @param channel the channel; not null
     * @return the event
     */
    public static JourneyEvent of(String customerId, Instant time, String touchpoint, Channel channel) {
        return new JourneyEvent(customerId, time, touchpoint, channel, Optional.empty(),
                Optional.empty(), OptionalDouble.empty(), Optional.empty());
    }

    /**
     * Returns a copy with the stage.
     *
     * @param stage the stage, or {@code null} for none
     * @return a new event
     */
    public JourneyEvent withStage(JourneyStage stage) {
        return new JourneyEvent(customerId, time, touchpoint, channel, Optional.ofNullable(stage),
                outcome, value, caseId);
    }

    /**
     * Returns a copy with the outcome.
     *
     * @param outcome the outcome, or {@code null} for none
     * @return a new event
     */
    public JourneyEvent withOutcome(String outcome) {
        return new JourneyEvent(customerId, time, touchpoint, channel, stage,
                Optional.ofNullable(outcome), value, caseId);
    }

    /**
     * Returns a copy with the value.
     *
     * @param value a finite value
     * @return a new event
     */
    public JourneyEvent withValue(double value) {
        return new JourneyEvent(customerId, time, touchpoint, channel, stage, outcome,
                OptionalDouble.of(value), caseId);
    }

    /**
     * Returns a copy with the case id.
     *
     * @param caseId the case id, or {@code null} for none
     * @return a new event
     */
    public JourneyEvent withCaseId(String caseId) {
        return new JourneyEvent(customerId, time, touchpoint, channel, stage, outcome, value,
                Optional.ofNullable(caseId));
    }

    /**
     * Returns e.g. {@code c-42 2026-03-02T09:15:00Z checkout/web [purchase(2)] -> purchased}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(customerId).append(' ').append(time).append(' ')
                .append(touchpoint).append('/').append(channel);
        stage.ifPresent(s -> sb.append(" [").append(s).append(']'));
        caseId.ifPresent(c -> sb.append(" case=").append(c));
        value.ifPresent(v -> sb.append(" value=").append(v));
        outcome.ifPresent(o -> sb.append(" -> ").append(o));
        return sb.toString();
    }
}
