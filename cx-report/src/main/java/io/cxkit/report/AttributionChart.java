package io.cxkit.report;

import io.cxkit.core.Check;
import io.cxkit.journey.attribution.AttributionModelResult;
import io.cxkit.journey.attribution.TouchpointCredit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Conversions credited to each touchpoint, one bar per attribution model (grouped by touchpoint),
 * so the models can be compared side by side.
 */
public final class AttributionChart {
    private static final int WIDTH = 760;

    private AttributionChart() {
    }

    /**
     * Draws the credits.
     *
     * @param results one result per model, over the same journeys, in the order to draw them
     * @return the chart, id {@code attribution}
     * @throws IllegalArgumentException if the list is empty, the results disagree on the journeys or
     *     there are no conversions
     */
    public static Chart of(List<AttributionModelResult> results) {
        Check.notNull(results, "results");
        if (results.isEmpty()) {
            throw new IllegalArgumentException("results must hold at least one attribution result: " + results);
        }
        AttributionModelResult first = results.get(0);
        for (AttributionModelResult r : results) {
            if (r.journeys() != first.journeys() || r.conversions() != first.conversions()) {
                throw new IllegalArgumentException("attribution results must be over the same journeys: "
                        + first.model().label() + " has " + first.journeys() + " journeys and " + first.conversions()
                        + " conversions, " + r.model().label() + " has " + r.journeys() + " and " + r.conversions());
            }
        }
        if (first.conversions() == 0) {
            throw new IllegalArgumentException("attribution has no conversions to credit: conversions = 0 over "
                    + first.journeys() + " journeys");
        }
        TreeSet<String> tps = new TreeSet<>();
        List<TreeMap<String, Double>> credit = new ArrayList<>();
        double max = 0;
        for (AttributionModelResult r : results) {
            TreeMap<String, Double> m = new TreeMap<>();
            for (TouchpointCredit c : r.credits()) {
                tps.add(c.touchpoint());
                if (Double.isFinite(c.conversions())) {
                    m.put(c.touchpoint(), c.conversions());
                    max = Math.max(max, c.conversions());
                }
            }
            credit.add(m);
        }
        // Touchpoints by their credit under the first model, highest first; ties by name.
        List<String> order = new ArrayList<>(tps);
        order.sort((a, b) -> {
            int c = Double.compare(credit.get(0).getOrDefault(b, 0.0), credit.get(0).getOrDefault(a, 0.0));
            return c != 0 ? c : a.compareTo(b);
        });
        int k = results.size();
        double barH = 9;
        double groupH = k * barH + 12;
        double left = 150;
        double right = WIDTH - 80;
        double top = 44;
        double bottom = top + order.size() * groupH;
        int height = (int) Math.ceil(bottom + 44);
        String title = "Attribution of conversions to touchpoints";
        String id = "attribution";
        Svg s = new Svg(id, WIDTH, height, title);
        List<String[]> legend = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            legend.add(new String[] {"bar", Palette.series(i), results.get(i).model().label()});
        }
        Axes.legend(s, left, 20, legend);
        double[] dom = Scale.niceDomain(0, Math.max(max, 1e-9), 5);
        Scale x = Scale.linear(0, dom[1], left, right);
        double step = x.tickStep(5);
        Axes.x(s, x, top, bottom, x.ticks(5), v -> Num.tick(v, step), "conversions credited");
        List<String> headers = new ArrayList<>(List.of("touchpoint"));
        results.forEach(r -> headers.add(r.model().label()));
        Table table = new Table(title + ": credited conversions per touchpoint and model", headers.toArray(new String[0]));
        for (int g = 0; g < order.size(); g++) {
            String tp = order.get(g);
            double y0 = top + g * groupH + 6;
            s.text(left - 8, y0 + k * barH / 2 + 4, "end", Axes.fit(tp, 22), "fill", Palette.INK);
            List<String> cells = new ArrayList<>(List.of(tp));
            for (int i = 0; i < k; i++) {
                Double v = credit.get(i).get(tp);
                String model = results.get(i).model().label();
                s.open("g", "class", v == null ? "credit missing" : "credit", "data-touchpoint", tp, "data-model",
                        model);
                if (v == null) {
                    s.title(tp + ", " + model + ": no credit computed");
                    s.text(left + 4, y0 + i * barH + 8, "start", "n/a", "fill", Palette.MUTED, "font-size", "9");
                    cells.add("n/a");
                } else {
                    s.title(tp + ", " + model + ": " + Num.fixed(v, 2) + " conversions ("
                            + Num.pct(v / first.conversions()) + ")");
                    s.rect(left, y0 + i * barH, x.map(v) - left, barH - 1, Palette.series(i), "class", "bar");
                    cells.add(Num.fixed(v, 2));
                }
                s.close("g");
            }
            table.row(cells.toArray(new String[0]));
        }
        List<String> totals = new ArrayList<>(List.of("total"));
        for (TreeMap<String, Double> m : credit) {
            totals.add(Num.fixed(m.values().stream().mapToDouble(Double::doubleValue).sum(), 2));
        }
        table.row(totals.toArray(new String[0]));
        StringBuilder notes = new StringBuilder();
        for (AttributionModelResult r : results) {
            if (!r.note().isEmpty()) {
                notes.append(' ').append(r.model().label()).append(": ").append(r.note()).append('.');
            }
        }
        String caption = title + ": " + Num.count(first.conversions()) + " conversions over "
                + Num.count(first.journeys()) + " journeys, credited to " + order.size() + " touchpoints by "
                + k + " model" + (k == 1 ? "" : "s") + " (" + String.join(", ", results.stream()
                .map(r -> r.model().label()).toList()) + "); under every model the credits add up to the "
                + "conversions. Model outputs, not estimates from a sample: no interval." + notes;
        return new Chart(id, title, s.desc(caption).done(), caption, table.html());
    }
}
