package org.scalestudy.report;

import java.util.List;
import org.scalestudy.results.SkippedGroup;
import org.scalestudy.results.StudyResult;

/**
 * The study page's list of groups a fit's {@code min runs N} skipped ({@code templates/skipped.ftlh}): one
 * row per law and group, in study order. Texts are escaped by the template (HTML auto-escaping).
 */
public final class SkippedViews {
    private SkippedViews() {
    }

    /** One skipped group as the page shows it; {@code group} is "(all rows)" for an ungrouped fit. */
    public record Row(String law, String data, String group, int runs, int minimum, int line) {
    }

    static List<Row> of(StudyResult study) {
        List<SkippedGroup> skipped = study.skippedGroups() == null ? List.of() : study.skippedGroups();
        return skipped.stream().map(s -> new Row(s.law(), s.data(), s.group().isEmpty() ? "(all rows)" : s.group(),
                s.runs(), s.minimum(), s.line())).toList();
    }
}
