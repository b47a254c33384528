package io.cxkit.flink;

import io.cxkit.survey.SurveyAccumulatorKind;
import io.cxkit.core.Estimate;
import io.cxkit.survey.CesResult;
import io.cxkit.survey.CsatResult;
import io.cxkit.survey.NpsResult;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.DataTypes.Field;

/**
 * The three survey metrics as Flink sees them: which fields each result adds to the output row. Every number comes from the library.
 */
enum SurveyMetric {
    /** Net Promoter Score; extra fields: promoters, passives, detractors. */
    NPS {
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
    CSAT {
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
    CES {
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

    /** How the state of this metric is serialized. */
    SurveyAccumulatorKind kind() {
        return SurveyAccumulatorKind.valueOf(name());
    }

    abstract void extraFields(List<Field> fields);

    abstract long missing(Estimate result);

    abstract void extraValues(Estimate result, List<Object> values);
}
