package org.scalestudy.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;
import org.scalestudy.testsupport.StudyErrors;

/** Reader selection and options in a study, and row problems reported through the checker. */
class DataReadersCheckTest {
    @TempDir
    Path dir;

    CheckedStudy check(String study) throws Exception {
        Path file = dir.resolve("t.study");
        Files.writeString(file, study);
        SourceFile source = SourceFile.read(file, "t.study");
        return Checker.check(source, StudyParsing.parse(source), "t");
    }

    List<String> errors(String study) {
        return StudyErrors.inFile(() -> check(study));
    }

    static String study(String data) {
        return "study \"t\" {\n  " + data + "\n  law l = direct_power(x: 6 * params * tokens, y: accuracy)\n"
                + "  fit l to d\n}\n";
    }

    @Test
    void aMappedCsvFeedsTheLawsWithRoleNamesAndPlainUnits() throws Exception {
        Files.writeString(dir.resolve("r.csv"), "N (M),D (B),acc %\n100,2,40\n400,8,55\n");
        CheckedStudy s = check(study("data d = csv(\"r.csv\", params: millions(\"N (M)\"), tokens: billions(\"D (B)\"),"
                + " accuracy: percent(\"acc %\"))"));
        // Rows {x, y, baseline}: C = 6 * 1e8 * 2e9 = 1.2e18 and 6 * 4e8 * 8e9 = 1.92e19; 40% -> 0.4.
        assertArrayEquals(new double[] {1.2e18, 0.4, 0}, s.tasks().get(0).rows()[0]);
        assertArrayEquals(new double[] {1.92e19, 0.55, 0}, s.tasks().get(0).rows()[1]);
    }

    @Test
    void rowProblemsAreReportedInTheDataFileAndCountedAtTheDeclaration() {
        String data = "data d = csv(\"r.csv\", params: N, tokens: D, accuracy: acc)";
        List<String> e = errorsWith("N,D,acc\n1e8,2e9,0.4\n0,2e9,0.5\n4e8,,1.5\n", data);
        String csv = dir.resolve("r.csv").toString();
        assertEquals(List.of(
                csv + ":3:1 column 'params' (model parameters N): 0 must be > 0",
                csv + ":4:3 column 'accuracy' (an accuracy (a fraction)): 1.5 must be in [0, 1] (an accuracy as a "
                        + "fraction; declare percent(\"column\") for percentages)",
                "t.study:2:16 data 'd' has 2 invalid values; fix the data or change the column mapping"), e);
    }

    private List<String> errorsWith(String csv, String data) {
        try {
            Files.writeString(dir.resolve("r.csv"), csv);
        } catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
        return errors(study(data)).stream().sorted((a, b) -> a.startsWith("t.study") == b.startsWith("t.study")
                ? 0 : a.startsWith("t.study") ? 1 : -1).toList();
    }

    @Test
    void readerAndOptionMistakesAreReportedAtTheOption() throws Exception {
        Files.writeString(dir.resolve("r.csv"), "N,D,acc\n1e8,2e9,0.4\n");
        assertEquals(List.of("t.study:2:12 unknown data reader 'cvs'; did you mean 'csv'?; readers: csv, gadre, jsonl, "
                + "krajewski_csv, lm_eval, training_log"), errors(study("data d = cvs(\"r.csv\")")));
        assertEquals(List.of("t.study:2:25 csv has no option 'parms'; did you mean 'params'?; options: accuracy, "
                + "baseline, duplicates, flops, key, loss, params, run, tokens, tpr"), errors(study("data d = csv(\"r.csv\", parms: N)")));
        assertEquals(List.of("t.study:2:25 csv takes one path; give further arguments as 'name: value' (accuracy, "
                + "baseline, duplicates, flops, key, loss, params, run, tokens, tpr)"), errors(study("data d = csv(\"r.csv\", N)")));
        assertEquals(List.of("t.study:2:33 option 'params' takes a column name or string (\"Model Size\"), a number, "
                        + "a list of names (list(a, b)), or a column in a unit: billions, millions, percent, thousands, "
                        + "trillions, e.g. percent(\"acc\")"),
                errors(study("data d = csv(\"r.csv\", params: N * 2)")));
        assertEquals(List.of("t.study:2:33 no column 'n' in the file; did you mean 'N'?"),
                errors(study("data d = csv(\"r.csv\", params: n)")));
        assertEquals(List.of("t.study:2:28 option 'per' is \"task\" or \"run\", not \"model\""),
                errors(study("data d = gadre(\".\", per: \"model\")")));
    }
}
