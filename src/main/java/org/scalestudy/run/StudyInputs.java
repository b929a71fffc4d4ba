package org.scalestudy.run;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;
import org.scalestudy.data.readers.DataReader;
import org.scalestudy.data.readers.Readers;
import org.scalestudy.lang.ast.DataDecl;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.LawDecl;

/**
 * The files a study reads besides itself: the paths its {@code data} declarations name, those their
 * readers' path options name ({@link DataReader#pathOptions}, e.g. lm_eval's manifest), and its
 * {@code narrative}, as written
 * (relative to the study's folder). Found by parsing only, so it works on a study that does not check
 * (a missing data file is still named) and on study text that is not on disk (an older git revision).
 */
public final class StudyInputs {
    private StudyInputs() {
    }

    /** The data, path-option and narrative paths as written in the study, in order; empty when it does not parse. */
    public static List<String> dataPaths(String studyText, String displayName) {
        try {
            List<String> paths = new ArrayList<>();
            org.scalestudy.lang.ast.Study study = StudyParsing.parse(new SourceFile(displayName, null, studyText));
            for (DataDecl decl : study.data()) {
                paths.add(decl.path());
                List<String> pathOptions = Readers.find(decl.reader().text()).map(DataReader::pathOptions)
                        .orElse(List.of());
                for (LawDecl.Arg option : decl.options()) {
                    if (option.name() != null && pathOptions.contains(option.name().text())
                            && option.value() instanceof Expr.Str path) {
                        paths.add(path.value());
                    }
                }
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
