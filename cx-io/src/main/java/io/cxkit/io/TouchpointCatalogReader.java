package io.cxkit.io;

import io.cxkit.core.Channel;
import io.cxkit.core.Check;
import io.cxkit.core.CxArea;
import io.cxkit.core.JourneyStage;
import io.cxkit.core.Touchpoint;
import io.cxkit.core.TouchpointCatalog;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a touchpoint catalog file: one row per touchpoint with its channel, journey stage and CX
 * area, e.g.
 *
 * <pre>
 * touchpoint,channel,stage,area,name
 * checkout,web,purchase,sales,Checkout page
 * hotline,phone,support,support,Support hotline
 * billing-portal,web,retention,supporting systems,
 * </pre>
 *
 * <p>Columns (found by name, in any order, case-insensitively): {@code touchpoint}, {@code channel},
 * {@code stage} and {@code area} are required; {@code name} (a readable name, the id when empty)
 * and {@code stage_order} (the position of a stage that is not one of the seven default stages)
 * are optional. A stage is a default stage's name ({@code awareness, consideration, purchase,
 * onboarding, support, retention, advocacy}) or any name with a {@code stage_order}; an area is one
 * of cx-core's {@link CxArea} areas (marketing, sales, product, supporting systems, integrations,
 * support, policies; spaces, underscores or hyphens between words). A row with an empty field, an
 * unknown stage or area, or a touchpoint already given on an earlier row follows the
 * {@link ErrorPolicy}: {@code FAIL} stops at it with file, line, column and value; {@code SKIP}
 * leaves it out and lists it in {@link ReadSummary#rejected()} (the first row of
 * a repeated touchpoint is kept). A file without data rows is bad input.
 */
public final class TouchpointCatalogReader {
    private static final String[] REQUIRED = {"touchpoint", "channel", "stage", "area"};

    /**
     * The catalog read and what the reading counted.
     *
     * @param catalog the touchpoints accepted
     * @param read rows read, accepted and rejected, and the column that fed each field
     */
    public record Catalog(TouchpointCatalog catalog, ReadSummary read) {
        /**
         * Checks the components.
         *
         * @param catalog the catalog
         * @param read the summary
         */
        public Catalog {
            Check.notNull(catalog, "catalog");
            Check.notNull(read, "read");
        }
    }

    private final ErrorPolicy errors;
    private final SourceOptions sourceOptions;
    private final InputFormat format;

    private TouchpointCatalogReader(Builder b) {
        this.errors = b.errors;
        this.sourceOptions = b.source();
        this.format = b.format;
    }

    /**
     * A builder (error policy, format and source limits as for every reader).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return the catalog
     * @throws BadInputException for bad input
     */
    public Catalog read(Path file) {
        return EventFiles.read(file, format, this::read);
    }

    /**
     * Reads a stream (not closed).
     *
     * @param in the bytes
     * @param source the name used in messages
     * @param format the format
     * @return the catalog
     * @throws BadInputException for bad input
     */
    public Catalog read(InputStream in, String source, InputFormat format) {
        Check.notNull(in, "in");
        try (RowSource rows = sourceOptions.open(in, source, Check.notNull(format, "format"))) {
            List<String> header = new ArrayList<>(rows.columns());
            boolean json = rows instanceof JsonSource;
            Map<String, String> used = new LinkedHashMap<>();
            List<String> selected = new ArrayList<>();
            for (String field : REQUIRED) {
                String col = SurvivalReader.column(header, field, field, source, json);
                selected.add(col);
                used.put(field, col);
            }
            int name = optional(header, "name", selected, used);
            int order = optional(header, "stage_order", selected, used);
            rows.select(selected);
            Map<String, Touchpoint> byId = new LinkedHashMap<>();
            ReadSummary s = EventFiles.loop(rows, source, selected, used, errors, cells -> {
                String id = required(cells, 0, "touchpoint");
                if (byId.containsKey(id)) {
                    throw new EventFiles.Rule("repeated touchpoint", "touchpoint '" + id
                            + "' is already in the catalog (an earlier row)");
                }
                Channel channel = Channel.of(required(cells, 1, "channel"));
                String orderText = order < 0 ? "" : cells.get(order).strip();
                String stageName = required(cells, 2, "stage");
                JourneyStage stage = stage(stageName, orderText, cells, order);
                CxArea area = area(required(cells, 3, "area"));
                String label = name < 0 ? "" : cells.get(name).strip();
                byId.put(id, Touchpoint.of(id, label.isEmpty() ? id : label, channel, stage, area));
            });
            return new Catalog(TouchpointCatalog.of(byId.values()), s);
        }
    }

    private static int optional(List<String> header, String field, List<String> selected, Map<String, String> used) {
        int i = ColumnMapping.find(header, field);
        if (i < 0) {
            return -1;
        }
        selected.add(header.get(i));
        used.put(field, header.get(i));
        return selected.size() - 1;
    }

    private static String required(EventFiles.Cells cells, int i, String what) {
        String v = cells.get(i).strip();
        if (v.isEmpty()) {
            throw new EventFiles.Rule("empty " + what, what + " is empty");
        }
        return v;
    }

    private static JourneyStage stage(String name, String orderText, EventFiles.Cells cells, int orderColumn) {
        for (JourneyStage d : JourneyStage.defaults()) {
            if (d.name().equalsIgnoreCase(name) && orderText.isEmpty()) {
                return d;
            }
        }
        if (orderText.isEmpty()) {
            throw new EventFiles.Rule("unknown stage", "stage must be one of " + defaultNames()
                    + ", or give its position in a stage_order column: '" + name + "'");
        }
        cells.get(orderColumn);
        int order;
        try {
            order = Integer.parseInt(orderText);
        } catch (NumberFormatException e) {
            throw new EventFiles.Rule("bad stage order", "stage_order must be a whole number >= 0: '" + orderText + "'");
        }
        if (order < 0) {
            throw new EventFiles.Rule("bad stage order", "stage_order must be a whole number >= 0: " + order);
        }
        return JourneyStage.of(name.toLowerCase(Locale.ROOT), order);
    }

    private static String defaultNames() {
        StringBuilder sb = new StringBuilder();
        for (JourneyStage d : JourneyStage.defaults()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(d.name());
        }
        return sb.toString();
    }

    private static CxArea area(String text) {
        try {
            return CxArea.parse(text);
        } catch (IllegalArgumentException e) {
            throw new EventFiles.Rule("unknown area", e.getMessage());
        }
    }

    /** Options of a {@link TouchpointCatalogReader}. */
    public static final class Builder extends ReaderOptions<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public TouchpointCatalogReader build() {
            return new TouchpointCatalogReader(this);
        }
    }
}
