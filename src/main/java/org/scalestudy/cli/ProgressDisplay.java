package org.scalestudy.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalestudy.run.Progress;

/**
 * Shows how far a build's fits are. On a terminal: one line, rewritten in place (carriage return) at most
 * ten times a second, e.g. {@code fits 4,210/10,000 (3,900 cached)}. Elsewhere (a pipe, a CI log): a plain
 * line at each tenth of the way when a build has {@value #PLAIN_MINIMUM} fits or more, so logs stay short. A fit
 * that runs long (no fit finished for {@value #QUIET_SECONDS} s) is shown too, see {@link #tick}.
 */
final class ProgressDisplay implements Progress {
    static final int PLAIN_MINIMUM = 100;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger cached = new AtomicInteger();
    private volatile int total;
    private int lastTenth;
    private long lastDraw;
    private boolean drawn;
    static final long QUIET_SECONDS = 5;
    static final long PLAIN_EVERY_SECONDS = 30;
    private long lastProgress;
    private long lastPlainQuiet;
    private Thread ticker;

    ProgressDisplay(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void started(int totalFits) {
        total = totalFits;
        lastProgress = System.nanoTime();
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1_000);
                    tick(System.nanoTime());
                }
            } catch (InterruptedException stopped) {
                // finished
            }
        }, "scalestudy-progress");
        t.setDaemon(true);
        ticker = t;
        t.start();
    }

    /**
     * While no fit has finished for {@value #QUIET_SECONDS} s (a long fit, e.g. a large bootstrap), says so: on
     * a terminal the line is redrawn every second with the time since the last fit finished; elsewhere a plain
     * line every {@value #PLAIN_EVERY_SECONDS} s.
     */
    synchronized void tick(long now) {
        long quiet = (now - lastProgress) / 1_000_000_000L;
        if (quiet < QUIET_SECONDS || done.get() >= total) {
            return;
        }
        String line = line(done.get()) + ", fitting: " + quiet + " s since the last fit finished";
        if (terminal) {
            out.print("\r" + line + "   ");
            out.flush();
            drawn = true;
        } else if (quiet / PLAIN_EVERY_SECONDS > lastPlainQuiet / PLAIN_EVERY_SECONDS) {
            out.println(line);
        }
        lastPlainQuiet = quiet;
    }

    @Override
    public void fitDone(boolean fromCache) {
        if (fromCache) {
            cached.incrementAndGet();
        }
        int now = done.incrementAndGet();
        synchronized (this) {
            lastProgress = System.nanoTime();
            lastPlainQuiet = 0;
            if (terminal) {
                long t = System.nanoTime();
                if (!drawn || t - lastDraw >= REDRAW_NANOS) {
                    lastDraw = t;
                    drawn = true;
                    out.print("\r" + line(now) + "   ");
                    out.flush();
                }
            } else if (total >= PLAIN_MINIMUM) {
                int tenth = (int) (10L * now / total);
                if (tenth > lastTenth && tenth < 10) {
                    lastTenth = tenth;
                    out.println(line(now));
                }
            }
        }
    }

    @Override
    public synchronized void finished() {
        if (ticker != null) {
            ticker.interrupt();
        }
        if (terminal && drawn) {
            out.print("\r" + line(done.get()) + "   \n");
            out.flush();
        }
    }

    String line(int now) {
        return String.format(Locale.ROOT, "fits %,d/%,d (%,d cached)", now, total, cached.get());
    }
}
