package io.cxkit.cli;

import io.cxkit.core.TouchpointCatalog;
import io.cxkit.io.ReadSummary;
import io.cxkit.io.JourneyEventReader;
import io.cxkit.core.NameDictionary;
import io.cxkit.core.SegmentKey;
import io.cxkit.journey.EventLog;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneySegments;
import io.cxkit.journey.LogJourney;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.paths.PathVariants;
import io.cxkit.journey.paths.TransitionGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The interaction-event file of {@code cx funnel} and {@code cx paths}: read once (streaming) into
 * an {@link EventLog} (about 14 to 24 bytes an event in memory; past {@code --memory} the log spills sorted
 * runs to {@code --temp-dir} and merges them), then cut into journeys by the log.
 */
final class JourneyFile implements AutoCloseable {

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

        @CommandLine.Mixin
        Memory memory = new Memory();

        @CommandLine.Mixin
        ReadingOptions reading;

        @CommandLine.Mixin
        ReadLimitOptions limits = new ReadLimitOptions();

        @CommandLine.Mixin
        ReadLimitOptions.Touchpoints touchpoints = new ReadLimitOptions.Touchpoints();
    }

    /** The event log's memory budget and spill directory, shared by every command that reads into a log. */
    static final class Memory {
        @Option(names = "--memory", paramLabel = "SIZE", converter = ByteSizeConverter.class,
                description = "heap for buffering events before they spill to sorted runs on disk (e.g. 256m, 2g;"
                        + " default a quarter of the JVM's maximum heap)")
        Long memory;

        @Option(names = "--temp-dir", paramLabel = "DIR",
                description = "where spilled runs go (default java.io.tmpdir); they are deleted afterwards")
        Path tempDir;

        /** An empty log builder with the budget and directory of the options; checks the directory. */
        EventLog.Builder builder(CommandLine cl) {
            if (tempDir != null && !Files.isDirectory(tempDir)) {
                throw new CommandLine.ParameterException(cl, "--temp-dir must be an existing directory: " + tempDir);
            }
            EventLog.Builder events = EventLog.builder().memoryBudget(memory != null ? memory
                    : Math.max(1L << 24, Runtime.getRuntime().maxMemory() / 4));
            if (tempDir != null) {
                events.tempDirectory(tempDir);
            }
            return events;
        }
    }

    /** Threads of a scan: the machine's cores, at most 64. */
    static final int THREADS = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 64));

    final ReadSummary summary;
    final Set<String> touchpoints;
    final List<String> notInCatalog;
    private final EventLog log;
    private final JourneyBuilder rules;
    private final JourneySegments byCatalog;

    private JourneyFile(ReadSummary summary, EventLog log, JourneyBuilder rules, JourneySegments byCatalog) {
        this.summary = summary;
        this.log = log;
        this.rules = rules;
        this.byCatalog = byCatalog;
        this.touchpoints = new TreeSet<>(log.touchpoints().names());
        this.notInCatalog = byCatalog == null ? List.of() : byCatalog.unknownTouchpoints();
    }

    static JourneyFile read(CommandLine cl, Path file, Options o, String by) {
        return read(cl, file, o, by, null, null);
    }

    /**
     * Reads the file into an event log (spilling past {@code --memory}); the caller closes the
     * returned file, which deletes any spilled runs.
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
        JourneyBuilder jb = JourneyBuilder.create();
        if (o.splitGap != null) {
            jb = jb.splitOnInactivity(o.splitGap.value());
        }
        if (o.byCase) {
            jb = jb.byCase();
        }
        EventLog.Builder events = o.memory.builder(cl);
        EventLog log = null;
        try (events) {
            ReadSummary s = b.build().readInto(file, events);
            CliSupport.requireCounted(file, s);
            log = events.build();
            return new JourneyFile(s, log, jb, catalog == null ? null : JourneySegments.of(log, catalog, level));
        } catch (RuntimeException | Error e) {
            if (log != null) {
                log.close();
            }
            throw e;
        }
    }

    /** The funnel over every journey of the log, customers split across the machine's cores. */
    FunnelResult funnel(Funnel funnel) {
        return funnel.run(log, rules, THREADS);
    }

    /**
     * The funnel per segment: the {@code --by} value of a journey's first event ({@code (none)}
     * when empty), or its first touchpoint's catalog entry with {@code --touchpoints}; sorted by name.
     */
    Map<String, FunnelResult> funnelBySegment(Funnel funnel) {
        ToIntFunction<LogJourney> segmentOf;
        IntFunction<String> nameOf;
        if (byCatalog != null) {
            segmentOf = byCatalog::segmentOf;
            nameOf = byCatalog.names()::get;
        } else {
            NameDictionary values = log.segments();
            int none = values.size();
            int empty = values.find("");
            segmentOf = j -> j.segment() == LogJourney.NONE || j.segment() == empty ? none : j.segment();
            nameOf = id -> id == none ? "(none)" : values.name(id);
        }
        Map<String, FunnelResult> out = new TreeMap<>();
        funnel.bySegment(log, rules, THREADS, segmentOf, id -> SegmentKey.of(nameOf.apply(id))).asMap()
                .forEach((k, r) -> out.put(k.part(0), r));
        return out;
    }

    /** Counts every journey into the path variants and the transition graph. */
    void paths(PathVariants variants, TransitionGraph graph) {
        variants.acceptAll(log, rules, THREADS);
        graph.acceptAll(log, rules, THREADS);
    }

    /** Deletes any spilled runs of the log. */
    @Override
    public void close() {
        log.close();
    }

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
