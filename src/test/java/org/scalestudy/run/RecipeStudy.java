package org.scalestudy.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.scalestudy.results.StudyResult;
import org.scalestudy.testsupport.StudyErrors;

/**
 * A study of two recipes, a and b, whose accuracies follow Eq. 2 exactly (-log acc = A C^-alpha, baseline 0) at
 * C = 1e18 .. 1e22, one run per decade, in {@code runs.csv} beside {@code t.study}: data {@code d}, the laws and
 * the fit as given. Built by the whole pipeline.
 */
final class RecipeStudy {
    private RecipeStudy() {
    }

    static StudyResult build(Path dir, double[] a, double[] alpha, String laws, String fit) throws Exception {
        StringBuilder csv = new StringBuilder("run,recipe,C,acc\n");
        List<String> recipes = List.of("a", "b");
        for (int r = 0; r < 2; r++) {
            for (int i = 18; i <= 22; i++) {
                double c = Math.pow(10, i);
                csv.append(recipes.get(r)).append(i).append(',').append(recipes.get(r)).append(',').append(c)
                        .append(',').append(Math.exp(-a[r] * Math.pow(c, -alpha[r]))).append('\n');
            }
        }
        Files.writeString(dir.resolve("runs.csv"), csv);
        Path file = dir.resolve("t.study");
        Files.writeString(file, "study \"t\" {\n  data d = csv(\"runs.csv\")\n" + laws + fit + "\n}\n");
        return Pipeline.run(Pipeline.check(StudyFiles.find(List.of(file)))).get(0);
    }

    /** The errors building it reports, as {@code line:column message}. */
    static List<String> errors(Path dir, double[] a, double[] alpha, String laws, String fit) {
        return StudyErrors.atLine(() -> build(dir, a, alpha, laws, fit));
    }
}
