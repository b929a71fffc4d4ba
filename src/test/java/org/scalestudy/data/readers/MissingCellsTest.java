package org.scalestudy.data.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalestudy.data.readers.ReaderTestSupport.numbers;
import static org.scalestudy.data.readers.ReaderTestSupport.problems;
import static org.scalestudy.data.readers.ReaderTestSupport.read;
import static org.scalestudy.data.readers.ReaderTestSupport.text;
import static org.scalestudy.data.readers.ReaderTestSupport.texts;
import static org.scalestudy.data.readers.ReaderTestSupport.unit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.data.Column;
import org.scalestudy.data.Table;

/**
 * The one missing-value rule ({@link MissingCells}) in every reader: on real files as released (counted
 * against the raw text here, not through a reader) and on small fixtures for the spellings.
 */
class MissingCellsTest {
    static final Path OBS = Path.of("studies/published/data/obsscaling/base_llm_benchmark_eval_sub_10b.csv");
    static final Path DCLM = Path.of("studies/published/data/krajewski2025/metrics_dclm_data_mixture.head.csv");

    @TempDir
    Path dir;

    @Test
    void theSpellingsOfAMissingValue() {
        for (String s : List.of("", "  ", "NA", "na", "N/A", "n/a", "NaN", "nan", "NAN", "null", "NULL", " n/a ")) {
            assertTrue(MissingCells.isMissing(s), s);
        }
        assertTrue(MissingCells.isMissing(null));
        for (String s : List.of("None", "-", "0", "nil", "missing", "inf", "N.A.")) {
            assertFalse(MissingCells.isMissing(s), s);
        }
        assertEquals(null, MissingCells.value("n/a"));
        assertEquals(2.5, MissingCells.value(" 2.5 "));
        assertEquals("abc", MissingCells.value(" abc "));
    }

    @Test
    void csvOnTheObservationalScalingTableAsReleased() throws Exception {
        Readers.Result r = read(new CsvTableReader(), OBS.toAbsolutePath(), OBS.toAbsolutePath().getParent(),
                Map.of("run", text("Model"), "params", unit("Model Size (B)", "billions"),
                        "tokens", unit("Pretraining Data Size (T)", "trillions")));
        // The mapped columns have empty cells (tokens of Qwen2, Mistral, GPT-2, ...): no problem when read.
        assertEquals(List.of(), problems(r));
        Table t = r.read().table();
        assertEquals(92, t.rows());
        List<String> lines = Files.readAllLines(OBS);
        List<String> header = List.of(lines.get(0).split(","));
        for (String column : List.of("Pretraining Data Size (T)", "FLOPs (1E21)", "MMLU", "ARC-C", "GSM8K")) {
            String name = column.startsWith("Pretraining") ? "tokens" : column;
            int field = header.indexOf(column);
            double[] values = numbers(t, name);
            int empty = 0;
            for (int row = 0; row < t.rows(); row++) {
                String raw = lines.get(t.sourceLine(row) - 1).split(",", -1)[field];
                assertEquals(raw.isEmpty(), Double.isNaN(values[row]), column + " at line " + t.sourceLine(row));
                empty += raw.isEmpty() ? 1 : 0;
            }
            // FLOPs: 10 models have none (counted from the file's text)
            if (column.equals("FLOPs (1E21)")) {
                assertEquals(10, empty);
            }
        }
        // 7.0 billions exactly: the unit applies to present cells only.
        assertEquals(7e9, numbers(t, "params")[0]);
    }

