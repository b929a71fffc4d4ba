package org.scalestudy.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.scalestudy.lang.Crash;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.report.SiteBuilder;
import org.scalestudy.results.StudyResult;
import org.scalestudy.run.Pipeline;
import org.scalestudy.run.StudyFiles;

/**
 * Builds the previewed studies into the preview's own site folder, exactly as {@code build} would (with the
 * fit cache, so an edit refits only the fits whose inputs changed); a failed
 * build leaves the previous site in place (the site is swapped in atomically) and reports every problem.
 */
final class PreviewBuilder {
    private final List<Path> inputs;
    private final Path site;
    private final SiteBuilder siteBuilder = new SiteBuilder();
    private long builds;

    private final org.scalestudy.run.FitCache cache;

    /** @param cache where fits are cached between builds (and with {@code build}), or null for none */
    PreviewBuilder(List<Path> inputs, Path site, org.scalestudy.run.FitCache cache) {
        this.inputs = List.copyOf(inputs);
        this.site = site;
        this.cache = cache;
    }

    Path site() {
        return site;
    }

    /** Builds once; called from one thread at a time. */
    synchronized BuildState build() {
        long version = ++builds;
        try {
            List<StudyFiles.Entry> entries = StudyFiles.find(inputs);
            if (entries.isEmpty()) {
                return failed(version, List.of("no .study files in " + inputs));
            }
            Pipeline.Checked checked = Pipeline.check(entries);
            List<StudyResult> results = Pipeline.run(checked, cache, org.scalestudy.run.Progress.NONE).results();
            siteBuilder.build(results, site);
            int fits = results.stream().mapToInt(r -> r.fits().size()).sum();
            String summary = "built " + results.size() + (results.size() == 1 ? " study" : " studies") + " ("
                    + fits + (fits == 1 ? " fit" : " fits") + ")"
                    + (checked.warnings().isEmpty() ? "" : ", " + checked.warnings().size() + " warning(s)");
            return new BuildState(version, List.of(), summary);
        } catch (DiagnosticException e) {
            return failed(version, ErrorPage.of(e.diagnostics()));
        } catch (IOException | IllegalArgumentException e) {
            return failed(version, List.of("scalestudy: " + e.getMessage()));
        } catch (RuntimeException | Error e) {
            // A bug (a stack overflow included), not a study error; the preview keeps running and shows it.
            return failed(version, List.of(Crash.line(e)));
        }
    }

    private static BuildState failed(long version, List<String> problems) {
        return new BuildState(version, problems, "build failed: " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems"));
    }
}
