package org.scalestudy.report;

/**
 * The report stage's one-time set-up, started on a background thread at the beginning of a build, so that it runs
 * while the study is parsed, checked and fitted instead of after them: FreeMarker's configuration and the parsed
 * page templates ({@link PageRenderer#prepare}), and the Jackson mapper that writes results.json with its
 * serializers for {@code StudyResult} ({@link JsonSupport#prepare}). A one-fit build spends most of its time starting up, and this
 * set-up is the largest single part of its report stage (docs/benchmarks.md, "Start-up").
 *
 * <p>It writes nothing and changes no output: the site is the same bytes with it or without it. Whatever it has
 * not finished when the report stage needs it is waited for or done there (class initialisation and the caches
 * it fills are thread-safe), and a failure here is left for the report stage to meet and report.
 */
public final class ReportWarmUp {
    private ReportWarmUp() {
    }

    /** Starts the set-up on a daemon thread and returns at once. */
    public static void start() {
        Thread thread = new Thread(ReportWarmUp::prepare, "scalestudy-report-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void prepare() {
        try {
            PageRenderer.prepare();
            JsonSupport.prepare();
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            // the report stage meets the same failure and reports it
        }
    }
}
