package io.cxkit.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** A progress line on stderr for reads that take more than a second, only when stderr is a terminal. */
final class Progress implements AutoCloseable {
    private final AtomicLong bytes = new AtomicLong();
    private final Thread thread;
    private volatile boolean done;
    private volatile boolean shown;

    private Progress(Path file, long size, boolean enabled) {
        if (!enabled) {
            thread = null;
            return;
        }
        long start = System.nanoTime();
        thread = new Thread(() -> {
            while (!done) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
                if (!done && System.nanoTime() - start > 1_000_000_000L) {
                    long b = bytes.get();
                    System.err.printf(Locale.ROOT, "\rcx: reading %s  %,d of %,d MB (%d%%)   ", file.getFileName(),
                            b >> 20, size >> 20, size == 0 ? 100 : 100 * b / size);
                    shown = true;
                }
            }
        }, "cx-progress");
        thread.setDaemon(true);
        thread.start();
    }

    static Progress start(Path file, long size) {
        return new Progress(file, size, enabled(System.getenv("CX_STDERR_TTY"), System.getenv("CX_NO_PROGRESS"),
                System.console() != null));
    }

    /**
     * Java cannot test stderr for a terminal: the ./cx launcher does ({@code CX_STDERR_TTY=1|0});
     * without it, fall back to "there is a console". {@code CX_NO_PROGRESS} turns it off.
     */
    static boolean enabled(String stderrTty, String noProgress, boolean console) {
        if (noProgress != null) {
            return false;
        }
        return stderrTty != null ? stderrTty.equals("1") : console;
    }

    InputStream wrap(InputStream in) {
        if (thread == null) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytes.addAndGet(n);
                }
                return n;
            }
        };
    }

    @Override
    public void close() {
        done = true;
        if (thread != null) {
            thread.interrupt();
            if (shown) {
                System.err.print("\r" + " ".repeat(70) + "\r");
                System.err.flush();
            }
        }
    }
}
