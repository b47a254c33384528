package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.InvalidInputException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One survey response: who answered, when, in which context (touchpoint, channel, segment and any
 * other attributes), the answers by question, and an optional survey weight.
 *
 * <pre>{@code
 * SurveyResponse r = SurveyResponse.of("r-17", Instant.parse("2026-03-02T10:15:00Z"))
 *     .withAttribute("touchpoint", "checkout")
 *     .withAnswer("nps", 9)
 *     .withWeight(1.3);
 * }</pre>
 *
 * @param respondentId the respondent (or response) id, not blank
 * @param time when the response was given; empty if unknown
 * @param attributes context attributes (immutable copy, insertion order kept)
 * @param answers answers by question id (immutable copy); a question without an entry is missing
 * @param weight the survey weight, finite and &gt; 0, if the response is weighted
 */
public record SurveyResponse(String respondentId, Optional<Instant> time, Map<String, String> attributes,
        Map<String, Integer> answers, OptionalDouble weight) {

    /**
     * Validates and copies the components.
     *
     * @param respondentId respondent id
     * @param time response time
     * @param attributes attributes
     * @param answers answers
     * @param weight optional weight
     */
    public SurveyResponse {
        Check.notNull(respondentId, "respondentId");
        if (respondentId.isBlank()) {
            throw new InvalidInputException("respondent id must not be blank: '" + respondentId + "'");
        }
        time = time == null ? Optional.empty() : time;
        weight = weight == null ? OptionalDouble.empty() : weight;
        if (weight.isPresent() && !(weight.getAsDouble() > 0 && weight.getAsDouble() < Double.POSITIVE_INFINITY)) {
            throw new InvalidInputException("weight of respondent " + respondentId
                    + " must be finite and > 0: " + weight.getAsDouble());
        }
        attributes = copy(attributes, "attribute", respondentId);
        answers = copy(answers, "answer", respondentId);
    }

    private static <V> Map<String, V> copy(Map<String, V> m, String what, String id) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        Map<String, V> c = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new InvalidInputException(
                        "respondent " + id + " has a null " + what + " name or value: " + k + "=" + v);
            }
            c.put(k, v);
        });
        return Collections.unmodifiableMap(c);
    }

    /**
     * A response with no attributes, answers or weight yet.
     *
     * @param respondentId respondent id, not blank
     * @param time the response time, or null if unknown
     * @return the response
     */
    public static SurveyResponse of(String respondentId, Instant time) {
        return new SurveyResponse(respondentId, Optional.ofNullable(time), Map.of(), Map.of(),
                OptionalDouble.empty());
    }

    /**
     * This response with one more attribute.
     *
     * @param name attribute name
     * @param value attribute value
     * @return a new response
     */
    public SurveyResponse withAttribute(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(attributes);
        m.put(name, value);
        return new SurveyResponse(respondentId, time, m, answers, weight);
    }

    /**
     * This response with one more answer.
     *
     * @param question question id, e.g. {@code "nps"}
     * @param answer the answer
     * @return a new response
     */
    public SurveyResponse withAnswer(String question, int answer) {
        Map<String, Integer> m = new LinkedHashMap<>(answers);
        m.put(question, answer);
        return new SurveyResponse(respondentId, time, attributes, m, weight);
    }

    /**
     * This response with a survey weight.
     *
     * @param w the weight, finite and &gt; 0
     * @return a new response
     */
    public SurveyResponse withWeight(double w) {
        return new SurveyResponse(respondentId, time, attributes, answers, OptionalDouble.of(w));
    }
}
