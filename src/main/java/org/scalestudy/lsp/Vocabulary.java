package org.scalestudy.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalestudy.lang.Functions;
import org.scalestudy.data.readers.DataReader;
import org.scalestudy.data.readers.Readers;
import org.scalestudy.law.ArgSpec;
import org.scalestudy.law.LawKind;
import org.scalestudy.law.LawLibrary;
import org.scalestudy.lang.parser.StudyLexer;

/**
 * The words of the study language an editor can explain and offer: keywords (from the grammar), law kinds with
 * their summaries and arguments, data readers with their options, and the expression functions.
 */
final class Vocabulary {
    private Vocabulary() {
    }

    /** A word, what kind of word it is, and its explanation in Markdown. */
    record Entry(String word, String kind, String detail, String markdown) { }

    /** Every keyword of the grammar ('study', 'data', 'fit', …), in the grammar's order. */
    static List<String> keywords() {
        List<String> out = new ArrayList<>();
        for (int type = 1; type <= StudyLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = StudyLexer.VOCABULARY.getLiteralName(type);
            if (literal != null && literal.length() > 3 && Character.isLetter(literal.charAt(1))) {
                out.add(literal.substring(1, literal.length() - 1));
            }
        }
        return out;
    }

    static List<Entry> lawKinds() {
        return LawLibrary.all().stream().map(Vocabulary::lawKind).toList();
    }

    static List<Entry> readers() {
        return Readers.names().stream().map(n -> reader(Readers.find(n).orElseThrow())).toList();
    }

    static List<Entry> functions() {
        return Functions.names().stream().map(Vocabulary::function).toList();
    }

    /** The options of every law kind and reader, each with what it belongs to. */
    static List<Entry> options() {
        List<Entry> out = new ArrayList<>();
        for (LawKind kind : LawLibrary.all()) {
            for (ArgSpec a : kind.args()) {
                out.add(new Entry(a.name(), a.kind() == ArgSpec.Kind.OPTION ? "option" : "argument",
                        kind.name() + " " + a.name(), "**" + a.name() + "** (" + kind.name() + " "
                        + (a.kind() == ArgSpec.Kind.OPTION ? "option" : "input") + "): " + a.description()
                        + (a.defaultValue() == null ? "" : "; default " + a.defaultValue())));
            }
        }
        for (String name : Readers.names()) {
            for (Map.Entry<String, String> o : Readers.find(name).orElseThrow().options().entrySet()) {
                out.add(new Entry(o.getKey(), "option", name + " " + o.getKey(),
                        "**" + o.getKey() + "** (" + name + " option): " + o.getValue()));
            }
        }
        return out;
    }

    /** The explanation of a word: a law kind, reader, function or option, in that order of preference. */
    static Optional<Entry> explain(String word) {
        Optional<LawKind> kind = LawLibrary.find(word);
        if (kind.isPresent()) {
            return Optional.of(lawKind(kind.get()));
        }
        Optional<DataReader> reader = Readers.find(word);
        if (reader.isPresent()) {
            return Optional.of(reader(reader.get()));
        }
        if (Functions.names().contains(word)) {
            return Optional.of(function(word));
        }
        List<Entry> options = options().stream().filter(e -> e.word().equals(word)).toList();
        if (options.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder md = new StringBuilder();
        for (Entry e : options) {
            md.append(md.length() == 0 ? "" : "\n\n").append(e.markdown());
        }
        return Optional.of(new Entry(word, "option", options.get(0).detail(), md.toString()));
    }

    private static Entry lawKind(LawKind kind) {
        StringBuilder signature = new StringBuilder(kind.name()).append('(');
        StringBuilder args = new StringBuilder();
        for (int i = 0; i < kind.args().size(); i++) {
            ArgSpec a = kind.args().get(i);
            signature.append(i == 0 ? "" : ", ").append(a.name()).append(": ")
                    .append(a.kind() == ArgSpec.Kind.OPTION ? "number" : "expr");
            args.append("\n- `").append(a.name()).append("` ")
                    .append(a.kind() == ArgSpec.Kind.OPTION ? "(option" : "(input")
                    .append(a.defaultValue() == null ? (a.required() ? ", required) " : ") ")
                            : ", default " + a.defaultValue() + ") ")
                    .append(a.description());
        }
        signature.append(')');
        return new Entry(kind.name(), "law kind", signature.toString(),
                "**" + kind.name() + "** (law kind): " + kind.summary() + "\n\n`" + signature + "`\n" + args);
    }

    private static Entry reader(DataReader reader) {
        StringBuilder md = new StringBuilder("**" + reader.name() + "(\"path\", option: value, …)** (data reader)");
        if (reader.options().isEmpty()) {
            md.append("\n\nNo options.");
        }
        for (Map.Entry<String, String> o : reader.options().entrySet()) {
            md.append("\n- `").append(o.getKey()).append("` ").append(o.getValue());
        }
        return new Entry(reader.name(), "reader", reader.name() + "(path, options)", md.toString());
    }

    private static Entry function(String name) {
        int arity = Functions.arity(name);
        Double constant = Functions.constant(name);
        String signature = constant != null ? name + " = " + constant
                : name + "(" + String.join(", ", java.util.Collections.nCopies(arity, "x")) + ")";
        return new Entry(name, "function", signature, "**" + signature + "** (function in expressions)");
    }
}
