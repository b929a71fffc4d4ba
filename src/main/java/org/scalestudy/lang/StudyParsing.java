package org.scalestudy.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.scalestudy.lang.ast.Pos;
import org.scalestudy.lang.ast.Study;
import org.scalestudy.lang.parser.StudyLexer;
import org.scalestudy.lang.parser.StudyParser;

/** Study text to syntax tree: runs the ANTLR parser and turns syntax errors into diagnostics. */
public final class StudyParsing {
    private StudyParsing() {
    }

    /** Parses a whole study file; every syntax error is reported, none is thrown past this method. */
    public static Study parse(SourceFile source) throws DiagnosticException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        SyntaxErrors listener = new SyntaxErrors(source, diagnostics);
        StudyLexer lexer = new StudyLexer(CharStreams.fromString(source.text(), source.displayName()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        Token tooDeep = NestingLimit.exceeded(tokens.getTokens());
        if (tooDeep != null) {
            diagnostics.add(NestingLimit.diagnostic(source, tooDeep));
            throw new DiagnosticException(diagnostics);
        }
        StudyParser parser = NestingLimit.parser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        StudyParser.StudyContext tree;
        try {
            tree = parser.study();
        } catch (NestingLimit.TooDeep e) {
            diagnostics.add(NestingLimit.diagnostic(source, e.at));
            throw new DiagnosticException(diagnostics);
        }
        if (!diagnostics.isEmpty()) {
            throw new DiagnosticException(diagnostics);
        }
        Token deep = NestingLimit.exceeded(tree);
        if (deep != null) {
            diagnostics.add(NestingLimit.diagnostic(source, deep));
            throw new DiagnosticException(diagnostics);
        }
        AstBuilder builder = new AstBuilder(source, diagnostics);
        Study study = builder.study(tree);
        if (!diagnostics.isEmpty()) {
            throw new DiagnosticException(diagnostics);
        }
        return study;
    }

    /** Rewrites ANTLR's messages into "unexpected X; expected Y" at the offending token. */
    private static final class SyntaxErrors extends BaseErrorListener {
        private final SourceFile source;
        private final List<Diagnostic> diagnostics;

        SyntaxErrors(SourceFile source, List<Diagnostic> diagnostics) {
            this.source = source;
            this.diagnostics = diagnostics;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            Pos pos = new Pos(line, charPositionInLine + 1);
            String message;
            if (offendingSymbol instanceof Token token && token.getType() == StudyLexer.UNTERMINATED_STRING) {
                message = "unterminated string: a string ends with \" on the same line, and its only escapes are"
                        + " \\\" \\\\ \\n \\t";
            } else if (offendingSymbol instanceof Token token && recognizer instanceof Parser parser) {
                String expected = expected(parser, token);
                Token open = expected.contains("')'") || expected.contains("']'") ? null : unclosed(parser, token);
                message = "unexpected " + describe(token) + "; " + (open == null ? "expected " + expected
                        : "the '" + open.getText() + "' at line " + open.getLine() + ", column "
                        + (open.getCharPositionInLine() + 1) + " is never closed");
            } else {
                message = "unexpected character in study text";
            }
            // A bad token is reported once by the parser, with what it found; skip repeats at one place.
            boolean repeat = diagnostics.stream().anyMatch(d -> d.line() == pos.line() && d.column() == pos.column());
            if (!repeat) {
                diagnostics.add(source.error(pos, message));
            }
        }

        private static String describe(Token token) {
            return switch (token.getType()) {
                case Token.EOF -> "end of file";
                case StudyLexer.BAD_CHAR -> "character '" + token.getText() + "'";
                case StudyLexer.ID -> "name '" + cut(token.getText()) + "'";
                case StudyLexer.NUMBER -> "number " + cut(token.getText());
                case StudyLexer.STRING -> "string " + cut(token.getText());
                default -> "'" + cut(token.getText()) + "'";
            };
        }

        /**
         * The parenthesis or bracket left open before {@code token} in the same statement (looking back to the
         * keyword or brace that starts it), or null: such a syntax error is about the open one, whatever the
         * parser, having recovered, expects next.
         */
        private static Token unclosed(Parser parser, Token token) {
            int depth = 0;
            for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
                Token t = parser.getInputStream().get(i);
                switch (t.getType()) {
                    case StudyLexer.RPAREN, StudyLexer.RBRACK -> depth++;
                    case StudyLexer.LPAREN, StudyLexer.LBRACK -> {
                        if (--depth < 0) {
                            return t;
                        }
                    }
                    case StudyLexer.LET, StudyLexer.WHERE, StudyLexer.LAW, StudyLexer.FIT, StudyLexer.DATA,
                            StudyLexer.TABLE, StudyLexer.REPORT, StudyLexer.DESCRIPTION, StudyLexer.PARAM,
                            StudyLexer.LBRACE, StudyLexer.RBRACE -> {
                        return null;
                    }
                    default -> { }
                }
            }
            return null;
        }

        /** A token's text as a message quotes it: at most 40 characters. */
        private static String cut(String text) {
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }

        private static String expected(Parser parser, Token token) {
            IntervalSet set;
            try {
                set = parser.getExpectedTokens();
            } catch (RuntimeException noState) {
                return "something else";
            }
            Set<String> words = new TreeSet<>();
            boolean expression = set.contains(StudyLexer.NUMBER) && set.contains(StudyLexer.ID)
                    && set.contains(StudyLexer.LPAREN);
            for (int type : set.toList()) {
                if (expression && (type == StudyLexer.NUMBER || type == StudyLexer.ID || type == StudyLexer.STRING
                        || type == StudyLexer.LPAREN || type == StudyLexer.MINUS || type == StudyLexer.NOT)) {
                    continue;
                }
                words.add(switch (type) {
                    case Token.EOF -> "end of file";
                    case StudyLexer.ID -> "a name";
                    case StudyLexer.NUMBER -> "a number";
                    case StudyLexer.STRING -> "a string";
                    default -> parser.getVocabulary().getLiteralName(type) == null
                            ? parser.getVocabulary().getSymbolicName(type)
                            : parser.getVocabulary().getLiteralName(type);
                });
            }
            List<String> all = new ArrayList<>();
            if (expression) {
                all.add("an expression");
            }
            all.addAll(words);
            if (all.isEmpty()) {
                return "something else";
            }
            if (all.size() == 1) {
                return all.get(0);
            }
            return "one of " + String.join(", ", all);
        }
    }
}
