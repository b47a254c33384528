package io.cxkit.spark;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * How a catalog function reads one numeric argument from Spark's internal row, chosen once when the
 * function is bound to its argument types. The function declares the types it was given as its input
 * types, so Spark casts nothing on the way in (a cast to int would turn 9.7 into 9 without a word;
 * {@code ScoreAccumulator.acceptNumeric} rejects it instead). Every int is exact as a double; a bigint beyond
 * 2^53 is not, but it is far outside the int range and rejected as such.
 */
final class NumericArgument implements Serializable {
    private static final long serialVersionUID = 1L;

    private enum Kind { BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, DECIMAL, NULL }

    private final int ordinal;
    private final Kind kind;
    private final int precision;
    private final int scale;

    private NumericArgument(int ordinal, Kind kind, int precision, int scale) {
        this.ordinal = ordinal;
        this.kind = kind;
        this.precision = precision;
        this.scale = scale;
    }

    /**
     * The reader for argument {@code ordinal} of Spark type {@code type}, or {@code null} if the type
     * is not numeric (nor the type of a bare {@code NULL}).
     */
    static NumericArgument of(int ordinal, DataType type) {
        if (type instanceof DecimalType d) {
            return new NumericArgument(ordinal, Kind.DECIMAL, d.precision(), d.scale());
        }
        Kind kind;
        if (DataTypes.ByteType.equals(type)) {
            kind = Kind.BYTE;
        } else if (DataTypes.ShortType.equals(type)) {
            kind = Kind.SHORT;
        } else if (DataTypes.IntegerType.equals(type)) {
            kind = Kind.INT;
        } else if (DataTypes.LongType.equals(type)) {
            kind = Kind.LONG;
        } else if (DataTypes.FloatType.equals(type)) {
            kind = Kind.FLOAT;
        } else if (DataTypes.DoubleType.equals(type)) {
            kind = Kind.DOUBLE;
        } else if (DataTypes.NullType.equals(type)) {
            kind = Kind.NULL;
        } else {
            return null;
        }
        return new NumericArgument(ordinal, kind, 0, 0);
    }

    /**
     * The reader for argument {@code ordinal}, which a catalog function requires to be numeric.
     *
     * @throws UnsupportedOperationException (how Spark reports a failed bind) naming the function and
     *     the argument, e.g. {@code "cx.nps: the score argument must be numeric: got STRING"}
     */
    static NumericArgument required(int ordinal, DataType type, String function, String argument) {
        NumericArgument reader = of(ordinal, type);
        if (reader == null) {
            throw new UnsupportedOperationException(function + ": the " + argument + " argument must be numeric: got "
                    + type.sql());
        }
        return reader;
    }

    /** Whether the argument is null in this row (always, for a bare {@code NULL}). */
    boolean isNull(InternalRow row) {
        return kind == Kind.NULL || row.isNullAt(ordinal);
    }

    /** The argument's value in this row, which {@link #isNull} said is not null. */
    double read(InternalRow row) {
        return switch (kind) {
            case BYTE -> row.getByte(ordinal);
            case SHORT -> row.getShort(ordinal);
            case INT -> row.getInt(ordinal);
            case LONG -> row.getLong(ordinal);
            case FLOAT -> row.getFloat(ordinal);
            case DOUBLE -> row.getDouble(ordinal);
            case DECIMAL -> row.getDecimal(ordinal, precision, scale).toDouble();
            case NULL -> throw new IllegalStateException("a NULL-typed argument has no value");
        };
    }
}
