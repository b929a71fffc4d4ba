package org.scalestudy.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.data.DatasetLoader.Loaded;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.results.Role;

/** The checker's third stage alone: a fit statement over loaded data becomes tasks. */
class TaskPlannerTest {
    @TempDir
    Path dir;

    private StageFixture fixture(String fits) throws Exception {
        Files.writeString(dir.resolve("ladder.csv"), CheckerTest.LADDER);
        return new StageFixture(dir, CheckerTest.HEAD + fits + "}\n");
    }

    private List<FitTask> plan(StageFixture f, int fit) {
        ResolvedNames names = f.resolver().resolve(f.study);
        Map<String, Loaded> data = f.loading().loadAll(names.data().values());
        FitDecl decl = f.study.fits().get(fit);
        return f.planner().plan(decl, data.get(decl.data().text()), names);
    }

    @Test
    void oneTaskPerGroupWithRolesAndTargets() throws Exception {
        StageFixture f = fixture("  fit direct to d by task window C < 2e17 holdout C > 2e17 predict 1e23, 2 * 5e22\n");
        List<FitTask> tasks = plan(f, 0);
        assertEquals(List.of(), f.reported());
        assertEquals(List.of("task=easy", "task=hard"), tasks.stream().map(FitTask::group).toList());
        // C = 6 N D: 1.2e16, 4.8e16, 1.92e17 below 2e17; 7.68e17 above, so held out.
        assertEquals(List.of(Role.FIT, Role.FIT, Role.FIT, Role.HOLDOUT), tasks.get(0).roles());
        // The targets fold to numbers: 1e23 and 2 * 5e22 = 1e23.
        assertEquals(List.of(1e23, 1e23), java.util.Arrays.stream(tasks.get(0).targets()).boxed().toList());
    }

    @Test
    void reportsAnEmptyWindowANonPositiveTargetAndASingleX() throws Exception {
        StageFixture f = fixture("""
                  fit direct to d window C < 1
                  fit direct to d predict -1
                  law flat = direct_power(x: 1e20, y: acc)
                  fit flat to d by task
                """);
        // HEAD is three lines, so the fits are lines 4, 5 and 7.
        assertEquals(List.of(), plan(f, 0));
        // "  fit direct to d window " is 25 characters: the window's condition starts at 26.
        assertEquals(List.of("4:26: error: the fit window selects no run of data 'd'"), f.reported());
        assertEquals(List.of(), plan(f, 1));
        // "  fit direct to d predict " is 26 characters: the target is at 27.
        assertEquals("5:27: error: a target is a positive number on the chart's axis, e.g. predict 1e23",
                f.reported().get(1));
        // x is the constant 1e20, so every fitted run of each group sits at x = 1e20: planned, with a warning
        // at the fit (column 3) per group.
        assertEquals(2, plan(f, 2).size());
        String tail = " has the same x (1.0E20); its parameters are not determined along that axis and its"
                + " extrapolation means nothing";
        assertEquals(List.of(
                "7:3: warning: every run law 'flat' is fitted to in data 'd' in group task=easy" + tail,
                "7:3: warning: every run law 'flat' is fitted to in data 'd' in group task=hard" + tail),
                f.reported().subList(2, f.reported().size()));
    }
}
