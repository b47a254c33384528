package io.cxkit.spark;

import io.cxkit.core.Check;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which columns of an event DataFrame feed {@link CxJourneys}: the four every event needs
 * (customer, time, touchpoint, channel) and the optional ones (outcome, value, case id, segment).
 * Immutable; each {@code with...} method returns a new instance.
 *
 * <pre>{@code
 * JourneyColumns cols = JourneyColumns.create().withOutcome("outcome").withValue("revenue");
 * JourneyColumns other = JourneyColumns.of("user_id", "ts", "page", "source").withSegment("plan");
 * }</pre>
 *
 * <p>Types: customer a string or an integer (read as its decimal string, as a customer id);
 * time a {@code TIMESTAMP}; touchpoint, channel, outcome, case id and segment strings; value any
 * numeric type. See {@link CxJourneys} for what a null means in each.
 */
public final class JourneyColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String customer;
    private final String time;
    private final String touchpoint;
    private final String channel;
    private final String outcome;
    private final String value;
    private final String caseId;
    private final String segment;

    private JourneyColumns(String customer, String time, String touchpoint, String channel, String outcome,
            String value, String caseId, String segment) {
        this.customer = customer;
        this.time = time;
        this.touchpoint = touchpoint;
        this.channel = channel;
        this.outcome = outcome;
        this.value = value;
        this.caseId = caseId;
        this.segment = segment;
    }

    /**
     * The columns {@code customer}, {@code time}, {@code touchpoint} and {@code channel}, no optional
     * ones.
     *
     * @return the column set
     */
    public static JourneyColumns create() {
        return of("customer", "time", "touchpoint", "channel");
    }

    /**
     * The four required columns by name, no optional ones.
     *
     * @param customer the customer id column
     * @param time the event time column (a {@code TIMESTAMP})
     * @param touchpoint the touchpoint column
     * @param channel the channel column
     * @return the column set
     * @throws NullPointerException if a name is null
     * @throws IllegalArgumentException if a name is blank
     */
    public static JourneyColumns of(String customer, String time, String touchpoint, String channel) {
        return new JourneyColumns(name(customer, "customer"), name(time, "time"), name(touchpoint, "touchpoint"),
                name(channel, "channel"), null, null, null, null);
    }

    private static String name(String column, String what) {
        String parameter = "JourneyColumns " + what + " column name";
        return Check.notBlank(Check.notNull(column, parameter), parameter);
    }

    /**
     * Also reads the outcome (e.g. {@code purchased}), which can end a journey
     * ({@link io.cxkit.journey.JourneyBuilder#splitOnOutcome}) and makes a conversion for attribution.
     *
     * @param column the outcome column; a null or empty value is no outcome
     * @return a new column set
     */
    public JourneyColumns withOutcome(String column) {
        return new JourneyColumns(customer, time, touchpoint, channel, name(column, "outcome"), value, caseId,
                segment);
    }

    /**
     * Also reads the event value (e.g. order revenue), which attribution credits.
     *
     * @param column the value column, numeric; a null is no value
     * @return a new column set
     */
    public JourneyColumns withValue(String column) {
        return new JourneyColumns(customer, time, touchpoint, channel, outcome, name(column, "value"), caseId,
                segment);
    }

    /**
     * Also reads the case id, which groups journeys within a customer when the rules say
     * {@link io.cxkit.journey.JourneyBuilder#byCase()}.
     *
     * @param column the case-id column; a null or empty value is no case
     * @return a new column set
     */
    public JourneyColumns withCaseId(String column) {
        return new JourneyColumns(customer, time, touchpoint, channel, outcome, value, name(column, "case id"),
                segment);
    }

    /**
     * Also reads the segment (e.g. a plan or region), by which {@link CxJourneys#funnelBySegment}
     * breaks a funnel down: a journey's segment is its first event's.
     *
     * @param column the segment column; a null or empty value is the segment {@code (none)}
     * @return a new column set
     */
    public JourneyColumns withSegment(String column) {
        return new JourneyColumns(customer, time, touchpoint, channel, outcome, value, caseId,
                name(column, "segment"));
    }

    /**
     * The customer id column.
     *
     * @return its name
     */
    public String customer() {
        return customer;
    }

    /**
     * The event time column.
     *
     * @return its name
     */
    public String time() {
        return time;
    }

    /**
     * The touchpoint column.
     *
     * @return its name
     */
    public String touchpoint() {
        return touchpoint;
    }

    /**
     * The channel column.
     *
     * @return its name
     */
    public String channel() {
        return channel;
    }

    /**
     * The outcome column.
     *
     * @return its name, empty when outcomes are not read
     */
    public Optional<String> outcome() {
        return Optional.ofNullable(outcome);
    }

    /**
     * The value column.
     *
     * @return its name, empty when values are not read
     */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /**
     * The case-id column.
     *
     * @return its name, empty when case ids are not read
     */
    public Optional<String> caseId() {
        return Optional.ofNullable(caseId);
    }

    /**
     * The segment column.
     *
     * @return its name, empty when segments are not read
     */
    public Optional<String> segment() {
        return Optional.ofNullable(segment);
    }

    /** The roles and column names in reading order, optional ones as null: customer, time, ..., segment. */
    List<String[]> roles() {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"customer", customer});
        out.add(new String[] {"time", time});
        out.add(new String[] {"touchpoint", touchpoint});
        out.add(new String[] {"channel", channel});
        out.add(new String[] {"outcome", outcome});
        out.add(new String[] {"value", value});
        out.add(new String[] {"case id", caseId});
        out.add(new String[] {"segment", segment});
        return out;
    }

    /**
     * Returns e.g. {@code JourneyColumns[customer=customer, time=time, touchpoint=touchpoint,
     * channel=channel, outcome=outcome]}, optional columns only when read.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("JourneyColumns[");
        String sep = "";
        for (String[] r : roles()) {
            if (r[1] != null) {
                sb.append(sep).append(r[0].replace(" id", "Id")).append('=').append(r[1]);
                sep = ", ";
            }
        }
        return sb.append(']').toString();
    }
}
