package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scalestudy.report.ResultsJson;
import org.scalestudy.testsupport.PublishedSite;

/** Every published study's results.json satisfies the schema the site publishes beside it. */
@Tag("full")
class PublishedResultsSchemaTest {

    @Test
    void everyPublishedResultsJsonValidates() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ObjectMapper().readTree(ResultsJson.schema()));
        Map<String, JsonNode> results = PublishedSite.results();
        assertEquals(11, results.size(), "the eleven studies of studies/published/");
        boolean sawBootstrap = false;
        boolean sawDecision = false;
        boolean sawSkipped = false;
        for (Map.Entry<String, JsonNode> study : results.entrySet()) {
            Set<ValidationMessage> errors = schema.validate(study.getValue());
            assertEquals(Set.of(), errors, study.getKey() + "/results.json");
            for (JsonNode fit : study.getValue().get("fits")) {
                sawBootstrap |= !fit.get("uncertainty").isNull() && fit.get("computeOptimal").size() > 0;
            }
            sawDecision |= study.getValue().get("decisions").size() > 0;
            sawSkipped |= study.getValue().get("skippedGroups").size() > 0;
        }
        // the published studies exercise the schema's optional parts too, not only its skeleton
        assertTrue(sawBootstrap, "a published fit has a bootstrap and a compute-optimal frontier");
        assertTrue(sawDecision, "a published study has decisions");
        assertTrue(sawSkipped, "a published study skips small groups (obsscaling-families, min runs 3)");
    }
}
