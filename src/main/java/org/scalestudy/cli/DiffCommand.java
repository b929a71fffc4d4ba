package org.scalestudy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import org.scalestudy.diff.Builds;
import org.scalestudy.diff.Gate;
import org.scalestudy.diff.GitRevision;
import org.scalestudy.diff.MarkdownDiff;
import org.scalestudy.diff.ResultsDiff;
import org.scalestudy.diff.Tolerance;
import org.scalestudy.lang.DiagnosticException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalestudy diff}: what changed between two builds, as Markdown. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two builds and print, as Markdown fit for a pull-request comment, the fitted "
                + "parameters, errors (fit and holdout MAE, MRE, RMSE, R², n) and predictions (held-out runs, "
                + "targets) that changed, with the absolute and relative change, and the studies and fits added "
                + "or removed.",
                "A and B are each a results.json file, a site folder (its <slug>/results.json), a .study file "
                        + "(built, nothing written), or REV:STUDY, a study at a git revision (it and the data files "
                        + "it names are taken with git show and built in a temporary folder). With three "
                        + "arguments, A and B are revisions of the third, a study file."},
        footer = {"", "Examples:",
                "  scalestudy diff old-site/ site/",
                "  scalestudy diff old/demo/results.json site/demo/results.json --tolerance 1e-4",
                "  scalestudy diff HEAD~1 HEAD studies/demo.study",
                "  scalestudy diff main:studies/demo.study studies/demo.study > comment.md",
                "  scalestudy diff base-site/ site/ --fail-on-mre-increase 0.5 --fail-on-lost-fit",
                "",
                "Exit codes: 0 compared (and no --fail-on rule broken), 1 a study has errors, 2 the command could "
                        + "not run, 3 a --fail-on rule is broken (the reasons are on stderr and in the Markdown)."})
public final class DiffCommand implements Callable<Integer> {
    @Parameters(paramLabel = "A B [STUDY]", arity = "2..3",
            description = "What to compare (see above).")
    List<String> arguments;

    @Option(names = "--tolerance", paramLabel = "REL", defaultValue = "1e-6",
            description = "Relative change at or below which numbers count as equal (default: 1e-6).")
    double relative;

    @Option(names = "--abs-tolerance", paramLabel = "ABS", defaultValue = "1e-12",
            description = "Absolute change at or below which numbers count as equal (default: 1e-12).")
    double absolute;

    @Option(names = "--fail-on-mre-increase", paramLabel = "POINTS",
            description = "Exit with code 3 when a fit's holdout MRE grows by more than POINTS percentage points "
                    + "(0.5: 3.0%% -> 3.6%% fails) or becomes undefined.")
    Double mrePoints;

    @Option(names = "--fail-on-parameter-change", paramLabel = "PERCENT",
            description = "Exit with code 3 when a fitted parameter moves by more than PERCENT %% of its value "
                    + "before (from 0: any move; to or from undefined: always).")
    Double parameterPercent;

    @Option(names = "--fail-on-lost-fit",
            description = "Exit with code 3 when a fit or a study is gone, or a fit converged before and does not now.")
    boolean lostFits;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where fits of the studies it builds are cached (default: .scalestudy-cache/, as for build).")
    Path cache = Path.of(".scalestudy-cache");

    @Option(names = "--no-cache", description = "Fit every study it builds, and neither read nor write the cache.")
    boolean noCache;

    @Override
    public Integer call() {
        Tolerance tolerance;
        Gate gate;
        try {
            tolerance = new Tolerance(relative, absolute);
            gate = new Gate(mrePoints == null ? Double.NaN : mrePoints,
                    parameterPercent == null ? Double.NaN : parameterPercent, lostFits);
        } catch (IllegalArgumentException e) {
            System.err.println("scalestudy: " + e.getMessage());
            return Main.USAGE;
        }
        String a = arguments.get(0);
        String b = arguments.get(1);
        String study = arguments.size() == 3 ? arguments.get(2) : null;
        try {
            org.scalestudy.run.FitCache fits = noCache ? null : new org.scalestudy.run.FitCache(cache, Version.VERSION);
            SortedMap<String, JsonNode> before = study == null ? load(a, fits)
                    : GitRevision.build(a, Path.of(study), fits);
            SortedMap<String, JsonNode> after = study == null ? load(b, fits)
                    : GitRevision.build(b, Path.of(study), fits);
            String beforeLabel = study == null ? a : a + ":" + study;
            String afterLabel = study == null ? b : b + ":" + study;
            ResultsDiff.Report report = ResultsDiff.compare(before, after, tolerance);
            List<Gate.Failure> failures = gate.check(before, after);
            System.out.print(MarkdownDiff.render(report, beforeLabel, afterLabel, tolerance, gate, failures));
            if (failures.isEmpty()) {
                return 0;
            }
            System.out.flush();
            System.err.println("scalestudy: check failed (" + failures.size()
                    + (failures.size() == 1 ? " reason):" : " reasons):"));
            failures.forEach(f -> System.err.println("  " + f.text()));
            return Main.CHECK_FAILED;
        } catch (DiagnosticException e) {
            CheckCommand.report(e.diagnostics());
            return Main.STUDY_ERRORS;
        } catch (IOException e) {
            System.err.println("scalestudy: " + e.getMessage());
            return Main.USAGE;
        }
    }

    /** A path on disk, else {@code REV:PATH}. */
    private static SortedMap<String, JsonNode> load(String argument, org.scalestudy.run.FitCache fits)
            throws IOException, DiagnosticException {
        Path path = Path.of(argument);
        if (Files.exists(path)) {
            return Builds.load(path, fits);
        }
        int colon = argument.indexOf(':');
        if (colon > 0 && colon < argument.length() - 1) {
            return GitRevision.build(argument.substring(0, colon), Path.of(argument.substring(colon + 1)), fits);
        }
        throw new IOException("no such file or folder: " + argument + " (for a git revision write REV:STUDY)");
    }
}
