package org.scalestudy.data.readers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.scalestudy.data.Column;
import org.scalestudy.data.DataError;
import org.scalestudy.data.DataSandbox;
import org.scalestudy.data.Table;

/** Shared helpers: problems as "file:line:field message", columns as arrays. */
final class ReaderTestSupport {
    private ReaderTestSupport() {
    }

    static Readers.Result read(DataReader reader, Path path, Path base, Map<String, ReaderOptions.Value> options)
            throws Exception {
        return Readers.read(reader, path, DataSandbox.within(base, "the test's folder"), new ReaderOptions(options));
    }

    static List<String> problems(Readers.Result result) {
        return result.problems().stream().map(ReaderTestSupport::format).toList();
    }

    static String format(DataError e) {
        return (e.file() == null ? "?" : e.file().getFileName().toString()) + ":" + e.line() + ":" + e.field() + " "
                + e.getMessage();
    }

    static double[] numbers(Table t, String column) {
        return ((Column.Numbers) t.column(column)).values();
    }

    static String[] texts(Table t, String column) {
        return ((Column.Texts) t.column(column)).values();
    }

    static ReaderOptions.Value text(String s) {
        return new ReaderOptions.Value.Text(s);
    }

    static ReaderOptions.Value unit(String column, String unit) {
        return new ReaderOptions.Value.Scaled(column, unit, ReaderOptions.UNITS.get(unit));
    }
}
