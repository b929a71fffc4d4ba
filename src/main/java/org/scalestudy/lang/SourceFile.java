package org.scalestudy.lang;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.List;
import org.scalestudy.lang.ast.Pos;

/**
 * A text file as read for diagnostics: its display name, its text, its lines.
 *
 * @param displayName how diagnostics name it (e.g. {@code studies/demo.study})
 * @param path        where it is on disk (null for text given directly)
 */
public record SourceFile(String displayName, Path path, String text) {
    /** The text under the one policy for text input ({@link TextInput}): no byte-order mark, LF line ends. */
    public SourceFile {
        text = TextInput.normalize(text);
    }

    public static SourceFile read(Path path, String displayName) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        try {
            return new SourceFile(displayName, path, TextInput.decode(bytes));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(displayName + " is not valid UTF-8 text");
        }
    }

    /** The text of a 1-based line, without its line end; null when out of range. */
    public String line(int line) {
        List<String> lines = text.lines().toList();
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
    }

    public Diagnostic error(Pos pos, String message) {
        return new Diagnostic(displayName, pos.line(), pos.column(), Diagnostic.Severity.ERROR, message, line(pos.line()));
    }

    public Diagnostic warning(Pos pos, String message) {
        return new Diagnostic(displayName, pos.line(), pos.column(), Diagnostic.Severity.WARNING, message, line(pos.line()));
    }
}
