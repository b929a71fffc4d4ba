package org.scalestudy.data.readers;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scalestudy.data.DataError;
import org.scalestudy.lang.TextInput;

/**
 * Reads a data file as strict UTF-8 text under the one text policy ({@link TextInput}: a byte-order mark is
 * dropped, CR, LF and CRLF become LF); a file that cannot be read is a {@link DataError} in it.
 */
final class TextFiles {
    private TextFiles() {
    }

    static String read(Path file) throws DataError {
        if (Files.isDirectory(file)) {
            throw new DataError(file, 0, 0, "this is a folder; this reader reads one file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataError(file, 0, 0, Files.exists(file) ? "cannot read this file (" + e.getMessage() + ")"
                    : "no such file");
        }
        try {
            return TextInput.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new DataError(file, 0, 0, "this file is not UTF-8 text; save it as UTF-8");
        }
    }
}
