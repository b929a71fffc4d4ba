package org.scalestudy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.ParameterValue;
import org.scalestudy.results.StudyResult;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.Uncertainty;
import org.scalestudy.testsupport.FlatFits;

/**
 * results.json is streamed field by field (a tree of a million runs does not fit a 2 GB heap); the text must be
 * exactly what the tree writer gives: the tree (record components as keys, non-finite numbers as null, minus
 * sourceText, plus formatVersion) with keys sorted at every level and pretty-printed.
 */
class ResultsJsonStreamingTest {
    static String viaTree(StudyResult study) {
        ObjectNode tree = (ObjectNode) JsonSupport.toTree(study);
        tree.remove("sourceText");
        tree.put("formatVersion", ResultsJson.FORMAT_VERSION);
        return JsonSupport.pretty(tree);
    }

    @Test
    void streamedTextEqualsTheSortedTreeText() {
        StudyResult study = Fixtures.study();
        assertEquals(viaTree(study), ResultsJson.write(study));
    }

    @Test
    void intervalsTargetsNullsAndHostileTextStreamAlikeToo() {
        StudyResult base = Fixtures.study("s", "</script>\u2028${7*7}", "<#assign x=1>", "g\"\\", "r\u0000");
        FitOutcome f = base.fits().get(0);
        FitOutcome withBootstrap = FlatFits.fit(f.law(), f.lawKind(), f.formula(), f.dataset(), f.group(), f.line(),
                f.xLabel(), f.yLabel(), List.of(new ParameterValue("A", 1.5, 1.2, Double.POSITIVE_INFINITY, "upper")),
                null, f.fitMetrics(), null, f.runs(), List.of(new CurvePoint("", -0.0, 1e-300)),
                List.of(new TargetPrediction("", 1e22, 0.7, Double.NaN, 0.8)),
                new Uncertainty(200, 7, 0.95, 3, List.of(new Uncertainty.BandPoint("", 1e21, 0.5, 0.6))),
                List.of(new org.scalestudy.results.ComputeOptimal(1e21, 1e9, 9e8, Double.NaN, 1.7e11, 1.6e11, 1.8e11,
                        2.1, 2.0, 2.2, true)));
        StudyResult study = new StudyResult(base.slug(), base.title(), null, base.sourceFile(), base.sourceText(),
                base.sourceSha256(), base.datasets(), List.of(withBootstrap, base.fits().get(1)), base.report());
        assertEquals(viaTree(study), ResultsJson.write(study));
    }
}
