package org.scalestudy.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Jackson set-up shared by the report stage. Two outputs, two writers:
 *
 * <ul>
 *   <li>{@link #toTree(Object)} / {@link #pretty(JsonNode)}: files such as {@code results.json} — keys sorted
 *       at every level, two-space indent, {@code \n} line ends on every OS, NaN and ±Infinity as {@code null};</li>
 *   <li>{@link #htmlSafe(JsonNode)}: compact JSON that may sit inside an HTML {@code <script>} element —
 *       {@code <}, {@code >}, {@code &}, U+2028 and U+2029 are written as {@code \}{@code uXXXX} escapes,
 *       so no string can close the element or start a comment, and the text stays valid JSON and JavaScript.</li>
 * </ul>
 *
 * Doubles are written with Jackson's Schubfach writer ({@link StreamWriteFeature#USE_FAST_DOUBLE_WRITER}),
 * whose output does not depend on the JDK's {@code Double.toString} (which changed in JDK 19).
 */
final class JsonSupport {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectMapper TREE_MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .addMixIn(org.scalestudy.fit.OptimizeResult.class, OptimizationFields.class)
            .addMixIn(org.scalestudy.results.FitOutcome.class, FitOutcomeFields.class)
            .addMixIn(org.scalestudy.results.Uncertainty.class, UncertaintyFields.class)
            // Roles and chart and table names as their names in a study ("fit", "scaling"), not as Java constants.
            .enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .addModule(new SimpleModule("scalestudy-non-finite")
                    .addSerializer(Double.class, new NonFiniteAsNull())
                    .addSerializer(Double.TYPE, new NonFiniteAsNull()))
            .build();

    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private static final ObjectWriter PRETTY = new ObjectMapper(
            JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build())
            .writer(PRINTER);

    /**
     * Writes objects straight to a stream in the form {@link #pretty(JsonNode)} gives their tree (keys sorted,
     * same indent, same numbers), without building the tree: a study of 10,000 fits and a million runs would
     * need more memory for the tree than for the study.
     */
    private static final ObjectMapper STREAM_MAPPER = JsonMapper.builder(
                    JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .addMixIn(org.scalestudy.fit.OptimizeResult.class, OptimizationFields.class)
            .addMixIn(org.scalestudy.results.FitOutcome.class, FitOutcomeFields.class)
            .addMixIn(org.scalestudy.results.Uncertainty.class, UncertaintyFields.class)
            .addModule(new SimpleModule("scalestudy-non-finite-stream")
                    .addSerializer(Double.class, new NonFiniteAsNull())
                    .addSerializer(Double.TYPE, new NonFiniteAsNull()))
            .build();

    private static final ObjectWriter HTML_SAFE = new ObjectMapper(
            new JsonFactoryBuilder()
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .characterEscapes(new HtmlSafeEscapes())
                    .build())
            .writer();

    private JsonSupport() {
    }

    /**
     * Makes the streaming mapper, the one a build writes with, and its serializers for a {@code StudyResult} and all
     * it holds ({@link ReportWarmUp}). (The tree mapper serves {@link #toTree}, which only the tests' reference uses.)
     */
    static void prepare() {
        STREAM_MAPPER.canSerialize(org.scalestudy.results.StudyResult.class);
    }

    /**
     * A fit's {@code optimization} in results.json: the account of its search, without the solution and its
     * bounds and standard errors, which the fit's {@code parameters} hold.
     */
    @com.fasterxml.jackson.annotation.JsonIncludeProperties({"method", "objective", "converged", "iterations",
            "evaluations", "starts", "startsAtBest", "gradientNorm", "message"})
    private abstract static class OptimizationFields {
    }

    /**
     * A fit in results.json: one object with its parts' fields flat (the parts are not its keys), read through the
     * record's flat accessors, which Jackson would not find by their names alone. The results stage stays free of
     * any serialization library; this is the one place that says what results.json holds of a fit.
     */
    @SuppressWarnings("unused")
    private abstract static class FitOutcomeFields {
        @JsonIgnore abstract org.scalestudy.results.FitOutcome.Subject subject();

        @JsonIgnore abstract org.scalestudy.results.FitOutcome.Estimate estimate();

        @JsonIgnore abstract org.scalestudy.results.FitOutcome.Checks checks();

        @JsonIgnore abstract org.scalestudy.results.Draws draws();

        @JsonProperty("law") abstract String law();

        @JsonProperty("lawKind") abstract String lawKind();

        @JsonProperty("formula") abstract String formula();

        @JsonProperty("dataset") abstract String dataset();

        @JsonProperty("group") abstract String group();

        @JsonProperty("line") abstract int line();

        @JsonProperty("xLabel") abstract String xLabel();

        @JsonProperty("yLabel") abstract String yLabel();

        @JsonProperty("parameters") abstract Object parameters();

        @JsonProperty("optimization") abstract Object optimization();

        @JsonProperty("fitMetrics") abstract Object fitMetrics();

        @JsonProperty("holdoutMetrics") abstract Object holdoutMetrics();

        @JsonProperty("runs") abstract Object runs();

        @JsonProperty("curve") abstract Object curve();

        @JsonProperty("targets") abstract Object targets();

        @JsonProperty("computeOptimal") abstract Object computeOptimal();

        @JsonProperty("window") abstract Object window();

        @JsonProperty("backtest") abstract Object backtest();
    }

    /** A fit's bootstrap in results.json: the intervals, not the draws behind them (kept for the cache). */
    @SuppressWarnings("unused")
    private abstract static class UncertaintyFields {
        @JsonIgnore abstract org.scalestudy.results.Draws draws();
    }

    /** The object as a tree; record components become keys; non-finite doubles become {@code null}. */
    static JsonNode toTree(Object value) {
        return TREE_MAPPER.valueToTree(value);
    }

    /** Pretty-printed text with keys sorted at every level, ending in a newline. */
    static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(sortKeys(node)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generator writing pretty JSON as {@link #pretty(JsonNode)} does; it does not close {@code out}. */
    static JsonGenerator prettyGenerator(java.io.OutputStream out) throws IOException {
        JsonGenerator generator = STREAM_MAPPER.getFactory().createGenerator(out,
                com.fasterxml.jackson.core.JsonEncoding.UTF8);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.setPrettyPrinter(PRINTER.createInstance());
        return generator;
    }

    /** Writes {@code value} (a record, list, number, string or null) as the value of the generator's next slot. */
    static void writeValue(JsonGenerator generator, Object value) throws IOException {
        STREAM_MAPPER.writeValue(generator, value);
    }

    /** Compact text that is safe inside {@code <script type="application/json">} (see the class comment). */
    static String htmlSafe(JsonNode node) {
        try {
            return HTML_SAFE.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code node} whose objects have their keys in ascending (UTF-16) order; arrays keep their order. */
    static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode sorted = NODES.objectNode();
            for (String name : names) {
                sorted.set(name, sortKeys(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = NODES.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                sorted.add(sortKeys(it.next()));
            }
            return sorted;
        }
        return node;
    }

    /** Puts {@code v} under {@code key}, or {@code null} when it is NaN or infinite (JSON has no such numbers). */
    static void putNumber(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    private static final class NonFiniteAsNull extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        NonFiniteAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    /** Escapes the characters that matter to an HTML parser or to pre-2019 JavaScript engines. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final SerializedString LS = new SerializedString("\\u2028");
        private static final SerializedString PS = new SerializedString("\\u2029");
        private final int[] ascii;

        HtmlSafeEscapes() {
            int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
            codes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            codes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            codes['&'] = CharacterEscapes.ESCAPE_STANDARD;
            this.ascii = codes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii.clone();
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) {
                return LS;
            }
            if (ch == 0x2029) {
                return PS;
            }
            return null;
        }
    }
}
