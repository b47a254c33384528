package io.cxkit.spark;

import io.cxkit.core.Accumulator;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.KeyDrivers;
import io.cxkit.survey.NetPromoterScore;

/**
 * Which library accumulator an {@link AccumulatorState} holds, and how to decode its encoding. The
 * name travels with the serialized state, so it must not change.
 */
enum StateCodec {
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
