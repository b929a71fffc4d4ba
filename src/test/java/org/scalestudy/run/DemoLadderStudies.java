package org.scalestudy.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.scalestudy.results.StudyResult;
import org.scalestudy.testsupport.StudyErrors;

/**
 * Test studies over the demo ladder: {@code body} goes inside a study whose data {@code d} is the
 * demo's CSV with {@code C = 6 * params * tokens} and {@code tpr = tokens / params}.
 */
final class DemoLadderStudies {
    private DemoLadderStudies() {
    }

    static StudyResult build(Path dir, String body) throws Exception {
        Files.copy(Path.of("studies/data/demo-ladder.csv"), dir.resolve("ladder.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        Path file = dir.resolve("t.study");
        Files.writeString(file, "study \"t\" {\n  data d = csv(\"ladder.csv\") { let C = 6 * params * tokens "
                + "let tpr = tokens / params }\n" + body + "}\n");
        return Pipeline.run(Pipeline.check(StudyFiles.find(List.of(file)))).get(0);
    }

    /** The study's errors as {@code line:column message}; fails when it builds. */
    static List<String> errors(Path dir, String body) {
        return StudyErrors.atLine(() -> build(dir, body));
    }
}
