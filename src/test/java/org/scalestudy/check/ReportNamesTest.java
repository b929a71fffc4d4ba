package org.scalestudy.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.results.ChartName;
import org.scalestudy.results.ReportRequest;
import org.scalestudy.results.TableName;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A report block's names are parsed once, by the checker, into {@link ChartName} and {@link TableName}. */
class ReportNamesTest {

    @TempDir
    Path dir;

    private CheckerTest checker() {
        CheckerTest t = new CheckerTest();
        t.dir = dir;
        return t;
    }

    @Test
    void namesBecomeTypedValuesInTheBlocksOrder() throws Exception {
        ReportRequest r = checker().check(CheckerTest.HEAD + """
                  fit direct to d by task
                  report { chart sensitivity, scaling  table runs, parameters }
                }
                """).report();
        assertEquals(List.of(ChartName.SENSITIVITY, ChartName.SCALING), r.charts());
        assertEquals(List.of(TableName.RUNS, TableName.PARAMETERS), r.tables());
    }

    @Test
    void withoutAReportBlockEveryTableAndAllChartsButTheSweep() throws Exception {
        ReportRequest r = checker().check(CheckerTest.HEAD + "  fit direct to d by task\n}\n").report();
        // The sweep refits every law once per rung, so it is shown only when asked for.
        assertEquals(List.of(ChartName.SCALING, ChartName.RESIDUALS, ChartName.PARITY), r.charts());
        assertEquals(List.of(TableName.PARAMETERS, TableName.ERRORS, TableName.RUNS, TableName.TARGETS), r.tables());
    }

    @Test
    void unknownAndRepeatedNamesAreErrorsAtTheirPlace() throws Exception {
        List<Diagnostic> d = checker().errors(CheckerTest.HEAD + """
                  fit direct to d by task
                  report { chart scaling, scaling  table paramters }
                }
                """);
        assertEquals(List.of(
                "5:27 chart 'scaling' is listed twice",
                "5:42 unknown table 'paramters'; did you mean 'parameters'?"),
                d.stream().map(x -> x.line() + ":" + x.column() + " " + x.message()).toList());
    }
}
