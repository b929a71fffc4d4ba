package org.scalestudy.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.data.Column;
import org.scalestudy.data.DatasetLoader.Loaded;

/** The checker's second stage alone: each dataset read and its steps typed and applied. */
class DataLoadingTest {
    @TempDir
    Path dir;

    @Test
    void loadsEachDatasetAndReportsItsProblemsAtTheirPlace() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("ladder.csv"), CheckerTest.LADDER);
        Files.writeString(dir.resolve("outside.csv"), CheckerTest.LADDER);
        StageFixture f = new StageFixture(project, """
                study "t" {
                  data e = csv("ladder.csv") { let params = 1 }
                  data f = nope("x.csv")
                  data g = csv("../outside.csv")
                  data d = csv("ladder.csv") { let C = 6 * params * tokens }
                }
                """);
        ResolvedNames names = f.resolver().resolve(f.study);
        Map<String, Loaded> data = f.loading().loadAll(names.data().values());
        assertEquals(List.of("e", "f", "g", "d"), List.copyOf(data.keySet()), "study order");
        Loaded d = data.get("d");
        assertNotNull(d.table());
        assertEquals(8, d.table().rows(), "the ladder's eight rows");
        // Run a: C = 6 N D = 6 * 1e7 * 2e8 = 1.2e16.
        assertEquals(1.2e16, ((Column.Numbers) d.table().column("C")).values()[0], 1.2e16 * 1e-15);
        List<String> reported = f.reported();
        assertEquals(3, reported.size(), String.join("\n", reported));
        // "  data e = csv(\"ladder.csv\") { let " is 35 characters: the new column's name is at 36.
        assertEquals("2:36: error: column 'params' already exists in data 'e'; choose another name",
                reported.get(0));
        // "  data f = " is 11 characters: the reader's name is at 12.
        assertTrue(reported.get(1).startsWith("3:12: error: unknown data reader 'nope'"), reported.get(1));
        assertTrue(reported.get(1).contains("; readers: csv"), reported.get(1));
        assertTrue(reported.get(2).startsWith("4:16: error: refusing to read data file '../outside.csv': "),
                reported.get(2));
    }
}
