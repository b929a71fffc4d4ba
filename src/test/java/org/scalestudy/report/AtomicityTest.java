package org.scalestudy.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.results.StudyResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicityTest {

    @TempDir
    Path tmp;

    private Path site() {
        return tmp.resolve("site");
    }

    private Map<String, byte[]> buildGoodSite() throws IOException {
        new SiteBuilder().build(List.of(Fixtures.study()), site());
        return Fixtures.tree(site());
    }

    private void assertUnchanged(Map<String, byte[]> before) throws IOException {
        Map<String, byte[]> after = Fixtures.tree(site());
        // The previous site must survive a failed build exactly: same files, same bytes.
        assertEquals(before.keySet(), after.keySet());
        for (String file : before.keySet()) {
            assertArrayEquals(before.get(file), after.get(file), file);
        }
        // No temporary or old folder is left beside it.
        assertEquals(List.of("site"), Fixtures.entries(tmp));
    }

    @Test
    void failureInjectedMidwayLeavesThePreviousSite() throws IOException {
        Map<String, byte[]> before = buildGoodSite();
        SiteBuilder failing = new SiteBuilder((study, tempSite) -> {
            // Prove the failure happens after files were written into the temporary folder.
            assertTrue(Files.exists(tempSite.resolve(study.slug()).resolve("index.html")));
            throw new IOException("disk full (simulated)");
        });
        IOException e = assertThrows(IOException.class,
                () -> failing.build(List.of(Fixtures.study("other", "Other", "", "piqa", "x")), site()));
        // The caller gets the original failure, not a clean-up error.
        assertEquals("disk full (simulated)", e.getMessage());
        assertUnchanged(before);
    }

    @Test
    void studyThatBreaksRenderingLeavesThePreviousSite() throws IOException {
        Map<String, byte[]> before = buildGoodSite();
        StudyResult good = Fixtures.study("first", "First", "", "piqa", "x");
        StudyResult broken = new StudyResult("broken", "Broken", "", "studies/broken.study", "", "",
                List.of(), null, good.report());
        // The first study renders into the temporary folder, then the second one throws.
        assertThrows(NullPointerException.class, () -> new SiteBuilder().build(List.of(good, broken), site()));
        assertUnchanged(before);
    }

    @Test
    void invalidSlugFailsBeforeWritingAnything() throws IOException {
        Map<String, byte[]> before = buildGoodSite();
        StudyResult evil = Fixtures.study("../escape", "Evil", "", "piqa", "x");
        // A slug is a folder name; one that climbs out of the site must be refused up front.
        assertThrows(IllegalArgumentException.class, () -> new SiteBuilder().build(List.of(evil), site()));
        StudyResult twin = Fixtures.study("LADDER", "Twin", "", "piqa", "x");
        // Slugs that differ only in case collide on macOS and Windows file systems.
        assertThrows(IllegalArgumentException.class,
                () -> new SiteBuilder().build(List.of(Fixtures.study(), twin), site()));
        assertUnchanged(before);
    }

    @Test
    void interruptedSwapIsRepairedOnTheNextBuild() throws IOException {
        Map<String, byte[]> before = buildGoodSite();
        // Simulate a crash between the two renames: the old site is aside, the new one never arrived,
        // and a half-written temporary folder remains.
        Files.move(site(), tmp.resolve(".site-old"));
        Files.createDirectories(tmp.resolve(".site-tmp-123/ladder"));
        SiteBuilder failing = new SiteBuilder((study, tempSite) -> {
            // By the time the new build writes, the old site is back in place.
            assertTrue(Files.isDirectory(site()));
            throw new IOException("stop");
        });
        assertThrows(IOException.class, () -> failing.build(List.of(Fixtures.study()), site()));
        // The restored site is the old one, and both leftovers are gone.
        assertUnchanged(before);
    }

    @Test
    void leftoverOldFolderBesideACompleteSiteIsDeleted() throws IOException {
        buildGoodSite();
        // A swap that finished but could not delete the old tree leaves it beside the new site.
        Files.createDirectories(tmp.resolve(".site-old/ladder"));
        new SiteBuilder().build(List.of(Fixtures.study()), site());
        assertEquals(List.of("site"), Fixtures.entries(tmp));
    }

    @Test
    void refusesToReplaceAFolderItDidNotWrite() throws IOException {
        Path mine = tmp.resolve("site");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("thesis.tex"), "precious");
        // A mistyped output path must not wipe someone's folder.
        IOException e = assertThrows(IOException.class,
                () -> new SiteBuilder().build(List.of(Fixtures.study()), mine));
        assertTrue(e.getMessage().contains("not written by scalestudy"), e.getMessage());
        assertEquals("precious", Files.readString(mine.resolve("thesis.tex")));
        assertFalse(Files.exists(mine.resolve("index.html")));
        assertEquals(List.of("site"), Fixtures.entries(tmp));
    }

    @Test
    void buildsIntoAnEmptyOrMissingFolder() throws IOException {
        // An empty folder (e.g. freshly created by the user) is fine to replace…
        Files.createDirectories(site());
        new SiteBuilder().build(List.of(Fixtures.study()), site());
        assertTrue(Files.exists(site().resolve("index.html")));
        // …and so is a missing one under missing parents.
        Path deep = tmp.resolve("a/b/site");
        new SiteBuilder().build(List.of(Fixtures.study()), deep);
        assertTrue(Files.exists(deep.resolve("ladder/index.html")));
    }
}
