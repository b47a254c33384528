package io.cxkit.journey.funnel;

import io.cxkit.core.Check;
import io.cxkit.core.JourneyStage;
import io.cxkit.journey.JourneyEvent;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One step of a {@link Funnel}: a named test on a {@link JourneyEvent}. Steps match a touchpoint,
 * a journey stage, an outcome, or any predicate.
 *
 * <p>Over an {@link io.cxkit.journey.EventLog}, touchpoint, stage and outcome steps are compared
 * as the log's ids (compiled once per log); only predicate steps see the event as an object.
 *
 * <p>Two steps are equal when their names and kinds agree, for stage steps the stage's order too,
 * and for predicate steps the predicate is the same object.
 */
public final class FunnelStep {
    private final String name;
    private final String kind;
    private final String target;
    private final Predicate<JourneyEvent> test;
    private final int stageOrder;

    private FunnelStep(String name, String kind, String target, Predicate<JourneyEvent> test) {
        this(name, kind, target, test, -1);
    }

    private FunnelStep(String name, String kind, String target, Predicate<JourneyEvent> test, int stageOrder) {
        this.name = name;
        this.kind = kind;
        this.target = target;
        this.test = test;
        this.stageOrder = stageOrder;
    }

    /**
     * A step reached by visiting a touchpoint; named after it.
     *
     * @param touchpoint the touchpoint id; not blank
     * @return the step
     */
    public static FunnelStep ofTouchpoint(String touchpoint) {
        Check.notBlank(touchpoint, "funnel step touchpoint");
        return new FunnelStep(touchpoint, "touchpoint", touchpoint, e -> e.touchpoint().equals(touchpoint));
    }

    /**
     * A step reached by an event in a journey stage; named after the stage.
     *
     * @param stage the stage; not null
     * @return the step
     */
    public static FunnelStep ofStage(JourneyStage stage) {
        Check.notNull(stage, "stage");
        return new FunnelStep(stage.name(), "stage", stage.name(),
                e -> e.stage().isPresent() && e.stage().get().equals(stage), stage.order());
    }

    /**
     * A step reached by an event with an outcome; named after the outcome.
     *
     * @param outcome the outcome; not blank
     * @return the step
     */
    public static FunnelStep ofOutcome(String outcome) {
        Check.notBlank(outcome, "funnel step outcome");
        return new FunnelStep(outcome, "outcome", outcome,
                e -> e.outcome().isPresent() && e.outcome().get().equals(outcome));
    }

    /**
     * A step reached by an event the predicate accepts.
     *
     * @param name the step name; not blank
     * @param predicate the test; not null
     * @return the step
     */
    public static FunnelStep of(String name, Predicate<JourneyEvent> predicate) {
        Check.notBlank(name, "funnel step name");
        Check.notNull(predicate, "predicate");
        return new FunnelStep(name, "predicate", name, predicate);
    }

    /**
     * The step's name, unique within a funnel.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * What the step matches: {@code touchpoint}, {@code stage}, {@code outcome} or
     * {@code predicate}.
     *
     * @return the kind
     */
    public String kind() {
        return kind;
    }

    /**
     * The touchpoint id, stage name or outcome the step matches (its name for predicate steps).
     *
     * @return the target
     */
    public String target() {
        return target;
    }

    /** The matched stage's order for a stage step (stages equal by name and order), else -1. */
    int stageOrder() {
        return stageOrder;
    }

    /**
     * Whether the event reaches this step.
     *
     * @param e the event
     * @return true if it matches
     */
    public boolean matches(JourneyEvent e) {
        return test.test(e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunnelStep s && s.name.equals(name) && s.kind.equals(kind)
                && s.target.equals(target) && s.stageOrder == stageOrder && (!kind.equals("predicate") || s.test == test);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, target);
    }

    /**
     * Returns e.g. {@code touchpoint:checkout}, or {@code predicate:big order}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return kind + ":" + name;
    }
}
