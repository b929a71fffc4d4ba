package org.scalestudy.law;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The built-in laws a study can name. To add a law, implement {@link LawKind} and list it in
 * {@link #ALL}; the library keeps them sorted by name, so listings are deterministic.
 */
public final class LawLibrary {
    private static final List<LawKind> ALL = Stream.<LawKind>of(
                    new AcrossRatios(),
                    new Bnsl(),
                    new Ceiling(),
                    new Chinchilla(),
                    new DirectPower(),
                    new LossToError(),
                    new PassAtK(),
                    new TwoStageChinchilla(),
                    new TwoStageLinear(),
                    new TwoStageLogistic())
            .sorted(Comparator.comparing(LawKind::name))
            .toList();

    private LawLibrary() {
    }

    /** Every built-in law, sorted by name. */
    public static List<LawKind> all() {
        return ALL;
    }

    /** The law a study calls {@code name} (exact, case-sensitive match). */
    public static Optional<LawKind> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
