package org.scalestudy.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReportWarmUpTest {

    @Test
    void theWarmUpParsesEveryTemplateInTheFolder() throws IOException {
        // a template added to templates/ but not to the list would be parsed on the critical path again
        List<String> inFolder;
        try (Stream<Path> files = Files.list(Path.of("templates"))) {
            inFolder = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ftlh")).sorted().toList();
        }
        assertEquals(inFolder, PageRenderer.TEMPLATE_NAMES);
        assertDoesNotThrow(PageRenderer::prepare);
    }
}
