package io.cxkit.survey;

import java.util.Optional;

/**
 * Which question of a {@link SurveyResponse} holds which score. A score whose question is not set
 * is not computed (its result is empty with no missing answers).
 *
 * @param nps the question id holding the 0–10 recommend answer
 * @param csat the question id holding the satisfaction rating
 * @param ces the question id holding the effort rating
 */
public record SurveyQuestions(Optional<String> nps, Optional<String> csat, Optional<String> ces) {

    /**
     * Normalises nulls to empty.
     *
     * @param nps NPS question
     * @param csat CSAT question
     * @param ces CES question
     */
    public SurveyQuestions {
        nps = nps == null ? Optional.empty() : nps;
        csat = csat == null ? Optional.empty() : csat;
        ces = ces == null ? Optional.empty() : ces;
    }

    /**
     * The conventional ids {@code "nps"}, {@code "csat"} and {@code "ces"}.
     *
     * @return the default mapping
     */
    public static SurveyQuestions standard() {
        return of("nps", "csat", "ces");
    }

    /**
     * A mapping; pass null for a score that is not asked.
     *
     * @param nps NPS question id or null
     * @param csat CSAT question id or null
     * @param ces CES question id or null
     * @return the mapping
     */
    public static SurveyQuestions of(String nps, String csat, String ces) {
        return new SurveyQuestions(Optional.ofNullable(nps), Optional.ofNullable(csat), Optional.ofNullable(ces));
    }
}
