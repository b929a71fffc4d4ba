package org.scalestudy.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LawLibraryTest {
    @Test
    void listsTheBuiltInsSortedByName() {
        List<String> names = LawLibrary.all().stream().map(LawKind::name).toList();
        assertTrue(names.containsAll(List.of("chinchilla", "direct_power")), names.toString());
        // sorted by name and without duplicates, so listings and diagnostics are deterministic
        assertEquals(names.stream().sorted().distinct().toList(), names);
        assertEquals(LawLibrary.all(), LawLibrary.all(), "the same list every time");
    }

    @Test
    void findsByExactName() {
        assertEquals("direct_power", LawLibrary.find("direct_power").orElseThrow().name());
        assertTrue(LawLibrary.find("chinchilla").isPresent());
        assertFalse(LawLibrary.find("Chinchilla").isPresent(), "names are case-sensitive");
        assertFalse(LawLibrary.find("no_such_law").isPresent());
        assertFalse(LawLibrary.find(null).isPresent());
    }

    @Test
    void everyLawDescribesItself() {
        for (LawKind kind : LawLibrary.all()) {
            assertFalse(kind.summary().isBlank());
            for (ArgSpec arg : kind.args()) {
                assertFalse(arg.description().isBlank(), kind.name() + "." + arg.name());
                if (arg.kind() == ArgSpec.Kind.OPTION) {
                    assertFalse(arg.required(), "options have defaults: " + kind.name() + "." + arg.name());
                }
            }
            Law law = kind.bind(java.util.Map.of());
            assertEquals(kind.name(), law.kind());
            assertFalse(law.formula().isBlank());
        }
        for (String name : List.of("chinchilla", "direct_power")) {
            // at least as many rows as parameters, so the fit is determined
            Law law = LawLibrary.find(name).orElseThrow().bind(java.util.Map.of());
            assertTrue(law.minimumRows() >= law.parameterNames().size(), name);
        }
    }
}
