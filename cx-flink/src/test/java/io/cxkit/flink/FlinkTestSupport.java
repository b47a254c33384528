package io.cxkit.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/** What the Flink tests share: running a query in the local runtime and collecting its rows. */
final class FlinkTestSupport {
    private FlinkTestSupport() {
    }

    /** Runs {@code sql} and returns every row it emits (for streaming: the changelog, in order). */
    static List<Row> collect(TableEnvironment env, String sql) throws Exception {
        List<Row> rows = new ArrayList<>();
        CloseableIterator<Row> it = env.executeSql(sql).collect();
        try {
            it.forEachRemaining(rows::add);
        } finally {
            it.close();
        }
        return rows;
    }
}
