package org.scalestudy.results;

import java.util.List;

/**
 * One data declaration after loading, derivation and filtering.
 *
 * @param name    the name the study gives it
 * @param file    the file it was read from, as written in the study
 * @param sha256  hex SHA-256 of the file's bytes
 * @param rows    rows kept after the declaration's filters
 * @param columns every column, in file order then derived order
 */
public record DatasetSummary(String name, String file, String sha256, int rows, List<ColumnSummary> columns) {
}
