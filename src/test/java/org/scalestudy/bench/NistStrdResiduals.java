package org.scalestudy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.scalestudy.check.FitTask;
import org.scalestudy.fit.Residuals;
import org.scalestudy.law.CustomLaw;
import org.scalestudy.run.NistStrd;
import org.scalestudy.run.Pipeline;
import org.scalestudy.run.StudyFiles;

/** The residuals of a NIST problem's law, as the checked study compiles them (for other solvers to try). */
final class NistStrdResiduals {
    private NistStrdResiduals() {
    }

    static Residuals of(NistStrd.Problem problem, Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(problem.name() + "-residuals"));
        Files.writeString(folder.resolve("data.csv"), NistStrd.csv(problem));
        Path file = folder.resolve("nist.study");
        Files.writeString(file, NistStrd.study(problem, 0, "data.csv"));
        FitTask task = Pipeline.check(StudyFiles.find(List.of(file))).studies().get(0).tasks().get(0);
        return ((CustomLaw) task.law()).residuals(task.rows());
    }
}
