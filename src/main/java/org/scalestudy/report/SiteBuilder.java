package org.scalestudy.report;

import org.scalestudy.results.StudyResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * The report stage: turns built studies into a static site.
 *
 * <pre>
 * outDir/
 *   index.html                 the studies, with links, fit counts and best holdout MRE
 *   results.schema.json        the JSON Schema of every results.json (docs/results-json.md)
 *   assets/                    vega.min.js, vega-lite.min.js, vega-embed.min.js (from the jar), style.css
 *   &lt;slug&gt;/index.html          leaderboard, small multiples, data, the fits (links to their pages), source
 *   &lt;slug&gt;/fits/&lt;fit&gt;.html     a fit's charts, tables and optimisation facts; .json and .csv: its downloads
 *   &lt;slug&gt;/results.json        the StudyResult as JSON (format: docs/results-json.md)
 *   &lt;slug&gt;/&lt;file&gt;.study        the study's source text, for download
 *   &lt;slug&gt;/{data,parameters,predictions}.{csv,json}   the study's tables, for download
 *   .scalestudy-site           marks the folder as replaceable by the next build
 * </pre>
 *
 * <p><b>Offline.</b> Pages load scripts and styles by relative paths ({@code ../assets/...}) and link to each
 * other by relative paths, so the site works from {@code file://}, any sub-path of a web server, and without
 * network access.
 *
 * <p><b>Deterministic.</b> The same input gives byte-identical files: studies, fits and runs keep their input
 * order, JSON keys are sorted, numbers are formatted by {@link Numbers} (locale- and JDK-independent),
 * and nothing records a time, a user or a path outside the site.
 *
 * <p><b>Atomic.</b> The whole site is written into a temporary sibling of {@code outDir} and swapped in with
 * two renames; if anything fails first, the previous site is left as it was and the temporary folder is
 * removed. An interrupted swap is repaired by the next build. See {@link AtomicDirectory} for the protocol.
 *
 * <p><b>Safe.</b> Templates auto-escape HTML; chart specs are built as Jackson trees and embedded in
 * {@code <script type="application/json">} with {@code < > &} U+2028 U+2029 escaped ({@link JsonSupport}),
 * so no text from a study can inject markup or script.
 *
 * <p>Instances are immutable and may be reused and shared between threads (but two builds must not
 * write the same {@code outDir} at the same time).
 */
public final class SiteBuilder {

    static final String ASSETS_ON_CLASSPATH = "/org/scalestudy/report/assets/";

    /** Called after each study's files are written into the temporary folder; lets tests fail a build midway. */
    @FunctionalInterface
    interface StudyHook {
        void afterStudy(StudyResult study, Path tempSite) throws IOException;
    }

    private final PageRenderer renderer;
    private final StudyHook hook;
    private final SiteOptions options;

    /** A builder with the site layout described in the class comment, no version and no base URL. */
    public SiteBuilder() {
        this(SiteOptions.DEFAULT);
    }

    /** A builder that names {@code options.toolVersion()} in the footer and uses its base URL where needed. */
    public SiteBuilder(SiteOptions options) {
        this(options, (s, p) -> { });
    }

    SiteBuilder(StudyHook hook) {
        this(SiteOptions.DEFAULT, hook);
    }

    SiteBuilder(SiteOptions options, StudyHook hook) {
        this.renderer = new PageRenderer();
        this.options = Objects.requireNonNull(options);
        this.hook = Objects.requireNonNull(hook);
    }

    /**
     * Builds the site for {@code studies} into {@code outDir}, replacing what was there.
     *
     * @param studies the studies, in the order the index lists them; slugs must be distinct, safe folder names
     * @param outDir  the site folder; created if missing (with its parents). An existing non-empty folder is
     *                only replaced if an earlier build wrote it.
     * @throws IOException              when reading or writing files fails; {@code outDir} is unchanged
     * @throws IllegalArgumentException when a slug is unsafe or used twice; nothing is written
     * @throws IllegalStateException    when the Vega scripts or templates are missing from the classpath
     *                                  (a packaging error) or a template fails (a bug)
     */
    public void build(List<StudyResult> studies, Path outDir) throws IOException {
        Objects.requireNonNull(studies, "studies");
        Objects.requireNonNull(outDir, "outDir");
        List<StudyResult> input = List.copyOf(studies);
        SiteLayout.checkSlugs(input);
        AtomicDirectory.replace(outDir, dir -> writeSite(input, dir));
    }

    private void writeSite(List<StudyResult> studies, Path dir) throws IOException {
        writeAssets(dir.resolve(SiteLayout.ASSETS));
        Files.write(dir.resolve(ResultsJson.SCHEMA_FILE), ResultsJson.schema(), StandardOpenOption.CREATE_NEW);
        for (StudyResult study : studies) {
            writeStudy(study, dir.resolve(study.slug()));
            hook.afterStudy(study, dir);
        }
        writeText(dir.resolve(SiteLayout.INDEX), renderer.render("index.ftlh", IndexModel.of(studies, options)));
    }

    private void writeStudy(StudyResult study, Path dir) throws IOException {
        String page = renderer.render("study.ftlh", java.util.Map.of("page", StudyModel.of(study, options),
                "skipped", SkippedViews.of(study)));
        Files.createDirectories(dir);
        writeText(dir.resolve(SiteLayout.INDEX), page);
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(
                dir.resolve(SiteLayout.RESULTS), StandardOpenOption.CREATE_NEW), 1 << 16)) {
            ResultsJson.write(study, out);
        }
        for (String name : Downloads.NAMES) {
            Downloads.Sheet sheet = Downloads.sheet(name, study);
            try (java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(
                    dir.resolve(SiteLayout.csvFile(name)), StandardOpenOption.CREATE_NEW), StandardCharsets.UTF_8),
                    1 << 16)) {
                Downloads.writeCsv(sheet, out);
            }
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(
                    dir.resolve(SiteLayout.jsonFile(name)), StandardOpenOption.CREATE_NEW), 1 << 16)) {
                Downloads.writeJson(sheet, out);
            }
        }
        writeText(dir.resolve(SiteLayout.sourceFileName(study)), study.sourceText() == null ? "" : study.sourceText());
        writeFits(study, dir.resolve(SiteLayout.FITS));
    }

    /**
     * Each fit's page and downloads. A study may have ten thousand fits: the pages are written by one thread per
     * core, each fit on its own (its files depend on nothing written by another), with at most a few pages in memory
     * per thread; the bytes are the same as one thread would write.
     */
    private void writeFits(StudyResult study, Path dir) throws IOException {
        List<org.scalestudy.results.FitOutcome> fits = study.fits() == null ? List.of() : study.fits();
        if (fits.isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        List<String> names = SiteLayout.fitNames(fits);
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), fits.size()));
        if (threads == 1) {
            for (int i = 0; i < fits.size(); i++) {
                writeFit(study, i, names, dir);
            }
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scalestudy-fit-pages");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.concurrent.ExecutorCompletionService<Void> done =
                    new java.util.concurrent.ExecutorCompletionService<>(pool);
            int window = 4 * threads;
            int submitted = 0;
            int finished = 0;
            while (finished < fits.size()) {
                while (submitted < fits.size() && submitted - finished < window) {
                    int i = submitted++;
                    done.submit(() -> {
                        writeFit(study, i, names, dir);
                        return null;
                    });
                }
                done.take().get();
                finished++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing the fit pages of " + study.slug());
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fit {@code i}'s page, its JSON (the fit as results.json holds it) and its CSV (its predictions). */
    private void writeFit(StudyResult study, int i, List<String> names, Path dir) throws IOException {
        org.scalestudy.results.FitOutcome fit = study.fits().get(i);
        String name = names.get(i);
        writeText(dir.resolve(name + ".html"), renderer.render("fit.ftlh", FitModel.of(study, i, names,
                options)));
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(
                dir.resolve(SiteLayout.fitJson(name)), StandardOpenOption.CREATE_NEW), 1 << 16)) {
            ResultsJson.writeFit(fit, out);
        }
        try (java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(
                dir.resolve(SiteLayout.fitCsv(name)), StandardOpenOption.CREATE_NEW), StandardCharsets.UTF_8),
                1 << 16)) {
            Downloads.writeCsv(Downloads.predictions(List.of(fit)), out);
        }
    }

    private static void writeAssets(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String script : SiteLayout.SCRIPTS) {
            String path = ASSETS_ON_CLASSPATH + script;
            try (InputStream in = SiteBuilder.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(path + " is missing from the classpath; the Maven build puts it"
                            + " there from node_modules (npm ci, then process-resources) — build with mvn package");
                }
                Files.write(dir.resolve(script), in.readAllBytes(), StandardOpenOption.CREATE_NEW);
            }
        }
        for (String file : List.of(SiteLayout.STYLE, SiteLayout.SCRIPT)) {
            Files.write(dir.resolve(file), PageRenderer.staticFile(file), StandardOpenOption.CREATE_NEW);
        }
    }

    private static void writeText(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW);
    }
}
