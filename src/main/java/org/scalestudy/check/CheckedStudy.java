package org.scalestudy.check;

import java.util.List;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.results.DatasetSummary;
import org.scalestudy.results.ReportRequest;

/**
 * A study whose names all resolve, whose data is loaded and whose every fit has rows to fit:
 * what the interpreter needs and nothing it has to look up again.
 *
 * @param source      the study file
 * @param slug        the study's folder name in the site
 * @param title       the study's title
 * @param description the study's description
 * @param datasets    what each data declaration loaded
 * @param tasks       one per law × group, in study order
 * @param report      what the report shows
 * @param warnings    problems that do not stop the build
 * @param comparisons the decisions the fits' {@code compare} clauses ask for, in study order
 * @param skipped     the groups {@code min runs} left out, per law, in study order
 */
public record CheckedStudy(SourceFile source, String slug, String title, String description,
                           List<DatasetSummary> datasets, List<FitTask> tasks, ReportRequest report,
                           List<org.scalestudy.lang.Diagnostic> warnings, List<Comparison> comparisons,
                           List<org.scalestudy.results.SkippedGroup> skipped) {
}
