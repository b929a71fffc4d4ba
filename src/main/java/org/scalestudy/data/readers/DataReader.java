package org.scalestudy.data.readers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.scalestudy.data.DataError;
import org.scalestudy.data.DataSandbox;

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
     * The options whose value is a path (relative to the study's folder) of a further file the reader reads,
     * e.g. lm_eval's {@code manifest}: {@code changed}, {@code diff REV:STUDY} and {@code serve} follow them
     * as they follow the data path.
     */
    default List<String> pathOptions() {
        return List.of();
    }

    /**
     * @param path    the file or folder the study names, resolved against the study's folder
     * @param sandbox the study's sandbox: every further path (an option's, a file's in a folder or a manifest)
     *                is resolved through it or one {@link DataSandbox#within} the data folder
     * @throws DataError   for a file that cannot be read at all (its rows are checked later)
     * @throws OptionError for an option the reader cannot use
     */
    ReadTable read(Path path, DataSandbox sandbox, ReaderOptions options) throws DataError, OptionError;
}
