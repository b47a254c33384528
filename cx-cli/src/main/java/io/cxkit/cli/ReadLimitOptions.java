package io.cxkit.cli;

import io.cxkit.io.ReadLimit;
import io.cxkit.io.ReaderOptions;
import java.util.function.IntConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The per-row read limits every reading command takes ({@code --max-columns},
 * {@code --max-field-length}, {@code --max-depth}), and the CLI words for every {@link ReadLimit}:
 * the library's messages name the builder option that raises a limit, the CLI's name the option.
 */
final class ReadLimitOptions {
    @Option(names = "--max-columns", paramLabel = "N",
            description = "most fields of a CSV row or keys of a JSON object (default 10,000)")
    Integer maxColumns;

    @Option(names = "--max-field-length", paramLabel = "N",
            description = "longest field or JSON string, in characters (default 1,000,000)")
    Integer maxFieldLength;

    @Option(names = "--max-depth", paramLabel = "N", description = "deepest JSON nesting (default 32)")
    Integer maxDepth;

    /** {@code --max-touchpoints}, for the commands that read touchpoint events. */
    static final class Touchpoints {
        @Option(names = "--max-touchpoints", paramLabel = "N",
                description = "most distinct touchpoints in the file (default 100,000)")
        Integer maxTouchpoints;

        void apply(CommandLine cl, IntConsumer setter) {
            set(cl, ReadLimit.TOUCHPOINTS, maxTouchpoints, setter);
        }
    }

    /** The CLI option of a limit. */
    static String option(ReadLimit limit) {
        return switch (limit) {
            case FIELD_LENGTH -> "--max-field-length";
            case COLUMNS -> "--max-columns";
            case NESTING_DEPTH -> "--max-depth";
            case SEGMENTS -> "--max-segments";
            case TOUCHPOINTS -> "--max-touchpoints";
        };
    }

    /** A message from the library in the CLI's words: each limit's builder option becomes its CLI option. */
    static String cliWords(String message) {
        String m = message;
        for (ReadLimit l : ReadLimit.values()) {
            m = m.replace(l.hint(), "raise it with " + option(l) + " N");
        }
        return m;
    }

    /** Applies the limits given to a reader's builder (the survey reader's too). */
    <B extends ReaderOptions<B>> B apply(CommandLine cl, B b) {
        set(cl, ReadLimit.COLUMNS, maxColumns, b::maxColumns);
        set(cl, ReadLimit.FIELD_LENGTH, maxFieldLength, b::maxFieldLength);
        set(cl, ReadLimit.NESTING_DEPTH, maxDepth, b::maxNestingDepth);
        return b;
    }

    /** Sets a limit if given; a value out of range is a usage error in the option's name. */
    static void set(CommandLine cl, ReadLimit limit, Integer value, IntConsumer setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage().replace(limit.option(), option(limit)));
        }
    }
}
