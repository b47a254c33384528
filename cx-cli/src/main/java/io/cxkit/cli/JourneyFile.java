package io.cxkit.cli;

import io.cxkit.core.TouchpointCatalog;
import io.cxkit.io.ReadSummary;
import io.cxkit.io.JourneyEventReader;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneySegments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The interaction-event file of {@code cx funnel} and {@code cx paths}: read once (streaming) into
 * an {@link EventLog} (16 to 32 bytes an event in memory; past {@code --memory} the log spills sorted
 * runs to {@code --temp-dir} and merges them), then cut into journeys by the log.
 */
final class JourneyFile {

    /** Options of reading the events and cutting journeys, shared by funnel and paths. */
    static final class Options {
        @Option(names = "--split-gap", paramLabel = "DURATION", converter = CliSupport.TypedDurationConverter.class,
                description = "cut a customer's events into journeys after this much inactivity (30m, 2h, 7d, P30D)")
        CliSupport.TypedDuration splitGap;

        @Option(names = "--by-case", description = "one journey per customer and case id (the case column)")
        boolean byCase;

        @Option(names = "--columns", paramLabel = "FIELD=COL,...",
                description = "name columns: customer, time, touchpoint, channel, stage, outcome, value, case")
        String columns;

        @Option(names = "--memory", paramLabel = "SIZE", converter = ByteSizeConverter.class,
                description = "heap for buffering events before they spill to sorted runs on disk (e.g. 256m, 2g;"
                        + " default a quarter of the JVM's maximum heap)")
        Long memory;

        @Option(names = "--temp-dir", paramLabel = "DIR",
                description = "where spilled runs go (default java.io.tmpdir); they are deleted afterwards")
        Path tempDir;

        @CommandLine.Mixin
        ReadingOptions reading;

        @CommandLine.Mixin
        ReadLimitOptions limits = new ReadLimitOptions();

        @CommandLine.Mixin
        ReadLimitOptions.Touchpoints touchpoints = new ReadLimitOptions.Touchpoints();
    }

    final ReadSummary summary;
    final List<CustomerJourney> journeys;
    final Set<String> touchpoints;
    /** With a touchpoint catalog: the file's touchpoints it does not hold, sorted; else empty. */
    final List<String> notInCatalog;
    private final Map<CustomerJourney, String> segmentOfJourney;

    private JourneyFile(ReadSummary summary, List<CustomerJourney> journeys, Set<String> touchpoints,
            Map<CustomerJourney, String> segmentOfJourney, List<String> notInCatalog) {
        this.summary = summary;
        this.journeys = journeys;
        this.touchpoints = touchpoints;
        this.segmentOfJourney = segmentOfJourney;
        this.notInCatalog = notInCatalog;
    }

    static JourneyFile read(CommandLine cl, Path file, Options o, String by) {
        return read(cl, file, o, by, null, null);
    }

    /**
     * Reads the events; with a {@code catalog}, journeys are segmented by the catalog {@code level}
     * of their first touchpoint ({@code by} is then not a column).
     */
    static JourneyFile read(CommandLine cl, Path file, Options o, String by, TouchpointCatalog catalog,
            TouchpointCatalog.Level level) {
        if (catalog != null) {
            by = null;
        }
        if (o.splitGap != null && o.byCase) {
            throw new CommandLine.ParameterException(cl, "--split-gap and --by-case cannot be combined");
        }
        CliSupport.positive(cl, o.splitGap, "--split-gap");
        JourneyEventReader.Builder b = JourneyEventReader.builder();
        o.reading.apply(cl, b);
        if (o.columns != null) {
            try {
                b.columns(o.columns);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--columns: " + e.getMessage());
            }
        }
        if (by != null) {
            b.attributes(by);
        }
        o.touchpoints.apply(cl, o.limits.apply(cl, b)::maxTouchpoints);
        b.segment(by);
        JourneyBuilder jb = JourneyBuilder.perCustomer();
        if (o.splitGap != null) {
            jb = jb.splitOnInactivity(o.splitGap.value());
        }
        if (o.byCase) {
            jb = jb.byCase();
        }
        EventLog.Builder events = EventLog.builder().memoryBudget(o.memory != null ? o.memory
                : Math.max(1L << 24, Runtime.getRuntime().maxMemory() / 4));
        if (o.tempDir != null) {
            if (!Files.isDirectory(o.tempDir)) {
                throw new CommandLine.ParameterException(cl, "--temp-dir must be an existing directory: " + o.tempDir);
            }
            events.tempDirectory(o.tempDir);
        }
        try (events) {
            ReadSummary s = b.build().readInto(file, events);
            try (EventLog log = events.build()) {
                Set<String> touchpoints = new TreeSet<>(log.touchpoints().names());
                List<CustomerJourney> journeys = new ArrayList<>();
                boolean segmented = by != null || catalog != null;
                Map<CustomerJourney, String> segments = segmented ? new IdentityHashMap<>() : Map.of();
                JourneySegments byCatalog = catalog == null ? null : JourneySegments.of(log, catalog, level);
                log.forEachJourney(jb, j -> {
                    CustomerJourney cj = j.toCustomerJourney();
                    journeys.add(cj);
                    if (byCatalog != null) {
                        segments.put(cj, byCatalog.names().get(byCatalog.segmentOf(j)));
                    } else if (segmented) {
                        segments.put(cj, j.segmentName().orElse("(none)"));
                    }
                });
                return new JourneyFile(s, journeys, touchpoints, segments,
                        byCatalog == null ? List.of() : byCatalog.unknownTouchpoints());
            }
        }
    }

    /** A journey's segment: the {@code --by} value of its first event (or its catalog stage, area or channel). */
    String segment(CustomerJourney j) {
        return segmentOfJourney.get(j);
    }

    /** Sizes such as {@code 512m}, {@code 2g}, {@code 1500k} or a number of bytes. */
    static final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.strip().toLowerCase(java.util.Locale.ROOT);
            int shift = v.endsWith("k") ? 10 : v.endsWith("m") ? 20 : v.endsWith("g") ? 30 : 0;
            String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
            long n;
            try {
                n = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > (Long.MAX_VALUE >> shift)) {
                throw new CommandLine.TypeConversionException("must be a positive size such as 256m or 2g: '"
                        + value + "'");
            }
            return n << shift;
        }
    }

    static String unit(Options o) {
        return o.byCase ? "customer and case" : o.splitGap != null ? "customer, cut after "
                + o.splitGap + " inactivity" : "customer";
    }

    static Map<String, Object> unitJson(Options o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("per", o.byCase ? "case" : "customer");
        CliSupport.putDuration(m, "splitGap", o.splitGap);
        return m;
    }
}
