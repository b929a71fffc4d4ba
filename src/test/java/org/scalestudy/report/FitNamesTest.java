package org.scalestudy.report;

import org.junit.jupiter.api.Test;
import org.scalestudy.results.FitOutcome;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.scalestudy.testsupport.FlatFits;

/** The file names of fit pages: readable, safe, unique ignoring case, and the same for the same study. */
class FitNamesTest {

    private static FitOutcome fit(String law, String dataset, String group) {
        FitOutcome f = Fixtures.study().fits().get(0);
        return FlatFits.fit(law, f.lawKind(), f.formula(), dataset, group, f.line(), f.xLabel(), f.yLabel(),
                f.parameters(), f.optimization(), f.fitMetrics(), f.holdoutMetrics(), f.runs(), f.curve());
    }

    @Test
    void lawDatasetAndGroupNameTheFit() {
        assertEquals(List.of("direct--evals--dataset-c4_original-task-arc_easy", "chinchilla--runs"),
                SiteLayout.fitNames(List.of(fit("direct", "evals", "dataset=c4_original, task=arc_easy"),
                        fit("chinchilla", "runs", ""))));
    }

    @Test
    void unsafeTextBecomesDashesAndAnEmptyPartAnUnderscore() {
        // Markup, quotes, slashes, dots, spaces and non-ASCII letters are runs of "-"; edges are trimmed.
        assertEquals(List.of("l--d--metric-script-alert-1-script", "l--d--_", "l--d--caf-na-ve-x-y"),
                SiteLayout.fitNames(List.of(fit("l", "d", "metric=</script>\"alert(1)'<script>"),
                        fit("l", "d", "../../"), fit("l", "d", "Café/Naïve x.y"))));
    }

    @Test
    void namesThatWouldCollideGetASuffixInFitOrder() {
        // The same law, data and group twice; groups that differ only in case or punctuation; and a group whose
        // name is already what a suffix would give.
        List<String> names = SiteLayout.fitNames(List.of(fit("l", "d", "g=a"), fit("l", "d", "g=a"),
                fit("l", "d", "G=A"), fit("l", "d", "g a"), fit("l", "d", "g-a-2")));
        assertEquals(List.of("l--d--g-a", "l--d--g-a-2", "l--d--g-a-3", "l--d--g-a-4", "l--d--g-a-2-2"), names);
        Set<String> lower = new HashSet<>();
        names.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
        assertEquals(names.size(), lower.size());
        // Deterministic: the same fits give the same names.
        assertEquals(names, SiteLayout.fitNames(List.of(fit("l", "d", "g=a"), fit("l", "d", "g=a"),
                fit("l", "d", "G=A"), fit("l", "d", "g a"), fit("l", "d", "g-a-2"))));
    }

    @Test
    void longNamesAreCutAndStayUnique() {
        String longGroup = "task=" + "x".repeat(300);
        List<String> names = SiteLayout.fitNames(List.of(fit("l", "d", longGroup), fit("l", "d", longGroup + "y")));
        assertEquals(SiteLayout.FIT_NAME_LENGTH, names.get(0).length());
        assertEquals(names.get(0) + "-2", names.get(1));
        for (String n : names) {
            assertTrue(n.matches("[a-z0-9_-]+"), n);
        }
    }
}
