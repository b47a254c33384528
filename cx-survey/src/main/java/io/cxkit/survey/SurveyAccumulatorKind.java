package io.cxkit.survey;

import io.cxkit.core.Accumulator;
import io.cxkit.survey.drivers.KeyDrivers;

/**
 * The survey accumulators an engine (Spark, Flink) keeps as aggregation state, each with the static
 * {@code decode} of its type: one table of "which type is this encoding", shared by every engine
 * module instead of one copy per engine. The constant names are written beside the encoding in
 * engines' serialized state, so they must never change.
 */
public enum SurveyAccumulatorKind {
    /** {@link NetPromoterScore}. */
    NPS {
        @Override
        public Accumulator<?, ?> decode(byte[] bytes) {
            return NetPromoterScore.decode(bytes);
        }
    },
    /** {@link CustomerSatisfaction}. */
    CSAT {
        @Override
        public Accumulator<?, ?> decode(byte[] bytes) {
            return CustomerSatisfaction.decode(bytes);
        }
    },
    /** {@link CustomerEffort}. */
    CES {
        @Override
        public Accumulator<?, ?> decode(byte[] bytes) {
            return CustomerEffort.decode(bytes);
        }
    },
    /** {@link KeyDrivers}. */
    KEY_DRIVERS {
        @Override
        public Accumulator<?, ?> decode(byte[] bytes) {
            return KeyDrivers.decode(bytes);
        }
    };

    /**
     * Decodes an accumulator of this kind; the type's own {@code decode} validates the bytes.
     *
     * @param bytes an encoding written by the accumulator's {@code encode()}
     * @return the accumulator
     * @throws IllegalArgumentException if the bytes are not a valid encoding of this kind
     */
    public abstract Accumulator<?, ?> decode(byte[] bytes);
}
