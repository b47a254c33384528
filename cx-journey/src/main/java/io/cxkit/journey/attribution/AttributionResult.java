package io.cxkit.journey.attribution;

import io.cxkit.core.Check;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The results of all attribution models over the same journeys; the result of an
 * {@link AttributionAccumulator}.
 *
 * @param models the result per available model
 * @param unavailable why a model is absent: {@link AttributionModel#TIME_DECAY} when a converting
 *     journey had no touch times, {@link AttributionModel#MARKOV} when the chain has more states
 *     than {@link AttributionAccumulator#DEFAULT_MAX_STATES}
 */
public record AttributionResult(Map<AttributionModel, AttributionModelResult> models,
        Map<AttributionModel, String> unavailable) {

    /**
     * Validates and copies the components.
     *
     * @param models results per model
     * @param unavailable why a model is absent
     */
    public AttributionResult {
        Check.notNull(models, "models");
        Check.notNull(unavailable, "unavailable");
        models = Collections.unmodifiableMap(models.isEmpty() ? new EnumMap<>(AttributionModel.class)
                : new EnumMap<>(models));
        unavailable = Collections.unmodifiableMap(unavailable.isEmpty() ? new EnumMap<>(AttributionModel.class)
                : new EnumMap<>(unavailable));
    }

    /**
     * The result of one model.
     *
     * @param model the model
     * @return its result
     * @throws IllegalStateException when the model is unavailable (the message says why)
     */
    public AttributionModelResult model(AttributionModel model) {
        AttributionModelResult r = models.get(model);
        if (r == null) {
            throw new IllegalStateException(model.label() + " attribution is not available: " + unavailable.get(model));
        }
        return r;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("AttributionResult[");
        for (AttributionModelResult r : models.values()) {
            sb.append("\n").append(r);
        }
        unavailable.forEach((m, why) -> sb.append("\n").append(m.label()).append(": ").append(why));
        return sb.append("\n]").toString();
    }
}
