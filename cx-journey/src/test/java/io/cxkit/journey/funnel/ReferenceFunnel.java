package io.cxkit.journey.funnel;

import io.cxkit.journey.CustomerJourney;
import io.cxkit.journey.JourneyEvent;
import java.util.Arrays;
import java.util.List;

/**
 * The reference oracle for the funnel: the object-path step matching exactly as it was before the
 * funnel ran over the event log (a verbatim copy of the former {@code Funnel.match}, over
 * {@link JourneyEvent} objects and {@link java.time.Instant#toEpochMilli()}), feeding the counts
 * into {@link FunnelAccumulator#acceptReached(int, long[])}. The equality properties compare it
 * with the log path on random logs.
 */
final class ReferenceFunnel {
    private ReferenceFunnel() {
    }

    /** The funnel over the journeys, counted by the former object-path matcher. */
    static FunnelResult run(Funnel funnel, Iterable<CustomerJourney> journeys) {
        FunnelAccumulator acc = funnel.accumulator();
        long[] times = new long[funnel.steps().size()];
        for (CustomerJourney j : journeys) {
            acc.acceptReached(match(funnel, j.events(), times), times);
        }
        return acc.result();
    }

    /** The former {@code Funnel.match}: steps reached, with their epoch-millisecond times in {@code times}. */
    static int match(Funnel funnel, List<JourneyEvent> events, long[] times) {
        List<FunnelStep> steps = funnel.steps();
        FunnelMode mode = funnel.mode();
        long windowMillis = funnel.window().map(java.time.Duration::toMillis).orElse(Long.MAX_VALUE);
        int k = steps.size();
        int n = events.size();
        if (mode == FunnelMode.ANY_ORDER) {
            int anchor = -1;
            for (int i = 0; i < n && anchor < 0; i++) {
                for (int s = 0; s < k; s++) {
                    if (steps.get(s).matches(events.get(i))) {
                        anchor = i;
                        break;
                    }
                }
            }
            if (anchor < 0) {
                return 0;
            }
            long deadline = deadline(events.get(anchor).time().toEpochMilli(), windowMillis);
            Arrays.fill(times, 0, k, Long.MIN_VALUE);
            for (int i = anchor; i < n; i++) {
                long t = events.get(i).time().toEpochMilli();
                if (t > deadline) {
                    break;
                }
                for (int s = 0; s < k; s++) {
                    if (times[s] == Long.MIN_VALUE && steps.get(s).matches(events.get(i))) {
                        times[s] = t;
                    }
                }
            }
            int depth = 0;
            long done = Long.MIN_VALUE;
            while (depth < k && times[depth] != Long.MIN_VALUE) {
                done = Math.max(done, times[depth]);
                times[depth] = done; // the prefix completes when its last step occurs
                depth++;
            }
            return depth;
        }
        int anchor = -1;
        for (int i = 0; i < n; i++) {
            if (steps.get(0).matches(events.get(i))) {
                anchor = i;
                break;
            }
        }
        if (anchor < 0) {
            return 0;
        }
        long t0 = events.get(anchor).time().toEpochMilli();
        long deadline = deadline(t0, windowMillis);
        times[0] = t0;
        int s = 1;
        for (int i = anchor + 1; i < n && s < k; i++) {
            JourneyEvent e = events.get(i);
            long t = e.time().toEpochMilli();
            if (t > deadline) {
                break;
            }
            if (steps.get(s).matches(e)) {
                times[s++] = t;
            } else if (mode == FunnelMode.STRICT) {
                break;
            }
        }
        return s;
    }

    private static long deadline(long t0, long windowMillis) {
        return t0 > 0 && windowMillis > Long.MAX_VALUE - t0 ? Long.MAX_VALUE : t0 + windowMillis;
    }
}
