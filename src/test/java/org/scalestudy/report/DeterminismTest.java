package org.scalestudy.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.results.StudyResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DeterminismTest {

    @TempDir
    Path tmp;

    @Test
    void sameInputGivesByteIdenticalTrees() throws IOException {
        List<StudyResult> studies = List.of(Fixtures.study(),
                Fixtures.study("second", "Second", "", "hellaswag", "q1"));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        new SiteBuilder().build(studies, a);
        // A second builder instance and a different default locale must not change a byte:
        // number formatting is locale-independent by construction, not by accident of the test machine.
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            new SiteBuilder().build(studies, b);
        } finally {
            Locale.setDefault(saved);
        }
        Map<String, byte[]> first = Fixtures.tree(a);
        Map<String, byte[]> second = Fixtures.tree(b);
        // Same set of files…
        assertEquals(first.keySet(), second.keySet());
        // …with the same bytes: a rebuild of an unchanged study produces no diff in the published site.
        for (String file : first.keySet()) {
            assertArrayEquals(first.get(file), second.get(file), file);
        }
    }

    @Test
    void rebuildingInPlaceGivesTheSameTree() throws IOException {
        Path site = tmp.resolve("site");
        new SiteBuilder().build(List.of(Fixtures.study()), site);
        Map<String, byte[]> first = Fixtures.tree(site);
        new SiteBuilder().build(List.of(Fixtures.study()), site);
        Map<String, byte[]> second = Fixtures.tree(site);
        // Replacing a site must not leave stale files or change content (e.g. through the swap).
        assertEquals(first.keySet(), second.keySet());
        for (String file : first.keySet()) {
            assertArrayEquals(first.get(file), second.get(file), file);
        }
    }
}
