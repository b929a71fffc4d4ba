package org.scalestudy.results;

import java.util.List;

/**
 * Everything a built study produced: the input to the report stage, and (serialised)
 * the study's {@code results.json}. Plain data; no behaviour.
 *
 * @param slug        folder name of the study inside the site (from the file name)
 * @param title       the study's title, as written
 * @param description the study's description ("" when none)
 * @param sourceFile  the study file's name relative to the build root, e.g. {@code studies/demo.study}
 * @param sourceText  the study file's full text
 * @param sourceSha256 hex SHA-256 of the study file's bytes
 * @param datasets    what data went in
 * @param fits        one entry per law × group, in study order, then group order
 * @param report      what the study asked the report to show
 * @param decisions   the rankings the study's {@code compare} clauses ask for, in study order
 * @param sharedFits  the joint fits its {@code share} clauses ask for, with their effective-compute multipliers
 * @param decisionScores per law and compared column, how its decisions fared beside the naive rule
 * @param skippedGroups the groups the fits' {@code min runs} left out, in study order
 */
public record StudyResult(
        String slug,
        String title,
        String description,
        String sourceFile,
        String sourceText,
        String sourceSha256,
        List<DatasetSummary> datasets,
        List<FitOutcome> fits,
        ReportRequest report,
        List<Decision> decisions,
        List<SharedFit> sharedFits,
        List<DecisionScore> decisionScores,
        List<SkippedGroup> skippedGroups) {

    /** A study whose fits skip no group. */
    public StudyResult(String slug, String title, String description, String sourceFile, String sourceText,
                       String sourceSha256, List<DatasetSummary> datasets, List<FitOutcome> fits,
                       ReportRequest report, List<Decision> decisions, List<SharedFit> sharedFits,
                       List<DecisionScore> decisionScores) {
        this(slug, title, description, sourceFile, sourceText, sourceSha256, datasets, fits, report, decisions,
                sharedFits, decisionScores, List.of());
    }

    /** A study without joint fits. */
    public StudyResult(String slug, String title, String description, String sourceFile, String sourceText,
                       String sourceSha256, List<DatasetSummary> datasets, List<FitOutcome> fits,
                       ReportRequest report, List<Decision> decisions) {
        this(slug, title, description, sourceFile, sourceText, sourceSha256, datasets, fits, report, decisions,
                List.of(), List.of());
    }

    /** A study without decisions. */
    public StudyResult(String slug, String title, String description, String sourceFile, String sourceText,
                       String sourceSha256, List<DatasetSummary> datasets, List<FitOutcome> fits,
                       ReportRequest report) {
        this(slug, title, description, sourceFile, sourceText, sourceSha256, datasets, fits, report, List.of());
    }
}
