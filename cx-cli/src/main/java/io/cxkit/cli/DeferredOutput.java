package io.cxkit.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard output held back until the command has finished: {@link Cx} writes it out only when the
 * command succeeds, so a command that fails half-way (bad input, out of memory, a bug) leaves nothing
 * on stdout rather than half a JSON document or a CSV header without rows. Memory: the size of the
 * output, which is bounded by the segment and touchpoint limits, not by the input.
 */
final class DeferredOutput extends PrintWriter {
    private final Held held;

    DeferredOutput(PrintWriter target) {
        this(new Held(target));
    }

    private DeferredOutput(Held held) {
        super(held, true);
        this.held = held;
    }

    /** Writes what is held and from now on writes straight through (for interactive commands). */
    void passThrough() {
        flush();
        held.commit();
        held.direct = true;
    }

    /** Writes what is held to the target. */
    void commit() {
        flush();
        held.commit();
    }

    /** Drops what is held, and anything written later. */
    void discard() {
        held.buf = null;
        held.direct = false;
    }

    private static final class Held extends Writer {
        private final PrintWriter target;
        private StringBuilder buf = new StringBuilder();
        private boolean direct;

        Held(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] c, int off, int len) {
            if (direct) {
                target.write(c, off, len);
            } else if (buf != null) {
                buf.append(c, off, len);
            }
        }

        @Override
        public void flush() {
            if (direct) {
                target.flush();
            }
        }

        @Override
        public void close() {
            flush();
        }

        void commit() {
            if (buf != null && buf.length() > 0) {
                target.append(buf);
                buf = new StringBuilder();
            }
            target.flush();
        }
    }
}
