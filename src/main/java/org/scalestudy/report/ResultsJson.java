package org.scalestudy.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalestudy.results.StudyResult;

/**
 * Writes a study's {@code results.json}: the {@link StudyResult} as Jackson serialises its record components,
 * plus {@code "formatVersion": 1}, minus {@code sourceText} (the source is published beside it as a file,
 * and {@code sourceSha256} identifies it; leaving it out keeps the file small and its diffs about results).
 * Keys are sorted at every level, NaN and ±Infinity are written as {@code null}, the text is pretty-printed
 * with {@code \n} line ends. The format is documented field by field in {@code docs/results-json.md} and described by {@code results.schema.json} beside this class.
 */
public final class ResultsJson {

    /** Bumped when a field is renamed, removed or changes meaning; adding fields does not bump it. */
    public static final int FORMAT_VERSION = 1;

    /** The JSON Schema of this format, written at the root of every site (beside the study folders). */
    public static final String SCHEMA_FILE = "results.schema.json";

    private ResultsJson() {
    }

    /** The bytes of {@link #SCHEMA_FILE}, a resource beside this class. */
    public static byte[] schema() {
        try (java.io.InputStream in = ResultsJson.class.getResourceAsStream(SCHEMA_FILE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_FILE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text of {@code results.json} for {@code study}. */
    public static String write(StudyResult study) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            write(study, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Streams {@code results.json} for {@code study} to {@code out} (UTF-8; {@code out} stays open), field by
     * field in sorted order, without building the whole document in memory first.
     */
    public static void write(StudyResult study, java.io.OutputStream out) throws java.io.IOException {
        java.util.SortedMap<String, Object> fields = new java.util.TreeMap<>();
        for (java.lang.reflect.RecordComponent c : StudyResult.class.getRecordComponents()) {
            if (!c.getName().equals("sourceText")) {
                try {
                    fields.put(c.getName(), c.getAccessor().invoke(study));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of a StudyResult", e);
                }
            }
        }
        fields.put("formatVersion", FORMAT_VERSION);
        try (com.fasterxml.jackson.core.JsonGenerator generator = JsonSupport.prettyGenerator(out)) {
            generator.writeStartObject();
            for (java.util.Map.Entry<String, Object> field : fields.entrySet()) {
                generator.writeFieldName(field.getKey());
                JsonSupport.writeValue(generator, field.getValue());
            }
            generator.writeEndObject();
        }
        out.write('\n');
    }

    /**
     * Streams one fit to {@code out} as {@code results.json} holds it in {@code fits} (keys sorted, non-finite
     * numbers as null, pretty-printed, a final newline): a fit page's JSON download.
     */
    public static void writeFit(org.scalestudy.results.FitOutcome fit, java.io.OutputStream out)
            throws java.io.IOException {
        try (com.fasterxml.jackson.core.JsonGenerator generator = JsonSupport.prettyGenerator(out)) {
            JsonSupport.writeValue(generator, fit);
        }
        out.write('\n');
    }
}
