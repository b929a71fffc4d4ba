package org.scalestudy.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker's first stage alone: names on the syntax tree, no file read. */
class NameResolverTest {
    @TempDir
    Path dir;

    @Test
    void resolvesNamesWithoutReadingAFile() throws Exception {
        StageFixture f = new StageFixture(dir, """
                study "t" {
                  data d = csv("missing.csv")
                  data d = csv("other.csv")
                  law a = direct_power(x: C, y: acc)
                  law a = direct_power(x: C, y: acc)
                  law b = direct_power(x: C, y: acc)
                  fit a to d
                  fit c to e
                }
                """);
        NameResolver resolver = f.resolver();
        ResolvedNames names = resolver.resolve(f.study);
        // Neither data file exists, and the stage says nothing of it: it never looks.
        assertFalse(Files.exists(dir.resolve("missing.csv")));
        assertEquals(List.of("d"), List.copyOf(names.data().keySet()));
        assertEquals(2, names.data().get("d").name().pos().line(), "the first declaration of d wins");
        assertEquals(List.of("a", "b"), List.copyOf(names.lawNames()));
        assertEquals(List.of("a", "b"), List.copyOf(names.laws().keySet()));
        // Columns: "  data " and "  law " put the names at 8 and 7; "  fit c to " puts e at 12.
        // 'c' and 'a' (and 'b') are one edit apart; ties go to the first name in order.
        assertEquals(List.of(
                "3:8: error: data 'd' is already declared at line 2",
                "5:7: error: law 'a' is already declared at line 4",
                "8:7: error: unknown law 'c'; did you mean 'a'?",
                "8:12: error: unknown data 'e'; did you mean 'd'?"), f.reported());
        resolver.warnUnused(f.study);
        assertEquals("6:7: warning: law 'b' is declared but never fitted", f.reported().get(4));
        assertEquals(5, f.reported().size(), "d is used by 'fit a to d', so only b is unused");
    }

    @Test
    void bindsArgumentsAndFoldsOptions() throws Exception {
        StageFixture f = new StageFixture(dir, """
                study "t" {
                  data d = csv("ladder.csv")
                  law p = bnsl(x: C, y: loss, starts: 2 * 50)
                  law q = direct_power(y: acc, C)
                  fit p, q to d
                }
                """);
        ResolvedNames names = f.resolver().resolve(f.study);
        BoundLaw p = names.laws().get("p");
        assertEquals(List.of("x", "y"), List.copyOf(p.inputs().keySet()), "the inputs, in the kind's order");
        assertEquals("loss", p.yLabel());
        // starts folded from 2 * 50; delta is bnsl's default, 1e-3.
        assertEquals("builtin bnsl {delta=0.001, starts=100.0}", p.spec());
        // "  law q = direct_power(" is 23 characters, "y: acc, " 8 more: C is at column 32. C is dropped,
        // so x, which has no default, is missing: reported at the kind's name (column 11).
        assertEquals(List.of("4:32: error: a positional argument cannot follow a named one; write it as "
                + "'name: value'", "4:11: error: direct_power needs argument 'x' (compute C (FLOPs), the power "
                + "law's variable; must be positive)"), f.reported());
        assertFalse(names.laws().containsKey("q"), "a law with a problem is not bound");
        assertEquals(List.of("p", "q"), List.copyOf(names.lawNames()), "but its name is declared");
    }
}
