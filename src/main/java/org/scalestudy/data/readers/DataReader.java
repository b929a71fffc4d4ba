package org.scalestudy.data.readers;

import java.nio.file.Path;
import java.util.Map;
import org.scalestudy.data.DataError;

/** One data format a study can select: {@code data d = <name>("path", options)}. */
public interface DataReader {
    /** The name a study calls the reader by, e.g. {@code gadre}. */
    String name();

    /** Every option the reader accepts, with a short description, sorted by name. */
    Map<String, String> options();

    /**
     * What the reader does with rows that repeat an earlier row's key when the study gives no
     * {@code duplicates} option (see {@link Duplicates}); a reader that accepts the option lists it in
     * {@link #options()}.
     */
    default Duplicates.Policy duplicates() {
        return Duplicates.Policy.ERROR;
    }

    /**
     * @param path    the file or folder the study names, resolved against the study's folder
     * @param base    the study's folder, for further files named in options
     * @throws DataError   for a file that cannot be read at all (its rows are checked later)
     * @throws OptionError for an option the reader cannot use
     */
    ReadTable read(Path path, Path base, ReaderOptions options) throws DataError, OptionError;
}
