package io.cxkit.flink;

import io.cxkit.core.Estimate;
import io.cxkit.survey.CesResult;
import io.cxkit.survey.CsatResult;
import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.NetPromoterScore;
import io.cxkit.survey.NpsResult;
import io.cxkit.survey.ScoreAccumulator;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.DataTypes.Field;

/**
 * The three survey metrics as Flink sees them: how to decode each library accumulator and which
 * fields its result adds to the output row. Every number comes from the library.
 */
enum SurveyMetric {
    /** Net Promoter Score; extra fields: promoters, passives, detractors. */
    NPS("NPS score") {
        @Override
        ScoreAccumulator<?, ?> decode(byte[] bytes) {
            return NetPromoterScore.decode(bytes);
        }

        @Override
        void extraFields(List<Field> fields) {
            fields.add(DataTypes.FIELD("promoters", DataTypes.BIGINT().notNull()));
            fields.add(DataTypes.FIELD("passives", DataTypes.BIGINT().notNull()));
            fields.add(DataTypes.FIELD("detractors", DataTypes.BIGINT().notNull()));
        }

        @Override
        long missing(Estimate result) {
            return ((NpsResult) result).missing();
        }

        @Override
        void extraValues(Estimate result, List<Object> values) {
            NpsResult r = (NpsResult) result;
            values.add(r.promoters());
            values.add(r.passives());
            values.add(r.detractors());
        }
    },
    /** CSAT: estimate is the percent satisfied; extra field: meanRating. */
    CSAT("CSAT rating") {
        @Override
        ScoreAccumulator<?, ?> decode(byte[] bytes) {
            return CustomerSatisfaction.decode(bytes);
        }

        @Override
        void extraFields(List<Field> fields) {
            fields.add(DataTypes.FIELD("meanRating", DataTypes.DOUBLE().notNull()));
        }

        @Override
        long missing(Estimate result) {
            return ((CsatResult) result).missing();
        }

        @Override
        void extraValues(Estimate result, List<Object> values) {
            values.add(((CsatResult) result).rating().mean());
        }
    },
    /** CES: estimate is the mean answer; extra field: percentAgree. */
    CES("CES rating") {
        @Override
        ScoreAccumulator<?, ?> decode(byte[] bytes) {
            return CustomerEffort.decode(bytes);
        }

        @Override
        void extraFields(List<Field> fields) {
            fields.add(DataTypes.FIELD("percentAgree", DataTypes.DOUBLE().notNull()));
        }

        @Override
        long missing(Estimate result) {
            return ((CesResult) result).missing();
        }

        @Override
        void extraValues(Estimate result, List<Object> values) {
            values.add(((CesResult) result).percentAgree());
        }
    };

    /** How messages name one answer, as the library's accumulators do. */
    final String what;

    SurveyMetric(String what) {
        this.what = what;
    }

    abstract ScoreAccumulator<?, ?> decode(byte[] bytes);

    abstract void extraFields(List<Field> fields);

    abstract long missing(Estimate result);

    abstract void extraValues(Estimate result, List<Object> values);
}
