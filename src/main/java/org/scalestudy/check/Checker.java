package org.scalestudy.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalestudy.data.DataSandbox;
import org.scalestudy.data.DatasetLoader.Loaded;
import org.scalestudy.data.Evaluation;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.lang.ast.Study;
import org.scalestudy.results.DatasetSummary;
import org.scalestudy.results.ReportRequest;

/**
 * Syntax tree to checked study, in three stages that share one list of diagnostics:
 * <ol>
 *   <li>{@link NameResolver} resolves every name on the syntax tree and binds the laws, reading no file;</li>
 *   <li>{@link DataLoading} reads each dataset and applies its typed steps;</li>
 *   <li>{@link TaskPlanner} turns each fit into tasks (one per law × group) over the loaded rows.</li>
 * </ol>
 * Then the report and the narrative. Reports every problem it finds in one pass; throws them all together.
 */
public final class Checker {
    private final SourceFile source;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final NameResolver resolver;
    private final DataLoading loading;
    private final TaskPlanner planner;

    private Checker(SourceFile source, DataSandbox sandbox) {
        this.source = source;
        ExprTyper typer = new ExprTyper(source, diagnostics);
        Evaluation evaluation = new Evaluation(source, diagnostics);
        CustomLaws customLaws = new CustomLaws(source, diagnostics);
        this.resolver = new NameResolver(source, diagnostics, customLaws);
        this.loading = new DataLoading(source, diagnostics, sandbox, typer, evaluation);
        this.planner = new TaskPlanner(source, diagnostics, typer, evaluation, customLaws);
    }

    /**
     * @param slug the study's folder name in the site
     * @throws DiagnosticException with every error found; warnings alone do not throw
     */
    public static CheckedStudy check(SourceFile source, Study study, String slug) throws DiagnosticException {
        return check(source, study, slug, DataSandbox.forStudy(source.path(), List.of()));
    }

    /**
     * @param slug    the study's folder name in the site
     * @param sandbox where the study may read data files
     * @throws DiagnosticException with every error found; warnings alone do not throw
     */
    public static CheckedStudy check(SourceFile source, Study study, String slug, DataSandbox sandbox)
            throws DiagnosticException {
        Checker checker = new Checker(source, sandbox);
        CheckedStudy checked = checker.run(study, slug);
        boolean errors = checker.diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        if (errors) {
            throw new DiagnosticException(checker.diagnostics);
        }
        return checked;
    }

    private CheckedStudy run(Study study, String slug) {
        ResolvedNames names = resolver.resolve(study);
        Map<String, Loaded> data = loading.loadAll(names.data().values());
        List<FitTask> tasks = new ArrayList<>();
        for (FitDecl fit : study.fits()) {
            Loaded loaded = data.get(fit.data().text());
            if (loaded != null && loaded.table() != null) { // else its problem is already reported
                tasks.addAll(planner.plan(fit, loaded, names));
            }
        }
        resolver.warnUnused(study);
        if (study.fits().isEmpty()) {
            diagnostics.add(source.error(study.pos(), "this study fits nothing; add a statement such as "
                    + "'fit <law> to <data>'"));
        }
        ReportRequest report = ReportNames.of(source, study.report(), study.fits(), diagnostics);
        String description = Narrative.of(source, study, diagnostics);
        List<DatasetSummary> summaries = data.values().stream().filter(l -> l.summary() != null)
                .map(Loaded::summary).toList();
        return new CheckedStudy(source, slug, study.title(), description, summaries, tasks, report,
                List.copyOf(diagnostics), planner.comparisons(), planner.skipped());
    }
}
