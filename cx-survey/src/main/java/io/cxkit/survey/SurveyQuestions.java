package io.cxkit.survey;

import java.util.ArrayList;
import java.util.List;
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

    /** The standard id of the 0–10 likelihood-to-recommend question: {@code "nps"}. */
    public static final String NPS = "nps";
    /** The standard id of the satisfaction question: {@code "csat"}. */
    public static final String CSAT = "csat";
    /** The standard id of the effort question: {@code "ces"}. */
    public static final String CES = "ces";

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
     * The standard ids {@link #NPS}, {@link #CSAT} and {@link #CES}.
     *
     * @return the default mapping
     */
    public static SurveyQuestions standard() {
        return of(NPS, CSAT, CES);
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

    /**
     * The question ids that are set, in the order NPS, CSAT, CES.
     *
     * @return an unmodifiable list; empty if no score is asked
     */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(3);
        nps.ifPresent(ids::add);
        csat.ifPresent(ids::add);
        ces.ifPresent(ids::add);
        return List.copyOf(ids);
    }
}
