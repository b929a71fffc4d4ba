package org.scalestudy.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.results.ChartName;
import org.scalestudy.results.ReportRequest;
import org.scalestudy.results.StudyResult;
import org.scalestudy.results.TableName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportRequestTest {

    @TempDir
    Path tmp;

    private String page(ReportRequest report) throws IOException {
        StudyResult s = Fixtures.study();
        s = new StudyResult(s.slug(), s.title(), s.description(), s.sourceFile(), s.sourceText(), s.sourceSha256(),
                s.datasets(), s.fits(), report);
        Path site = tmp.resolve("site");
        new SiteBuilder().build(List.of(s), site);
        // The study page, then the two fits' pages.
        return Files.readString(site.resolve("ladder/index.html"))
                + Files.readString(site.resolve("ladder/fits/direct--runs--metric-arc_easy.html"))
                + Files.readString(site.resolve("ladder/fits/bnsl--runs.html"));
    }

    @Test
    void showsOnlyWhatTheReportAsksFor() throws IOException {
        String html = page(new ReportRequest(List.of(ChartName.SCALING, ChartName.SCALING), List.of(TableName.ERRORS)));
        // One scaling chart per fit; asking twice does not duplicate it (ids must stay unique).
        assertEquals(List.of("fit-1-scaling-spec", "fit-2-scaling-spec"),
                List.copyOf(Fixtures.embeddedJson(html).keySet()));
        // Tables not asked for are not shown, except the runs table, which holds the scaling chart's numbers.
        assertTrue(html.contains("<caption>Errors</caption>"));
        assertFalse(html.contains("<caption>Parameters</caption>"));
        assertTrue(html.contains("<caption>Runs</caption>"));
        assertTrue(html.contains("The chart as a table: <a href=\"#fit-1-runs\">the runs table below</a>."), html);
        // The summary and the data section are always there.
        assertTrue(html.contains("<section id=\"data\">"));
        assertTrue(html.contains("data/ladder.csv"));
    }

    @Test
    void withoutChartsThePageLoadsNoScripts() throws IOException {
        String html = page(new ReportRequest(List.of(), List.of(TableName.PARAMETERS)));
        // No charts → no 1 MB of Vega to download, and no inline script: only the site's small site.js
        // (sortable tables) is loaded, by each of the three pages.
        assertFalse(html.contains("vega"));
        assertEquals(3, html.split("<script", -1).length - 1);
        assertTrue(html.contains("<script src=\"../assets/site.js\" defer></script>"));
        assertTrue(html.contains("<script src=\"../../assets/site.js\" defer></script>"));
        assertTrue(html.contains("<caption>Parameters</caption>"));
        // No chart, so no runs table either: only what was asked for.
        assertFalse(html.contains("<caption>Runs</caption>"));
    }

    @Test
    void eachNameIsKeptOnceInTheOrderAskedFor() {
        // The checker rejects a name listed twice; a request built elsewhere still cannot show a chart twice.
        ReportRequest r = new ReportRequest(List.of(ChartName.PARITY, ChartName.SCALING, ChartName.PARITY),
                List.of(TableName.RUNS, TableName.ERRORS, TableName.RUNS));
        assertEquals(List.of(ChartName.PARITY, ChartName.SCALING), r.charts());
        assertEquals(List.of(TableName.RUNS, TableName.ERRORS), r.tables());
    }
}
