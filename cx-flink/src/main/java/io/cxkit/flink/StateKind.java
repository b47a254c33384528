package io.cxkit.flink;

import io.cxkit.core.Accumulator;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.KeyDrivers;
import io.cxkit.survey.NetPromoterScore;

/**
 * Which library accumulator a {@link LiveAccumulator} holds, and how to decode its encoding. The
 * name is what {@link LiveAccumulatorSerializer} writes before the encoding, so it must not change.
 */
enum StateKind {
    /** {@link NetPromoterScore}. */
    NPS {
        @Override
        Accumulator<?, ?> decode(byte[] bytes) {
            return NetPromoterScore.decode(bytes);
        }
    },
    /** {@link CustomerSatisfaction}. */
    CSAT {
        @Override
        Accumulator<?, ?> decode(byte[] bytes) {
            return CustomerSatisfaction.decode(bytes);
        }
    },
    /** {@link CustomerEffort}. */
    CES {
        @Override
        Accumulator<?, ?> decode(byte[] bytes) {
            return CustomerEffort.decode(bytes);
        }
    },
    /** {@link KeyDrivers}. */
    KEY_DRIVERS {
        @Override
        Accumulator<?, ?> decode(byte[] bytes) {
            return KeyDrivers.decode(bytes);
        }
    };

    /** Decodes an accumulator of this kind; the library validates the bytes. */
    abstract Accumulator<?, ?> decode(byte[] bytes);
}
