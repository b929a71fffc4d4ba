package org.scalestudy.data.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.scalestudy.data.DataError;
import org.scalestudy.data.DataSandbox;

/** The data formats a study can select, by name, and reading with the row checks. */
public final class Readers {
    private static final List<DataReader> ALL = Stream.<DataReader>of(
                    new CsvTableReader(),
                    new GadreReader(),
                    new JsonLinesReader(),
                    new KrajewskiCsvReader(),
                    new LmEvalReader(),
                    new TrainingLogReader())
            .sorted(Comparator.comparing(DataReader::name))
            .toList();

    private Readers() {
    }

    public static List<String> names() {
        return ALL.stream().map(DataReader::name).toList();
    }

    public static Optional<DataReader> find(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * A table read and checked.
     *
     * @param problems every row problem ({@link RowValidator}), each once, in order
     * @param warnings what the study should know but that does not stop it, e.g. duplicate rows left out
     *                 ({@link Duplicates}); each at a place in the data
     * @param sha256   digest of the input: the file's bytes for one file; for several, of each file's
     *                 path (relative to the path the study names) and bytes, in sorted order
     */
    public record Result(ReadTable read, List<DataError> problems, List<DataError> warnings, String sha256) { }

    /**
     * Reads with the reader, resolves duplicate rows by the {@code duplicates} option (or the reader's
     * default), then checks the rows that remain.
     */
    public static Result read(DataReader reader, Path path, DataSandbox sandbox, ReaderOptions options)
            throws DataError, OptionError {
        Duplicates.Policy policy = reader.options().containsKey(Duplicates.OPTION)
                ? Duplicates.policy(options, reader.duplicates()) : reader.duplicates();
        Duplicates.Resolved resolved = Duplicates.resolve(reader.read(path, sandbox, options), policy);
        ReadTable read = resolved.read();
        List<DataError> problems = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (DataError e : RowValidator.problems(read, policy == Duplicates.Policy.ERROR)) {
            if (seen.add(e.file() + ":" + e.line() + ":" + e.field() + ":" + e.getMessage())) {
                problems.add(e);
            }
        }
        List<DataError> warnings = new ArrayList<>(read.leftOut());
        if (resolved.warning() != null) {
            warnings.add(resolved.warning());
        }
        return new Result(read, List.copyOf(problems), List.copyOf(warnings), digest(path, read.inputs()));
    }

    static String digest(Path path, List<Path> inputs) throws DataError {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (inputs.size() == 1 && inputs.get(0).equals(path)) {
                sha.update(Files.readAllBytes(path));
            } else {
                List<Path> sorted = inputs.stream().sorted(Comparator.comparing(p -> relative(path, p))).toList();
                for (Path p : sorted) {
                    sha.update(relative(path, p).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    byte[] bytes = Files.readAllBytes(p);
                    sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(bytes);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new DataError(path, 0, 0, "cannot read (" + e.getMessage() + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String relative(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return b.relativize(abs).toString().replace('\\', '/');
    }
}
