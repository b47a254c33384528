package io.cxkit.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The sorted runs an {@link EventLog.Builder} spills to disk past its memory budget, and their
 * k-way merge. A run is a sequence of customer blocks in customer-name order: the customer's
 * dictionary id and event count ({@code int}, {@code int}), then each event in (time, input order):
 * time ({@code long}), touchpoint ({@code int}), channel and stage ({@code short}s), a flags byte
 * (1 outcome, 2 value, 4 case id, 8 segment) and the fields it flags ({@code int}, {@code double},
 * {@code int}, {@code int}).
 * Runs are numbered in input order, so among events of one customer at one instant the earlier run
 * holds the earlier input.
 */
final class SpillRuns {
    /** Bytes of the read and write buffer of one run. */
    static final int BUFFER = 1 << 16;
    private static final int MAX_EVENT = 8 + 4 + 2 + 2 + 1 + 4 + 8 + 4 + 4;

    private SpillRuns() {
    }

    static UncheckedIOException failure(String what, Path file, IOException e) {
        return new UncheckedIOException("event log spill could not " + what + " in temp directory "
                + file.toAbsolutePath().getParent() + ": " + e, e);
    }

    /** Writes one run file. */
    static final class Writer implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        private final long[] bytes;

        Writer(Path directory, long[] bytes) {
            this.bytes = bytes;
            try {
                this.file = java.nio.file.Files.createTempFile(directory, "cxkit-events-", ".run");
            } catch (IOException e) {
                throw failure("create a run file", directory.resolve("run"), e);
            }
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                delete(file);
                throw failure("open run file " + file.getFileName(), file, e);
            }
        }

        Path file() {
            return file;
        }

        void block(int customer, int count) {
            room(8);
            buf.putInt(customer).putInt(count);
        }

        /**
         * Writes event {@code k} of {@code sorted}, reading its optional fields from {@code cols} only
         * when it is marked in {@code optional}.
         */
        void event(EventBuffer.Sorted sorted, int k, EventColumns cols, long[] optional) {
            int e = sorted.source[k];
            room(MAX_EVENT);
            buf.putLong(sorted.time[k]).putInt(sorted.touchpoint[k]).putShort(sorted.channel[k]);
            if (EventColumns.marked(optional, e)) {
                optionalFields(cols, e);
            } else {
                buf.putShort((short) EventLog.NONE).put((byte) 0);
            }
        }

        void event(EventColumns cols, int e) {
            room(MAX_EVENT);
            buf.putLong(cols.timeAt(e)).putInt(cols.touchpointAt(e)).putShort((short) cols.channelAt(e));
            optionalFields(cols, e);
        }

        /** The stage, the flags byte and the flagged fields of event {@code e}. */
        private void optionalFields(EventColumns cols, int e) {
            buf.putShort((short) cols.stageAt(e));
            int o = cols.outcomeAt(e);
            double v = cols.valueAt(e);
            int c = cols.caseAt(e);
            int g = cols.segmentAt(e);
            buf.put((byte) ((o != EventLog.NONE ? 1 : 0) | (Double.isNaN(v) ? 0 : 2) | (c != EventLog.NONE ? 4 : 0)
                    | (g != EventLog.NONE ? 8 : 0)));
            if (o != EventLog.NONE) {
                buf.putInt(o);
            }
            if (!Double.isNaN(v)) {
                buf.putDouble(v);
            }
            if (c != EventLog.NONE) {
                buf.putInt(c);
            }
            if (g != EventLog.NONE) {
                buf.putInt(g);
            }
        }

        private void room(int n) {
            if (buf.remaining() < n) {
                flush();
            }
        }

        private void flush() {
            buf.flip();
            try {
                while (buf.hasRemaining()) {
                    bytes[0] += channel.write(buf);
                }
            } catch (IOException e) {
                throw failure("write run file " + file.getFileName(), file, e);
            }
            buf.clear();
        }

        @Override
        public void close() {
            flush();
            try {
                channel.close();
            } catch (IOException e) {
                throw failure("close run file " + file.getFileName(), file, e);
            }
        }
    }

    /** Reads one run file block by block. */
    static final class Reader implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        private boolean eof;
        int customer;
        int rank;
        int remaining;
        final int index;

        Reader(Path file, int index) {
            this.file = file;
            this.index = index;
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw failure("open run file " + file.getFileName(), file, e);
            }
            buf.flip();
        }

        /** Reads the next block header; false at the end of the run. */
        boolean nextBlock(int[] ranks) {
            if (!fill(8)) {
                return false;
            }
            customer = buf.getInt();
            remaining = buf.getInt();
            rank = ranks[customer];
            return true;
        }

        /** Appends the current block's events to {@code into}. */
        void readBlock(EventColumns into) {
            for (; remaining > 0; remaining--) {
                if (!fill(MAX_EVENT) && buf.remaining() < 17) {
                    throw failure("read run file " + file.getFileName(), file, new IOException("truncated run"));
                }
                long t = buf.getLong();
                int tp = buf.getInt();
                int ch = buf.getShort();
                int st = buf.getShort();
                int flags = buf.get();
                int o = (flags & 1) != 0 ? buf.getInt() : EventLog.NONE;
                double v = (flags & 2) != 0 ? buf.getDouble() : Double.NaN;
                int c = (flags & 4) != 0 ? buf.getInt() : EventLog.NONE;
                int g = (flags & 8) != 0 ? buf.getInt() : EventLog.NONE;
                into.add(t, tp, ch, st, o, v, c, g);
            }
        }

        /** Makes at least {@code n} bytes readable if the file has them; false if it has fewer. */
        private boolean fill(int n) {
            if (buf.remaining() >= n) {
                return true;
            }
            if (eof) {
                return false;
            }
            buf.compact();
            try {
                while (buf.position() < n) {
                    if (channel.read(buf) < 0) {
                        eof = true;
                        break;
                    }
                }
            } catch (IOException e) {
                throw failure("read run file " + file.getFileName(), file, e);
            } finally {
                buf.flip();
            }
            return buf.remaining() >= n;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw failure("close run file " + file.getFileName(), file, e);
            }
        }
    }

    /**
     * The k-way merge of runs: customer by customer in rank order, each customer's events from all
     * runs gathered in run order and stably sorted by time, so (customer, time, input order).
     */
    static final class Cursor implements AutoCloseable {
        private final int[] ranks;
        private final Reader[] heap;
        private int heapSize;
        private final List<Reader> all = new ArrayList<>();
        private final EventColumns gathered = new EventColumns();
        private int[] perm = new int[16];
        private int[] scratch = new int[16];
        int customer;
        int rank;

        Cursor(List<Path> runs, int[] ranks) {
            this.ranks = ranks;
            this.heap = new Reader[runs.size()];
            try {
                for (int i = 0; i < runs.size(); i++) {
                    Reader r = new Reader(runs.get(i), i);
                    all.add(r);
                    if (r.nextBlock(ranks)) {
                        push(r);
                    }
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        /** Fills {@code into} (cleared first) with the next customer's sorted events; false at the end. */
        boolean next(EventColumns into) {
            if (heapSize == 0) {
                return false;
            }
            rank = heap[0].rank;
            customer = heap[0].customer;
            Reader first = pop();
            if (heapSize == 0 || heap[0].rank != rank) { // one run holds this customer: no sort
                into.clear();
                first.readBlock(into);
                if (first.nextBlock(ranks)) {
                    push(first);
                }
                return true;
            }
            gathered.clear();
            first.readBlock(gathered);
            if (first.nextBlock(ranks)) {
                push(first);
            }
            while (heapSize > 0 && heap[0].rank == rank) {
                Reader r = pop();
                r.readBlock(gathered);
                if (r.nextBlock(ranks)) {
                    push(r);
                }
            }
            into.clear();
            int n = gathered.size();
            if (perm.length < n) {
                perm = new int[Math.max(n, perm.length * 2)];
                scratch = new int[perm.length];
            }
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            IntSorts.stableSort(perm, 0, n, scratch, (x, y) -> Long.compare(gathered.timeAt(x), gathered.timeAt(y)));
            for (int i = 0; i < n; i++) {
                into.addFrom(gathered, perm[i]);
            }
            return true;
        }

        private static boolean less(Reader a, Reader b) {
            return a.rank < b.rank || (a.rank == b.rank && a.index < b.index);
        }

        private void push(Reader r) {
            int i = heapSize++;
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (!less(r, heap[p])) {
                    break;
                }
                heap[i] = heap[p];
                i = p;
            }
            heap[i] = r;
        }

        private Reader pop() {
            Reader top = heap[0];
            Reader last = heap[--heapSize];
            heap[heapSize] = null;
            if (heapSize > 0) {
                int i = 0;
                while (true) {
                    int c = 2 * i + 1;
                    if (c >= heapSize) {
                        break;
                    }
                    if (c + 1 < heapSize && less(heap[c + 1], heap[c])) {
                        c++;
                    }
                    if (!less(heap[c], last)) {
                        break;
                    }
                    heap[i] = heap[c];
                    i = c;
                }
                heap[i] = last;
            }
            return top;
        }

        @Override
        public void close() {
            RuntimeException first = null;
            for (Reader r : all) {
                try {
                    r.close();
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /**
     * The run files of a spilled log or builder, in input order with their merge levels; deletes
     * them when run (close, garbage collection through a {@code Cleaner}, or JVM exit), unless
     * handed over to the log.
     */
    static final class Files implements Runnable {
        final Path directory;
        final List<Path> files = new ArrayList<>();
        final List<Integer> levels = new ArrayList<>();
        volatile boolean handedOver;

        Files(Path directory) {
            this.directory = directory;
        }

        void add(Path file, int level) {
            files.add(file);
            levels.add(level);
            file.toFile().deleteOnExit();
        }

        /**
         * While the last {@code fanIn} runs share a level, merges them into one run of the next
         * level (runs are contiguous in input order, so the merged run keeps input order).
         */
        void mergeTail(int fanIn, int[] rank, long[] bytes) {
            while (files.size() >= fanIn) {
                int n = files.size();
                int level = levels.get(n - 1);
                if (!levels.get(n - fanIn).equals(level)) {
                    return;
                }
                List<Path> group = new ArrayList<>(files.subList(n - fanIn, n));
                EventColumns one = new EventColumns();
                try (Cursor c = new Cursor(group, rank); Writer w = new Writer(directory, bytes)) {
                    add(w.file(), level + 1);
                    while (c.next(one)) {
                        w.block(c.customer, one.size());
                        for (int e = 0; e < one.size(); e++) {
                            w.event(one, e);
                        }
                    }
                }
                for (int k = 0; k < fanIn; k++) {
                    delete(files.remove(n - fanIn));
                    levels.remove(n - fanIn);
                }
            }
        }

        @Override
        public void run() {
            if (!handedOver) {
                files.forEach(SpillRuns::delete);
                files.clear();
            }
        }
    }

    static void delete(Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: the caller is already failing or done with the run
        }
    }
}
