package org.scalestudy.check;

import org.scalestudy.data.DataSandbox;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.Study;

/**
 * A study's prose: its {@code description} followed by the Markdown file its {@code narrative "file.md"} names.
 * The file is read relative to the study's folder and must lie inside the study's project (never a data root):
 * an absolute path, or one whose {@code ..} climbs out of the project, is an error at the study's line.
 */
final class Narrative {
    private Narrative() {
    }

    /** The description and the narrative file's text, a blank line between them; problems go to diagnostics. */
    static String of(SourceFile source, Study study, List<Diagnostic> diagnostics) {
        if (study.narrative() == null) {
            return study.description();
        }
        String written = study.narrative().text();
        if (written.isBlank() || written.startsWith("/") || written.startsWith("\\") || written.matches("^[A-Za-z]:.*")) {
            diagnostics.add(source.error(study.narrative().pos(), "a narrative is a Markdown file named relative to "
                    + "the study's folder, e.g. narrative \"notes.md\"; not '" + written + "'"));
            return study.description();
        }
        DataSandbox.Resolved resolved = DataSandbox.forStudy(source.path(), List.of()).resolve(written);
        if (resolved instanceof DataSandbox.Refused refused) {
            diagnostics.add(source.error(study.narrative().pos(), "refusing to read narrative '" + written + "': "
                    + refused.reason()));
            return study.description();
        }
        Path file = ((DataSandbox.Allowed) resolved).file();
        String text;
        try {
            text = StandardDecoding.utf8(Files.readAllBytes(file));
        } catch (CharacterCodingException e) {
            diagnostics.add(source.error(study.narrative().pos(), "narrative '" + written + "' is not UTF-8 text"));
            return study.description();
        } catch (IOException e) {
            diagnostics.add(source.error(study.narrative().pos(), "cannot read narrative '" + written + "' ("
                    + (Files.exists(file) ? e.getMessage() : "no such file: " + file) + ")"));
            return study.description();
        }
        String body = text.replace("\r\n", "\n").strip();
        return study.description().isBlank() ? body : study.description().strip() + "\n\n" + body;
    }
}
