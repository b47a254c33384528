package io.cxkit.journey;

import io.cxkit.core.Channel;
import io.cxkit.core.ConcurrentRecorder;
import io.cxkit.core.RollingWindow;
import io.cxkit.core.SegmentKey;
import io.cxkit.core.SegmentedResult;
import io.cxkit.core.Segmentation;
import io.cxkit.core.TimeGrain;
import io.cxkit.journey.funnel.Funnel;
import io.cxkit.journey.funnel.FunnelAccumulator;
import io.cxkit.journey.funnel.FunnelResult;
import io.cxkit.journey.funnel.FunnelStepResult;
import io.cxkit.survey.trend.Alert;
import io.cxkit.survey.trend.RollingSurveyScores;
import io.cxkit.survey.ScoreCard;
import io.cxkit.survey.ScoreCardResult;
import io.cxkit.survey.SurveyQuestions;
import io.cxkit.survey.SurveyResponse;
import io.cxkit.survey.SurveyScoresResult;
import io.cxkit.survey.SurveyScores;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A live service loop, the way an application embeds cxkit (see {@code docs/live.md}): a producer
 * stands in for a message queue, two consumer threads feed survey answers and interaction events
 * (partitioned by customer), and a reader prints rolling scores, the funnel and alerts on every
 * tick. Run {@link #main} for a few seconds of output; {@code LiveServiceExampleTest} runs it short.
 *
 * <ul>
 *   <li>answers: each consumer records into one shared {@link ConcurrentRecorder} of
 *       {@link SurveyScores} (no lock between consumers); the reader moves each interval snapshot
 *       into a {@link RollingSurveyScores} (last 7 days by touchpoint, trends and alerts);
 *   <li>events: each consumer has its own {@link IncrementalJourneyBuilder} (its customers'
 *       events arrive in order), which emits finished journeys into a shared recorder of a
 *       {@link FunnelAccumulator}.
 * </ul>
 */
public final class LiveServiceExample {

    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    static final List<String> TOUCHPOINTS = List.of("home", "product_page", "cart", "checkout", "support");
    static final List<String> SURVEYED = List.of("app", "checkout", "web");
    static final JourneyBuilder RULES = JourneyBuilder.create().splitOnInactivity(Duration.ofMinutes(30))
            .splitOnOutcome(Set.of("purchased"));
    static final Funnel FUNNEL = Funnel.builder().steps("product_page", "cart", "checkout")
            .window(Duration.ofHours(1)).build();
    static final Duration LATENESS = Duration.ofHours(1);

    /** One message from the queue: an answer or an event. */
    sealed interface Message permits Answer, Event, End {
        /** The customer, which decides the consumer. */
        String customer();
    }

    /** A survey response. */
    record Answer(SurveyResponse response) implements Message {
        @Override
        public String customer() {
            return response.respondentId();
        }
    }

    /** An interaction event. */
    record Event(JourneyEvent event) implements Message {
        @Override
        public String customer() {
            return event.customerId();
        }
    }

    /** The end of the stream. */
    record End() implements Message {
        @Override
        public String customer() {
            return "";
        }
    }

    /** What the service ended with. */
    record Outcome(long answers, long events, RollingSurveyScores scores, FunnelResult funnel, List<Alert> alerts,
            int ticks, long lateEvents) {
    }

    private LiveServiceExample() {
    }

    /**
     * The simulated traffic: one message every 20 simulated seconds over {@code days} days; from
     * day 4 on, checkout's answers turn bad (so an alert should fire when day 4 closes).
     *
     * @param seed the random seed
     * @param days the simulated days
     * @return the messages in time order
     */
    static List<Message> traffic(long seed, int days) {
        Random rnd = new Random(seed);
        List<Message> out = new ArrayList<>();
        int[] progress = new int[40]; // how far down home -> product_page -> cart -> checkout each customer is
        for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(days))); t = t.plusSeconds(20)) {
            int c = rnd.nextInt(progress.length);
            String customer = "c" + c;
            if (rnd.nextInt(10) < 3) {
                String tp = SURVEYED.get(rnd.nextInt(SURVEYED.size()));
                boolean bad = tp.equals("checkout") && !t.isBefore(START.plus(Duration.ofDays(4)));
                out.add(new Answer(SurveyResponse.of(customer, t).withAttribute("touchpoint", tp)
                        .withAnswer(SurveyQuestions.NPS, bad ? rnd.nextInt(7) : 6 + rnd.nextInt(5))
                        .withAnswer(SurveyQuestions.CSAT, 2 + rnd.nextInt(4))));
            } else {
                String tp = rnd.nextInt(10) < 7 ? TOUCHPOINTS.get(progress[c]++)
                        : TOUCHPOINTS.get(rnd.nextInt(TOUCHPOINTS.size()));
                JourneyEvent e = JourneyEvent.of(customer, t, tp, rnd.nextBoolean() ? Channel.WEB : Channel.MOBILE_APP);
                if (tp.equals("checkout") || progress[c] > 3) {
                    progress[c] = 0;
                    e = rnd.nextBoolean() ? e.withOutcome("purchased") : e;
                }
                out.add(new Event(e));
            }
        }
        return out;
    }

    /**
     * Runs the service loop over the given traffic, paced to take about {@code duration}, printing
     * a report to {@code out} every {@code tick}.
     *
     * @param traffic the messages, in time order
     * @param duration about how long to take
     * @param tick how often the reader prints
     * @param out where the reader prints
     * @return the final state
     * @throws InterruptedException if interrupted
     */
    static Outcome run(List<Message> traffic, Duration duration, Duration tick, PrintStream out)
            throws InterruptedException {
        // Shared by the consumers: lock-free recording, consistent snapshots for the reader.
        RollingSurveyScores rolling = RollingSurveyScores.of(ScoreCard.create(), Segmentation.of("touchpoint"),
                RollingWindow.of(7, TimeGrain.DAY, ZoneOffset.UTC).withLateness(LATENESS));
        ConcurrentRecorder<SurveyScores, SurveyScoresResult> answers = ConcurrentRecorder.of(
                SurveyScores.of(ScoreCard.create(), rolling.snapshotSegmentation()));
        ConcurrentRecorder<FunnelAccumulator, FunnelResult> funnel = ConcurrentRecorder.of(FUNNEL.accumulator());
        AtomicReference<Instant> now = new AtomicReference<>(START);

        int consumers = 2;
        List<BlockingQueue<Message>> queues = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<IncrementalJourneyBuilder> journeyBuilders = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            BlockingQueue<Message> queue = new ArrayBlockingQueue<>(4096);
            IncrementalJourneyBuilder journeys = IncrementalJourneyBuilder.builder(RULES)
                    .knownTouchpoints(Set.copyOf(TOUCHPOINTS)).allowedLateness(Duration.ofMinutes(5))
                    .to(j -> funnel.record(FunnelAccumulator::accept, j)).build();
            journeys.check(FUNNEL);
            queues.add(queue);
            journeyBuilders.add(journeys);
            threads.add(new Thread(() -> consume(queue, answers, journeys), "consumer-" + c));
        }
        threads.forEach(Thread::start);

        Thread producer = new Thread(() -> produce(traffic, queues, now, duration), "producer");
        producer.start();
        List<Alert> alerts = new ArrayList<>();
        int ticks = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(tick.toMillis());
            ticks++;
            report(rolling, answers, funnel, now.get(), ticks, alerts, out);
        }
        producer.join();
        for (Thread t : threads) {
            t.join();
        }
        // End of stream: everything is in; close the last days too.
        now.set(now.get().plus(Duration.ofDays(1)).plus(LATENESS));
        report(rolling, answers, funnel, now.get(), ++ticks, alerts, out);
        long answerCount = traffic.stream().filter(m -> m instanceof Answer).count();
        long lateEvents = journeyBuilders.stream().mapToLong(IncrementalJourneyBuilder::lateEvents).sum();
        return new Outcome(answerCount, traffic.size() - answerCount, rolling, funnel.result(), alerts, ticks,
                lateEvents);
    }

    private static void consume(BlockingQueue<Message> queue, ConcurrentRecorder<SurveyScores, SurveyScoresResult> answers,
            IncrementalJourneyBuilder journeys) {
        try {
            while (true) {
                Message m = queue.take();
                if (m instanceof Answer a) {
                    answers.record(SurveyScores::accept, a.response());
                } else if (m instanceof Event e) {
                    journeys.accept(e.event());
                } else {
                    journeys.flush();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void produce(List<Message> traffic, List<BlockingQueue<Message>> queues,
            AtomicReference<Instant> now, Duration duration) {
        try {
            long pauseEvery = Math.max(1, traffic.size() / Math.max(1, duration.toMillis()));
            for (int i = 0; i < traffic.size(); i++) {
                Message m = traffic.get(i);
                queues.get(Math.floorMod(m.customer().hashCode(), queues.size())).put(m);
                now.set(m instanceof Answer a ? a.response().time().orElseThrow() : ((Event) m).event().time());
                if (i % pauseEvery == 0) {
                    Thread.sleep(1);
                }
            }
            for (BlockingQueue<Message> q : queues) {
                q.put(new End());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reader's tick: move the answers in, close what the clock has passed, print. */
    private static void report(RollingSurveyScores rolling, ConcurrentRecorder<SurveyScores, SurveyScoresResult> answers,
            ConcurrentRecorder<FunnelAccumulator, FunnelResult> funnel, Instant now, int tick, List<Alert> alerts,
            PrintStream out) {
        rolling.absorb(answers.intervalSnapshot());
        rolling.advanceTo(now.minus(LATENESS));
        List<Alert> fresh = rolling.pollAlerts();
        alerts.addAll(fresh);
        out.printf(Locale.ROOT, "[tick %d] %s, %d late answers%n", tick, now, rolling.lateResponses());
        SegmentedResult<ScoreCardResult> byTouchpoint = rolling.rollUp("touchpoint");
        for (Map.Entry<SegmentKey, ScoreCardResult> e : byTouchpoint.asMap().entrySet()) {
            out.printf(Locale.ROOT, "  %-9s NPS %6.1f (n=%d)  CSAT %5.1f%%%n", e.getKey().label(),
                    e.getValue().nps().estimate(), e.getValue().nps().n(), e.getValue().csat().estimate());
        }
        FunnelResult f = funnel.result();
        StringBuilder line = new StringBuilder("  funnel: ").append(f.journeys()).append(" journeys");
        for (FunnelStepResult s : f.steps()) {
            line.append(" -> ").append(s.name()).append(' ').append(s.entered());
        }
        out.println(line);
        fresh.forEach(a -> out.println("  " + a));
    }

    /**
     * Runs the example for about ten seconds, printing every two seconds.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        run(traffic(42, 6), Duration.ofSeconds(10), Duration.ofSeconds(2), System.out);
    }
}
