package io.cxkit.survey;

import io.cxkit.core.Check;
import io.cxkit.core.SegmentedResult;
import io.cxkit.core.Segmentation;

/**
 * Scores overall and by segment, as read from {@link SurveyScores}.
 *
 * @param segmentation how the segments were formed (names of the key parts)
 * @param overall the scores over all responses (always present)
 * @param segments the scores per segment, ordered by key
 */
public record SurveyScoresResult(Segmentation segmentation, ScoreCardResult overall,
        SegmentedResult<ScoreCardResult> segments) {

    /**
     * Validates the components.
     *
     * @param segmentation segmentation
     * @param overall overall scores
     * @param segments per-segment scores
     */
    public SurveyScoresResult {
        Check.notNull(segmentation, "segmentation");
        Check.notNull(overall, "overall");
        Check.notNull(segments, "segments");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SurveyScoresResult[").append(segmentation).append("]\n");
        sb.append("  overall: ").append(overall).append('\n');
        segments.asMap().forEach((k, v) -> sb.append("  ").append(k.label()).append(": ").append(v).append('\n'));
        return sb.toString();
    }
}
