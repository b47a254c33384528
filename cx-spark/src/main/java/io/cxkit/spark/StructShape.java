package io.cxkit.spark;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * How a result struct with nested arrays and strings is built: as Spark's internal values for a
 * catalog function ({@link org.apache.spark.sql.connector.catalog.functions.AggregateFunction}
 * returns an {@code InternalRow}), or as external {@link org.apache.spark.sql.Row}s for a typed
 * {@link org.apache.spark.sql.expressions.Aggregator}. The numbers are the same either way; only
 * the containers differ, so each result is converted by one method for both paths.
 */
enum StructShape {
    /** {@code GenericInternalRow}, {@code GenericArrayData}, {@code UTF8String}. */
    INTERNAL {
        @Override
        Object struct(Object... values) {
            return new GenericInternalRow(values);
        }

        @Override
        Object array(Object[] elements) {
            return new GenericArrayData(elements);
        }

        @Override
        Object string(String s) {
            return UTF8String.fromString(s);
        }
    },
    /**
     * {@code Row}, a Java array, {@code String}. Spark's row encoder reads an array field from a Java
     * array or a Scala {@code Seq}, not a {@code java.util.List} (Spark 4); the array needs no Scala
     * API, whose signatures differ between Scala 2.12 and 2.13.
     */
    EXTERNAL {
        @Override
        Object struct(Object... values) {
            return RowFactory.create(values);
        }

        @Override
        Object array(Object[] elements) {
            return elements;
        }

        @Override
        Object string(String s) {
            return s;
        }
    };

    /** A struct of these field values, in schema order. */
    abstract Object struct(Object... values);

    /** An array of these elements. */
    abstract Object array(Object[] elements);

    /** A string value. */
    abstract Object string(String s);
}
