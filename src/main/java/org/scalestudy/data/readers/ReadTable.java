package org.scalestudy.data.readers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.scalestudy.data.DataError;
import org.scalestudy.data.Table;

/**
 * What a reader produces: the table the checker consumes, where each value came from, what the
 * columns mean, and which columns together identify a row (a run, or a run and a task).
 *
 * @param sources       per column, the source of each row's value
 * @param roles         the columns with a role, in the order they are checked
 * @param key           columns that identify a row; two rows agreeing on all of them are duplicates
 *                      (empty: no duplicate check)
 * @param metricColumn  the column naming each row's metric, for {@link Role#SCORE}; null when none
 * @param inputs        every file read, for the dataset's digest
 * @param leftOut       one warning per reason the reader left values out ({@link LeftOut}); empty when none
 */
public record ReadTable(Table table, Map<String, CellSource[]> sources, Map<String, Role> roles, List<String> key,
                        String metricColumn, List<Path> inputs, List<DataError> leftOut) {
    public ReadTable {
        leftOut = List.copyOf(leftOut);
    }
}
