package org.scalestudy.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.scalestudy.serve.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalestudy serve}: a live preview of the site on 127.0.0.1. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Build the studies into a temporary site and serve it on 127.0.0.1 only. The site is rebuilt "
                + "when a study or a data file it names changes, and the open page reloads by itself. While a study "
                + "has errors, every page shows them (and so does the terminal). Stop with Ctrl-C.",
                "Built sites never contain the reload script; only pages served by this command do."},
        footer = {"", "Examples:", "  scalestudy serve                          # studies/ on http://127.0.0.1:8000/",
                "  scalestudy serve studies/demo.study --port 0   # any free port; the URL is printed"})
public final class ServeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "STUDY_OR_DIR", arity = "0..1",
            description = "A study file, or a folder to search for *.study (default: studies/).")
    Path input = Path.of("studies");

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000",
            description = "Port on 127.0.0.1 (default: 8000; 0 picks a free one).")
    int port;

    @Option(names = "--poll", paramLabel = "MILLIS", defaultValue = "300",
            description = "How often to look for changed files, in milliseconds (default: 300).")
    long pollMillis;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where fits are cached (default: .scalestudy-cache/, as for build).")
    Path cache = Path.of(".scalestudy-cache");

    @Option(names = "--no-cache",
            description = "Fit everything on every rebuild, and neither read nor write the cache.")
    boolean noCache;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535 || pollMillis < 10) {
            System.err.println("scalestudy: --port must be 0-65535 and --poll at least 10 ms");
            return Main.USAGE;
        }
        Preview preview;
        try {
            preview = Preview.start(List.of(input), port, pollMillis, System.err,
                    noCache ? null : new org.scalestudy.run.FitCache(cache, Version.VERSION));
        } catch (IOException e) {
            System.err.println("scalestudy: " + e.getMessage());
            return Main.USAGE;
        }
        System.out.println("serving " + input + " on " + preview.url() + " (Ctrl-C stops)");
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                preview.close();
            } catch (IOException e) {
                System.err.println("scalestudy: could not delete the preview's temporary site: " + e.getMessage());
            }
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
