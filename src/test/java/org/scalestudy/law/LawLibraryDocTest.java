package org.scalestudy.law;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The table of law kinds (docs/laws.md) lists every kind the library has. */
class LawLibraryDocTest {
    @Test
    void everyLawKindHasARowInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("docs/laws.md"));
        for (LawKind kind : LawLibrary.all()) {
            assertTrue(readme.contains("| `" + kind.name() + "` |"), "docs/laws.md has no row for law kind " + kind.name());
        }
    }
}
