package org.scalestudy.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.report.SiteBuilder;
import org.scalestudy.report.SiteOptions;
import org.scalestudy.results.StudyResult;
import org.scalestudy.run.FitCache;
import org.scalestudy.run.Pipeline;
import org.scalestudy.run.Progress;
import org.scalestudy.run.StudyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalestudy build}: studies in, site out — all of it, or nothing when any study has an error. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Check, fit and render studies into a static site.",
                "The site is written to a temporary folder and moved into place: a failed build leaves the "
                        + "previous site untouched."},
        footer = {"", "Examples:", "  scalestudy build", "  scalestudy build studies/demo.study --out /tmp/site",
                "  scalestudy build --base-url https://user.github.io/repo/"})
public final class BuildCommand implements Callable<Integer> {
    @Parameters(paramLabel = "STUDY_OR_DIR", arity = "0..*",
            description = "Study files or folders to search for *.study (default: studies/).")
    List<Path> inputs = List.of(Path.of("studies"));

    @picocli.CommandLine.Option(names = "--data-root", paramLabel = "DIR",
            description = "A folder outside the study's project that its data files may be in (repeatable).")
    List<Path> dataRoots = List.of();

    @Option(names = "--out", paramLabel = "DIR", description = "Where the site goes (default: site/).")
    Path out = Path.of("site");

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where the site will be published (e.g. https://user.github.io/repo/); used only for the "
                    + "pages' canonical and og:url links. Links between pages stay relative.")
    String baseUrl = "";

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where fits are cached (default: .scalestudy-cache/ beside the site folder).")
    Path cache;

    @Option(names = "--no-cache", description = "Fit everything again, and neither read nor write the cache.")
    boolean noCache;

    @Option(names = {"-q", "--quiet"}, description = "Print errors and warnings only: no progress, no summary.")
    boolean quiet;

    @Override
    public Integer call() {
        SiteOptions options;
        try {
            options = new SiteOptions(Version.VERSION, baseUrl);
        } catch (IllegalArgumentException e) {
            System.err.println("scalestudy: " + e.getMessage());
            return Main.USAGE;
        }
        try {
            List<StudyFiles.Entry> entries = StudyFiles.find(inputs);
            if (entries.isEmpty()) {
                System.err.println("scalestudy: no .study files in " + inputs);
                return Main.USAGE;
            }
            Pipeline.Checked checked = Pipeline.check(entries, dataRoots);
            checked.warnings().forEach(w -> System.err.println(w.format()));
            FitCache fitCache = noCache ? null : new FitCache(cacheDir(), Version.VERSION);
            Progress progress = quiet ? Progress.NONE
                    : new ProgressDisplay(System.err, System.console() != null);
            Pipeline.Run run = Pipeline.run(checked, fitCache, progress);
            List<StudyResult> results = run.results();
            new SiteBuilder(options).build(results, out);
            if (fitCache != null && fitCache.writeFailure() != null) {
                System.err.println("scalestudy: warning: " + fitCache.writeFailure());
            }
            for (StudyResult r : results) {
                for (org.scalestudy.results.FitOutcome f : r.fits()) {
                    if (!f.degenerate().isEmpty()) {
                        System.err.println(r.sourceFile() + ":" + f.line() + ": warning: fit " + f.law()
                                + (f.group().isEmpty() ? "" : " on " + f.group()) + " is degenerate"
                                + ": " + f.degenerate());
                    }
                }
            }
            if (!quiet) {
                for (StudyResult r : results) {
                    System.out.println("built " + r.sourceFile() + " -> " + out.resolve(r.slug()) + "/ ("
                            + r.fits().size() + " fit" + (r.fits().size() == 1 ? "" : "s") + ")");
                }
                System.out.println("fits: " + run.ranFits() + " run, " + run.cachedFits() + " from the cache"
                        + (fitCache == null ? " (cache off)" : "") + "; bootstrap refits: " + run.bootstrapRefits());
            }
            return 0;
        } catch (DiagnosticException e) {
            CheckCommand.report(e.diagnostics());
            return Main.STUDY_ERRORS;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("scalestudy: " + e.getMessage() + "; the previous site is untouched");
            return Main.USAGE;
        }
    }

    /** {@code --cache}, or {@code .scalestudy-cache} in the folder that holds the site folder. */
    private Path cacheDir() {
        if (cache != null) {
            return cache;
        }
        Path parent = out.toAbsolutePath().normalize().getParent();
        return (parent == null ? Path.of("") : parent).resolve(".scalestudy-cache");
    }
}
