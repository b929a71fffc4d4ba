package org.scalestudy.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalestudy.data.CsvReader;
import org.scalestudy.data.Table;

/** Which roles the guesser gives columns, from names and value ranges, and what it says about the rest. */
class ColumnGuesserTest {

    @Test
    void theDemoLadderIsALongLayoutWithALossMetricAndBenchmarks() throws Exception {
        Table table = CsvReader.read(Files.readString(Path.of("studies/data/demo-ladder.csv")));
        ColumnGuess g = ColumnGuesser.guess(table);
        assertEquals("params", g.params());
        assertEquals("tokens", g.tokens());
        assertNull(g.compute(), "no compute column: C is derived");
        assertEquals("metric", g.metric());
        assertEquals("value", g.value());
        assertEquals("val_loss", g.lossMetric());
        assertTrue(g.hasScoreMetrics());
        assertEquals("baseline", g.baseline());
        assertTrue(g.notes().contains("C (compute): derived as C = 6 * params * tokens"), g.notes().toString());
        // The demo's sizes run from 50M to 800M parameters.
        assertTrue(g.notes().contains("N (parameters): column 'params' (values 50000000 to 800000000)"),
                g.notes().toString());
    }

    @Test
    void aWideLayoutByUnitNamesKeepsSettingsOut() throws Exception {
        Table table = CsvReader.read("N,D,FLOPs,train_loss,arc_easy,learning_rate,Model Size\n"
                + "1e8,2e9,1.2e18,3.1,0.45,3e-4,1\n2e8,4e9,4.8e18,2.9,0.5,3e-4,2\n");
        ColumnGuess g = ColumnGuesser.guess(table);
        assertEquals("N", g.params());
        assertEquals("D", g.tokens());
        assertEquals("FLOPs", g.compute());
        assertEquals("train_loss", g.loss());
        assertEquals(List.of("arc_easy"), g.scores(), "learning_rate lies in [0, 1] but is a setting");
        assertNull(g.metric());
        assertTrue(g.notes().contains("left out: 'learning_rate'"), g.notes().toString());
        // N is taken, so 'Model Size' (values 1, 2: no unit in its header) is left out; any name can be used now.
        assertTrue(g.notes().contains("left out: 'Model Size'"), g.notes().toString());
    }

    @Test
    void aNameWithValuesOutOfRangeIsExplainedAndANameWithSpacesIsUsed() throws Exception {
        Table table = CsvReader.read("params,Model Size,loss\n1,1e8,3\n2,2e8,2.8\n");
        ColumnGuess g = ColumnGuesser.guess(table);
        assertEquals("Model Size", g.params(), "quoted in the study, so a name with a space is usable");
        assertTrue(g.notes().contains("column 'params' is named like N (parameters) but its values are not between"
                + " 100000 and 10000000000000"), g.notes().toString());
        assertEquals("\"Model Size\"", StudyScaffold.ref("Model Size"));
        assertEquals("MMLU", StudyScaffold.ref("MMLU"));
        assertEquals("\"seed\"", StudyScaffold.ref("seed"), "a keyword is quoted");
        StudyScaffold.NothingToFit e = assertThrows(StudyScaffold.NothingToFit.class,
                () -> StudyScaffold.write(g, table, "t", "x.csv", "init"));
        assertTrue(e.getMessage().startsWith("found nothing to fit"), e.getMessage());
    }

    @Test
    void unitsInHeadersAreReadAndTheRangeIsJudgedInPlainUnits() throws Exception {
        assertEquals(new HeaderUnits.Unit(1e9, "billions"), HeaderUnits.of("Model Size (B)"));
        assertEquals(new HeaderUnits.Unit(1e12, "trillions"), HeaderUnits.of("Pretraining Data Size (T)"));
        assertEquals(new HeaderUnits.Unit(1e6, "millions"), HeaderUnits.of("Params (M)"));
        assertEquals(new HeaderUnits.Unit(1e3, "thousands"), HeaderUnits.of("Steps (K)"));
        assertEquals(new HeaderUnits.Unit(1e21, null), HeaderUnits.of("FLOPs (1E21)"));
        assertEquals(new HeaderUnits.Unit(1e21, null), HeaderUnits.of("FLOPs (10^21)"));
        assertNull(HeaderUnits.of("Model Size"));
        assertNull(HeaderUnits.of("(B)"), "a unit alone names no column");
        assertNull(HeaderUnits.of("acc (norm)"));
        assertEquals("Model Size", HeaderUnits.base("Model Size (B)"));
        assertEquals("1e21", HeaderUnits.power(1e21));
        // 0.5 to 7 billions: 5e8 to 7e9 plain, inside N's 1e5..1e13; read bare, 0.5..7 would be out of range.
        Table table = CsvReader.read("Model Size (B),Tokens (T),FLOPs (1E21),acc\n0.5,1,3,0.3\n7,2,84,NA\n");
        ColumnGuess g = ColumnGuesser.guess(table);
        assertEquals("Model Size (B)", g.params());
        assertEquals("Tokens (T)", g.tokens());
        assertEquals("FLOPs (1E21)", g.compute());
        assertEquals(List.of("acc"), g.scores(), "NA is a missing value, so acc is numeric");
        String text = StudyScaffold.write(g, table, "t", "x.csv", "init");
        assertTrue(text.contains("data runs = csv(\"x.csv\", params: billions(\"Model Size (B)\"), tokens: "
                + "trillions(\"Tokens (T)\")) {\n    let C = \"FLOPs (1E21)\" * 1e21"), text);
        assertTrue(text.contains("law score_acc = direct_power(x: C, y: acc)"), text);
        assertTrue(text.contains("drop missing"), "acc is missing on line 3: " + text);
    }

    @Test
    void studyTextEscapesTitlesAndPathsAndWritesNumbersExactly() {
        assertEquals("\"a \\\"q\\\" \\\\ b c\"", StudyScaffold.string("a \"q\" \\ b\nc"));
        assertEquals("800000000", StudyScaffold.number(8e8));
        assertEquals("1.0e22", StudyScaffold.number(1e22));
        assertEquals("0.25", StudyScaffold.number(0.25));
    }
}