    @Test
    void csvReadsEverySpellingAsMissingAndOtherTextAsText() throws Exception {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "run,N,tag\na,,x\nb,NA,x\nc,n/a,x\nd, NaN ,x\ne,null,x\nf,N/A,NA\ng,1e8,None\n");
        Readers.Result r = read(new CsvTableReader(), f, dir, Map.of("params", text("N")));
        assertEquals(List.of(), problems(r));
        double[] n = numbers(r.read().table(), "params");
        for (int i = 0; i < 6; i++) {
            assertTrue(Double.isNaN(n[i]), "row " + i);
        }
        assertEquals(1e8, n[6]);
        // In a text column a missing value is "", and "None" is text, not a spelling of missing.
        assertEquals(List.of("x", "x", "x", "x", "x", "", "None"), List.of(texts(r.read().table(), "tag")));
    }

    @Test
    void krajewskiCsvOnTheReleaseReadsEveryEmptyScoreAsMissing() throws Exception {
        Readers.Result r = read(new KrajewskiCsvReader(), DCLM.toAbsolutePath(), DCLM.toAbsolutePath().getParent(),
                Map.of());
        assertEquals(List.of(), problems(r));
        Table t = r.read().table();
        List<String> lines = Files.readAllLines(DCLM);
        int field = List.of(lines.get(0).split(",", -1)).indexOf("score");
        double[] score = numbers(t, "score");
        int missing = 0;
        for (int row = 0; row < t.rows(); row++) {
            String raw = lines.get(t.sourceLine(row) - 1).split(",", -1)[field];
            assertEquals(raw.isEmpty(), Double.isNaN(score[row]), "line " + t.sourceLine(row));
            missing += raw.isEmpty() ? 1 : 0;
        }
        assertTrue(missing > 0, "the head has 78 empty score cells (awk), its *_stderr rows");
    }

    @Test
    void krajewskiCsvFixtureSpellings() throws Exception {
        Path f = dir.resolve("k.csv");
        Files.writeString(f, "tokens,benchmark,metric_type,score,tpr\n2e9,arc_easy,acc,NA,20\n2e9,piqa,acc,null,20\n"
                + "2e9,sciq,acc,0.5,20\n");
        Readers.Result r = read(new KrajewskiCsvReader(), f, dir, Map.of());
        assertEquals(List.of(), problems(r));
        double[] score = numbers(r.read().table(), "score");
        assertTrue(Double.isNaN(score[0]) && Double.isNaN(score[1]));
        assertEquals(0.5, score[2]);
    }

    @Test
    void lmEvalReadsNaAndNanScoresAsMissingNotAsLeftOut() throws Exception {
        Files.createDirectories(dir.resolve("results"));
        Files.writeString(dir.resolve("results/a.json"), "{\"results\": {\"arc_easy\": {\"acc,none\": \"N/A\","
                + " \"acc_norm,none\": NaN, \"acc_stderr,none\": \"N/A\"}, \"piqa\": {\"acc,none\": null,"
                + " \"acc_norm,none\": 0.7}}}\n");
        Files.writeString(dir.resolve("runs.csv"), "file,params,tokens\na.json,1e8,NA\n");
        Readers.Result r = read(new LmEvalReader(), dir.resolve("results"), dir, Map.of("manifest", text("runs.csv")));
        assertEquals(List.of(), problems(r));
        assertEquals(List.of(), r.warnings(), "nothing left out: N/A and NaN are missing values");
        Table t = r.read().table();
        assertEquals(List.of("acc", "acc_norm", "acc", "acc_norm"), List.of(texts(t, "metric")));
        double[] score = numbers(t, "score");
        assertTrue(Double.isNaN(score[0]) && Double.isNaN(score[1]) && Double.isNaN(score[2]));
        assertEquals(0.7, score[3]);
        assertTrue(Double.isNaN(numbers(t, "tokens")[0]), "the manifest's NA is missing too");
    }

    @Test
    void gadreOnTheReleaseHasNoMissingValueAndAFixtureReadsNullAndNanStrings() throws Exception {
        Path release = Path.of("studies/published/data/gadre2024").toAbsolutePath();
        long nulls;
        try (Stream<Path> evals = Files.list(release.resolve("evals"))) {
            nulls = evals.filter(p -> {
                try {
                    return Files.readString(p).contains("null");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).count();
        }
        assertEquals(0, nulls, "the release writes every accuracy");
        Readers.Result real = read(new GadreReader(), release, release, Map.of());
        assertEquals(List.of(), problems(real));
        for (double a : numbers(real.read().table(), "accuracy")) {
            assertFalse(Double.isNaN(a));
        }
        Path g = dir.resolve("g");
        Files.createDirectories(g.resolve("models"));
        Files.createDirectories(g.resolve("evals"));
        Files.writeString(g.resolve("eval_metadata.csv"), "Eval Task,Task Category,Task Type,#shots,#datapoints,"
                + "Random baseline,Centered Metric?,Description\narc_easy,a,b,10,100,25,,d\npiqa,a,b,10,100,50,,d\n");
        Files.writeString(g.resolve("models/a.json"), GadreReaderTest.model("a", "rpj", "10000000", "200000000",
                1.0, "\"NaN\""));
        Files.writeString(g.resolve("evals/evaluation_a_heavy.json"), GadreReaderTest.eval("\"n/a\"", "null"));
        Readers.Result r = read(new GadreReader(), g, g, Map.of());
        assertEquals(List.of(), problems(r));
        Table t = r.read().table();
        for (double a : numbers(t, "accuracy")) {
            assertTrue(Double.isNaN(a));
        }
        assertTrue(Double.isNaN(numbers(t, "loss")[0]), "the C4 loss written \"NaN\" is missing");
    }

    @Test
    void jsonLinesReadsNullAbsentAndSpelledValuesAsMissing() throws Exception {
        // No JSON Lines file is among the shared real data; this fixture covers every case.
        Path f = dir.resolve("m.jsonl");
        Files.writeString(f, "{\"id\": \"a\", \"n\": null}\n{\"id\": \"b\"}\n{\"id\": \"c\", \"n\": \"NA\"}\n"
                + "{\"id\": \"d\", \"n\": \"n/a\"}\n{\"id\": \"e\", \"n\": NaN}\n{\"id\": \"f\", \"n\": 3e8}\n");
        Readers.Result r = read(new JsonLinesReader(), f, dir, Map.of("run", text("id"), "params", text("n")));
        assertEquals(List.of(), problems(r));
        Column n = r.read().table().column("params");
        double[] v = ((Column.Numbers) n).values();
        for (int i = 0; i < 5; i++) {
            assertTrue(Double.isNaN(v[i]), "row " + i);
        }
        assertEquals(3e8, v[5]);
    }
}
