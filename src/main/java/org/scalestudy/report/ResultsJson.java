package org.scalestudy.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalestudy.results.StudyResult;

/**
 * Writes a study's {@code results.json}: the {@link StudyResult} as Jackson serialises its record components,
 * plus {@code "formatVersion": 1}, minus {@code sourceText} (the source is published beside it as a file,
 * and {@code sourceSha256} identifies it; leaving it out keeps the file small and its diffs about results).
 * Keys are sorted at every level, NaN and ±Infinity are written as {@code null}, the text is pretty-printed
 * with {@code \n} line ends. The format is documented field by field in {@code README.md (section results.json)}.
 */
public final class ResultsJson {

    /** Bumped when a field is renamed, removed or changes meaning; adding fields does not bump it. */
    public static final int FORMAT_VERSION = 1;

    private ResultsJson() {
    }

    /** The text of {@code results.json} for {@code study}. */
    public static String write(StudyResult study) {
        ObjectNode tree = (ObjectNode) JsonSupport.toTree(study);
        tree.remove("sourceText");
        tree.put("formatVersion", FORMAT_VERSION);
        return JsonSupport.pretty(tree);
    }
}
