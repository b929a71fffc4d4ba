package org.scalestudy.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scalestudy.lang.Crash;
import org.scalestudy.report.AtomicDirectory;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running preview: builds the studies into a temporary folder, serves it on 127.0.0.1, and rebuilds
 * whenever a study or a data file it names changes (polled every {@code pollMillis}; a change is built once
 * the inputs have held still for one poll, so a file caught half-written by an editor or a script is not
 * built on its own and then replaced by the next). Problems go to the
 * page (see {@link PreviewServer}) and to {@code log}. {@link #close()} stops the server and deletes the
 * temporary site.
 */
public final class Preview implements AutoCloseable {
    private final List<Path> inputs;
    private final PrintStream log;
    private final Path workDir;
    private final PreviewBuilder builder;
    private final PreviewServer server;
    private final ScheduledExecutorService watcher;
    private volatile BuildState state;
    /** The inputs' fingerprint at the last build. */
    private String fingerprint;
    /** The fingerprint the previous poll saw (null before any poll): a change is built when two polls agree. */
    private String lastPolled;

    private Preview(List<Path> inputs, int port, long pollMillis, PrintStream log, org.scalestudy.run.FitCache cache)
            throws IOException {
        this.inputs = List.copyOf(inputs);
        this.log = log;
        this.workDir = Files.createTempDirectory("scalestudy-serve-");
        this.builder = new PreviewBuilder(inputs, workDir.resolve("site"), cache);
        this.fingerprint = InputFingerprint.of(this.inputs);
        this.state = builder.build();
        report(state);
        try {
            this.server = new PreviewServer(port, builder.site(), () -> state);
        } catch (IOException e) {
            AtomicDirectory.deleteTree(workDir);
            throw new IOException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
        }
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scalestudy-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::rebuildIfChanged, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Builds once, then serves and watches.
     *
     * @param port 0 for any free port
     * @throws IOException when the port cannot be opened or no temporary folder can be made
     */
    public static Preview start(List<Path> inputs, int port, long pollMillis, PrintStream log) throws IOException {
        return start(inputs, port, pollMillis, log, null);
    }

    /** As above, taking fits from {@code cache} and storing new ones in it (null: no cache). */
    public static Preview start(List<Path> inputs, int port, long pollMillis, PrintStream log,
                                org.scalestudy.run.FitCache cache) throws IOException {
        return new Preview(inputs, port, pollMillis, log, cache);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    /** The number of builds so far (the value of {@code /__scalestudy/version}). */
    public long version() {
        return state.version();
    }

    /** One poll: rebuilds when the inputs differ from the last build's and equal what the previous poll saw. */
    synchronized void rebuildIfChanged() {
        try {
            String now = InputFingerprint.of(inputs);
            boolean settled = now.equals(lastPolled);
            lastPolled = now;
            if (settled && !now.equals(fingerprint)) {
                fingerprint = now;
                BuildState next = builder.build();
                state = next;
                report(next);
            }
        } catch (RuntimeException | Error e) {
            // Anything thrown here would cancel the watcher for good: show it and keep watching.
            log.println(Crash.line(e));
        }
    }

    private void report(BuildState s) {
        s.problems().forEach(log::println);
        log.println("[" + s.version() + "] " + s.summary());
    }

    @Override
    public void close() throws IOException {
        watcher.shutdownNow();
        try {
            watcher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        AtomicDirectory.deleteTree(workDir);
    }
}
