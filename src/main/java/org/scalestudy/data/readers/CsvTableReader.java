package org.scalestudy.data.readers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.scalestudy.data.CsvReader;
import org.scalestudy.data.DataError;
import org.scalestudy.data.DataSandbox;

/**
 * {@code csv("file.csv", role: "column", ...)}: a wide CSV file, one row per record (RFC 4180, see
 * {@link CsvReader}), with the study's column mapping ({@link ColumnMapping}). Values come from
 * (line, field) of the file.
 */
public final class CsvTableReader implements DataReader {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public Map<String, String> options() {
        return ColumnMapping.options();
    }

    @Override
    public ReadTable read(Path path, DataSandbox sandbox, ReaderOptions options) throws DataError, OptionError {
        String text = TextFiles.read(path);
        ReadTable raw;
        try {
            raw = raw(path, text);
        } catch (DataError e) {
            throw new DataError(path, e.line(), e.field(), e.getMessage());
        }
        return ColumnMapping.apply(raw, options);
    }

    /** The file's table with every cell's source, no roles. */
    static ReadTable raw(Path path, String text) throws DataError {
        CsvReader.Records records = CsvReader.records(text);
        List<String> header = records.header();
        TableBuilder builder = new TableBuilder();
        header.forEach(builder::column);
        for (int r = 1; r < records.records().size(); r++) {
            List<String> record = records.records().get(r);
            int line = records.lines().get(r);
            builder.row(line);
            for (int c = 0; c < header.size(); c++) {
                String cell = record.get(c);
                builder.set(header.get(c), MissingCells.value(cell),
                        new CellSource(path, line, c + 1, MissingCells.written(cell)));
            }
        }
        return builder.build(Map.of(), List.of(), null, List.of(path));
    }
}
