package org.scalestudy.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamedTest {

    @Test
    void everyNameParsesBackToItsConstantAndNothingElseParses() {
        // the words are the study language's and results.json's: exact, lower case, each constant once
        for (Role r : Role.values()) {
            assertEquals(Optional.of(r), Role.parse(r.text()));
        }
        for (ChartName c : ChartName.values()) {
            assertEquals(Optional.of(c), ChartName.parse(c.text()));
        }
        for (TableName t : TableName.values()) {
            assertEquals(Optional.of(t), TableName.parse(t.text()));
        }
        assertEquals(Optional.of(Role.HOLDOUT), Role.parse("holdout"));
        assertEquals(Optional.empty(), Role.parse("Holdout"));
        assertEquals(Optional.empty(), Role.parse("HOLDOUT"));
        assertEquals(Optional.empty(), ChartName.parse("scaling "));
        assertEquals(Optional.empty(), TableName.parse(""));
    }
}
