package org.scalestudy.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;

/** {@code pi} is the constant π in every expression; a column named {@code pi} must be renamed to be used. */
class PiConstantCheckTest {
    @TempDir
    Path dir;

    CheckedStudy check(String csv, String body) throws Exception {
        Files.writeString(dir.resolve("d.csv"), csv);
        Path file = dir.resolve("t.study");
        Files.writeString(file, "study \"t\" {\n  data d = csv(\"d.csv\") {\n" + body + "  }\n"
                + "  law l = x ~ A * x { param A start 1 }\n  fit l to d\n}\n");
        SourceFile source = SourceFile.read(file, "t.study");
        return Checker.check(source, StudyParsing.parse(source), "t");
    }

    @Test
    void piNeedsNoColumn() throws Exception {
        // a derived column from pi and a filter on it type-check with no column named pi
        check("x\n1\n2\n", "    let angle = 2 * pi * x\n    where angle > pi\n");
    }

    @Test
    void aColumnNamedPiCannotBeUsed() {
        List<String> errors = assertThrows(DiagnosticException.class,
                () -> check("x,pi\n1,3\n", "    let y = x * pi\n")).diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .map(d -> d.line() + ":" + d.column() + " " + d.message()).toList();
        assertEquals(List.of("3:17 'pi' is the constant 3.141592653589793 in expressions, so column 'pi' of data 'd'"
                + " cannot be used; rename the column"), errors);
    }
}
