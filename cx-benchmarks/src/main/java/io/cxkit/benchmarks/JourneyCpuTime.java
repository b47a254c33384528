package io.cxkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * File → funnel as CPU time rather than wall time, for a machine other processes share: the
 * process CPU time (every thread: the JIT, the garbage collector, DuckDB's workers) of
 * {@link JourneyWork#csvToFunnel} and of DuckDB's {@code read_csv} + the same funnel SQL, run
 * alternately in one JVM, with their ratio and the load average. Both answers are checked to be
 * the same funnel counts before anything is printed.
 *
 * <pre>
 * java -Xms8g -Xmx8g -cp cx-benchmarks/target/benchmarks.jar io.cxkit.benchmarks.JourneyCpuTime \
 *      $TMPDIR/cxkit-bench/events-10000000-1000000-20261201.csv 4 1
 * </pre>
 */
public final class JourneyCpuTime {
    private JourneyCpuTime() {
    }

    /**
     * Runs the comparison.
     *
     * @param args the event file, the number of passes, the threads
     * @throws SQLException on a database error
     * @throws java.io.IOException if the load average cannot be read
     */
    public static void main(String[] args) throws SQLException, java.io.IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: JourneyCpuTime EVENTS.csv PASSES THREADS");
        }
        Path csv = Path.of(args[0]);
        int passes = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            String sql = JourneySql.funnelSql(JourneySql.csvSource(csv), JourneyWork.STEPS, JourneyWork.WINDOW_DAYS);
            for (int p = 0; p < passes; p++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                JourneyAnswers.FunnelCounts cx = JourneyAnswers.FunnelCounts.of(JourneyWork.csvToFunnel(csv, threads));
                long c1 = os.getProcessCpuTime();
                long t1 = System.nanoTime();
                JourneyAnswers.FunnelCounts db = JourneySql.funnel(duck, threads, sql);
                long c2 = os.getProcessCpuTime();
                long t2 = System.nanoTime();
                cx.requireSame("DuckDB read_csv", db);
                System.out.printf("threads %d: cxkit cpu %d ms wall %d ms | duckdb cpu %d ms wall %d ms"
                        + " | cpu ratio %.2f wall ratio %.2f | load %s%n", threads, (c1 - c0) / 1_000_000,
                        (t1 - t0) / 1_000_000, (c2 - c1) / 1_000_000, (t2 - t1) / 1_000_000,
                        (double) (c2 - c1) / (c1 - c0), (double) (t2 - t1) / (t1 - t0),
                        Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
    }
}
