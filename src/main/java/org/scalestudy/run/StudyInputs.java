package org.scalestudy.run;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;
import org.scalestudy.lang.ast.DataDecl;

/**
 * The files a study reads besides itself: the paths its {@code data} declarations (and its {@code narrative}) name, as written
 * (relative to the study's folder). Found by parsing only, so it works on a study that does not check
 * (a missing data file is still named) and on study text that is not on disk (an older git revision).
 */
public final class StudyInputs {
    private StudyInputs() {
    }

    /** The data paths (then the narrative file) as written in the study, in study order; empty when the text does not parse. */
    public static List<String> dataPaths(String studyText, String displayName) {
        try {
            List<String> paths = new ArrayList<>();
            org.scalestudy.lang.ast.Study study = StudyParsing.parse(new SourceFile(displayName, null, studyText));
            for (DataDecl decl : study.data()) {
                paths.add(decl.path());
            }
            if (study.narrative() != null) {
                paths.add(study.narrative().text());  // its Markdown narrative is an input like its data
            }
            return paths;
        } catch (DiagnosticException e) {
            return List.of();
        }
    }

    /** The data files of the study at {@code studyFile}, resolved against its folder and normalised. */
    public static List<Path> dataFiles(Path studyFile, String studyText) {
        Path base = studyFile.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (String path : dataPaths(studyText, studyFile.toString())) {
            try {
                files.add(base.resolve(path).normalize());
            } catch (InvalidPathException notAPath) {
                // The checker reports it; there is nothing on disk to watch or copy.
            }
        }
        return files;
    }
}
