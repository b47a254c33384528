package io.cxkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.InvalidInputException;
import io.cxkit.core.Segmentation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Strict answer keys and the invalid-input exception type (issue 17, item 4). */
class StrictInputTest {

    @Test
    void aMisspeltQuestionIdIsRejectedListingTheKnownIds() {
        // Before: withAnswer("NPS", 9) counted as n=0, missing=1, silently.
        SurveyScores scores = SurveyScores.of(ScoreCard.create(), Segmentation.of("touchpoint"));
        SurveyResponse typo = SurveyResponse.of("r-1", null).withAttribute("touchpoint", "web")
                .withAnswer("NPS", 9);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> scores.accept(typo));
        assertEquals("respondent r-1: unknown question id 'NPS'; known ids: ces, csat, nps (declare others "
                + "with ScoreCard.allowingAnswers, or use ScoreCard.ignoringUnknownAnswers)", e.getMessage());
        assertEquals(0, scores.result().overall().nps().n());
        assertEquals(0, scores.result().overall().nps().missing(), "a rejected response counts nothing");
        assertEquals(0, scores.result().segments().size(), "and leaves no empty segment behind");
        scores.accept(SurveyResponse.of("r-2", null).withAttribute("touchpoint", "web")
                .withAnswer(SurveyQuestions.NPS, 9).withAnswer(SurveyQuestions.CSAT, 5)
                .withAnswer(SurveyQuestions.CES, 2));
        assertEquals(1, scores.result().overall().nps().n());
    }

    @Test
    void otherQuestionsCanBeDeclaredOrIgnored() {
        SurveyResponse withDriver = SurveyResponse.of("r-1", null).withAnswer("nps", 10).withAnswer("speed", 4);
        ScoreCard strict = ScoreCard.create();
        assertThrows(InvalidInputException.class, () -> strict.accept(withDriver));
        ScoreCard declared = strict.allowingAnswers("speed", "price");
        assertEquals(Set.of("ces", "csat", "nps", "price", "speed"), declared.knownAnswers());
        assertEquals(List.of("ces", "csat", "nps", "price", "speed"), List.copyOf(declared.knownAnswers()));
        declared.accept(withDriver);
        assertEquals(1, declared.result().nps().n());
        assertEquals(Set.of("ces", "csat", "nps", "price", "speed"), declared.emptyCopy().knownAnswers(),
                "strictness is kept by emptyCopy");
        ScoreCard lenient = strict.ignoringUnknownAnswers();
        assertEquals(Set.of(), lenient.knownAnswers());
        lenient.accept(SurveyResponse.of("r-2", null).withAnswer("NPS", 9));
        assertEquals(1, lenient.result().nps().missing(), "the lenient card keeps the old behaviour");
        declared.combine(lenient);
        assertEquals(1, declared.result().nps().missing(), "strictness does not affect combine");
        assertEquals("allowed answer id must not be blank: ' '", assertThrows(IllegalArgumentException.class,
                () -> strict.allowingAnswers(" ")).getMessage());
        assertEquals(Set.of("ces", "csat", "nps"), ScoreCard.decode(declared.encode()).knownAnswers(),
                "decode returns a strict card with the standard ids");
    }

    @Test
    void badClientInputIsAnInvalidInputExceptionAndStillAnIllegalArgumentException() {
        NetPromoterScore nps = NetPromoterScore.create();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> nps.accept(11));
        assertTrue(e.getMessage().endsWith("must be in [0, 10]: 11"), e.getMessage());
        assertTrue(IllegalArgumentException.class.isInstance(e), "existing catch blocks keep working");
        ScoreCard card = ScoreCard.create();
        InvalidInputException offScale = assertThrows(InvalidInputException.class,
                () -> card.accept(SurveyResponse.of("r-9", null).withAnswer("csat", 9)));
        assertTrue(offScale.getMessage().startsWith("respondent r-9: "), offScale.getMessage());
        // An incompatible combine is a programming error, not bad input.
        IllegalArgumentException combine = assertThrows(IllegalArgumentException.class,
                () -> NetPromoterScore.create().combine(NetPromoterScore.of(new NpsBands(5, 8),
                        MissingAnswerPolicy.EXCLUDE)));
        assertTrue(!(combine instanceof InvalidInputException), combine.getClass().getName());
    }
}
