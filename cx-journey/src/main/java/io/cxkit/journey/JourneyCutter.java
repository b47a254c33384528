package io.cxkit.journey;

import io.cxkit.core.NameDictionary;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts one customer's time-sorted events into journeys exactly as {@link JourneyBuilder#build}
 * does (inactivity gap, ending outcome, case id) and hands each to the action as one reused
 * {@link LogJourney} view. One cutter serves one thread; its scratch arrays grow to the largest
 * customer seen and are then reused.
 */
final class JourneyCutter {
    private final LogJourney view;
    private final boolean[] ending;
    private final long gapMillis;
    private final boolean byCase;
    private final NameDictionary cases;
    private final Consumer<? super LogJourney> action;
    private EventColumns cols;
    private int[] positions = new int[16];
    private int[] scratch = new int[16];
    private int[] pieces = new int[16]; // byCase: (from, to) of each journey in positions
    private int[] order = new int[8];
    private int pieceCount;
    private boolean collect;

    JourneyCutter(EventLog log, JourneyBuilder rules, Consumer<? super LogJourney> action) {
        NameDictionary outcomes = log.outcomes();
        this.ending = new boolean[outcomes.size()];
        for (int o = 0; o < ending.length; o++) {
            ending[o] = rules.endsOn(outcomes.name(o));
        }
        this.view = new LogJourney(log);
        this.gapMillis = rules.gapMillis();
        this.byCase = rules.groupsByCase();
        this.cases = log.cases();
        this.action = action;
    }

    /** Cuts the customer whose events are {@code cols[from, to)}, sorted by (time, input order). */
    void customer(EventColumns columns, int cust, int from, int to) {
        this.cols = columns;
        if (byCase && columns.hasCases()) {
            byCase(cust, from, to);
        } else {
            cut(cust, EventLog.NONE, null, from, to);
        }
    }

    /** Cuts index range [a, b) of {@code pos} (or of the columns themselves when pos is null). */
    private void cut(int cust, int caseIndex, int[] pos, int a, int b) {
        int from = a;
        boolean outcomes = cols.hasOutcomes();
        for (int i = a; i < b; i++) {
            int e = pos == null ? i : pos[i];
            if (i > from) {
                int prev = pos == null ? i - 1 : pos[i - 1];
                if (EventLog.millis(cols.timeAt(e)) - EventLog.millis(cols.timeAt(prev)) > gapMillis) {
                    emit(cust, caseIndex, pos, from, i);
                    from = i;
                }
            }
            if (outcomes) {
                int o = cols.outcomeAt(e);
                if (o != EventLog.NONE && ending[o]) {
                    emit(cust, caseIndex, pos, from, i + 1);
                    from = i + 1;
                }
            }
        }
        if (from < b) {
            emit(cust, caseIndex, pos, from, b);
        }
    }

    private void emit(int cust, int caseIndex, int[] pos, int from, int to) {
        if (collect) {
            if (pieceCount * 2 + 2 > pieces.length) {
                pieces = Arrays.copyOf(pieces, pieces.length * 2);
            }
            pieces[pieceCount * 2] = from;
            pieces[pieceCount * 2 + 1] = to;
            pieceCount++;
            return;
        }
        view.set(cols, cust, caseIndex, pos, from, to);
        action.accept(view);
    }

    private void byCase(int cust, int from, int to) {
        int n = to - from;
        if (positions.length < n) {
            positions = new int[Math.max(n, positions.length * 2)];
            scratch = new int[positions.length];
        }
        for (int i = 0; i < n; i++) {
            positions[i] = from + i;
        }
        IntSorts.stableSort(positions, 0, n, scratch, (x, y) -> Integer.compare(cols.caseAt(x), cols.caseAt(y)));
        pieceCount = 0;
        collect = true;
        int g = 0;
        while (g < n) {
            int c = cols.caseAt(positions[g]);
            int h = g + 1;
            while (h < n && cols.caseAt(positions[h]) == c) {
                h++;
            }
            cut(cust, c, positions, g, h);
            g = h;
        }
        collect = false;
        // journeys of one customer by (start, case id as a string), stable
        if (order.length < pieceCount) {
            order = new int[Math.max(pieceCount, order.length * 2)];
        }
        for (int i = 0; i < pieceCount; i++) {
            order[i] = i;
        }
        int[] orderScratch = pieceCount <= scratch.length ? scratch : new int[pieceCount];
        IntSorts.stableSort(order, 0, pieceCount, orderScratch, (x, y) -> {
            int ex = positions[pieces[x * 2]];
            int ey = positions[pieces[y * 2]];
            int c = Long.compare(cols.timeAt(ex), cols.timeAt(ey));
            return c != 0 ? c : caseName(cols.caseAt(ex)).compareTo(caseName(cols.caseAt(ey)));
        });
        for (int k = 0; k < pieceCount; k++) {
            int p = order[k];
            int a = pieces[p * 2];
            int b = pieces[p * 2 + 1];
            view.set(cols, cust, cols.caseAt(positions[a]), positions, a, b);
            action.accept(view);
        }
    }

    private String caseName(int c) {
        return c == EventLog.NONE ? "" : cases.name(c);
    }
}
