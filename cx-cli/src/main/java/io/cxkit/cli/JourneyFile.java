package io.cxkit.cli;

import io.cxkit.io.InteractionReader;
import io.cxkit.io.JourneyEventReader;
import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyBuilder;
import io.cxkit.journey.JourneyEvent;
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
 * The interaction-event file of {@code cx funnel} and {@code cx paths}: read once (streaming), all
 * events held in memory because journeys group each customer's events (memory: the events of all
 * customers, about 200 bytes each), then cut into journeys.
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

        @CommandLine.Mixin
        ReadingOptions reading;
    }

    final InteractionReader.ReadSummary summary;
    final List<CustomerJourney> journeys;
    final Set<String> touchpoints;
    private final Map<JourneyEvent, String> segmentOfEvent;

    private JourneyFile(InteractionReader.ReadSummary summary, List<CustomerJourney> journeys, Set<String> touchpoints,
            Map<JourneyEvent, String> segmentOfEvent) {
        this.summary = summary;
        this.journeys = journeys;
        this.touchpoints = touchpoints;
        this.segmentOfEvent = segmentOfEvent;
    }

    static JourneyFile read(CommandLine cl, Path file, Options o, String by) {
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
        List<JourneyEvent> events = new ArrayList<>();
        Set<String> touchpoints = new TreeSet<>();
        Map<JourneyEvent, String> segments = by == null ? Map.of() : new IdentityHashMap<>();
        InteractionReader.ReadSummary s = b.build().readWithAttributes(file, (e, attrs) -> {
            events.add(e);
            touchpoints.add(e.touchpoint());
            if (by != null) {
                String v = attrs.get(by);
                segments.put(e, v.isEmpty() ? "(none)" : v);
            }
        });
        JourneyBuilder jb = JourneyBuilder.perCustomer();
        if (o.splitGap != null) {
            jb = jb.splitOnInactivity(o.splitGap.value());
        }
        if (o.byCase) {
            jb = jb.byCase();
        }
        return new JourneyFile(s, jb.build(events), touchpoints, segments);
    }

    /** A journey's segment: the {@code --by} value of its first event. */
    String segment(CustomerJourney j) {
        return segmentOfEvent.get(j.events().get(0));
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
