package org.scalestudy.lsp;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.scalestudy.lang.parser.StudyLexer;

/**
 * What is where in a study's text, by its tokens alone (so it works on text that does not parse): the word under
 * a position, the range a diagnostic underlines, and the declarations of datasets, laws and tables.
 */
final class Tokens {
    private Tokens() {
    }

    /** A declared name: {@code data NAME =}, {@code law NAME =} or {@code table NAME =}, 0-based line and column. */
    record Declaration(String kind, String name, int line, int column) { }

    /** A word (name or keyword) under a position, 0-based, with its extent on the line. */
    record Word(String text, int line, int start, int end) { }

    static List<Token> lex(String text) {
        StudyLexer lexer = new StudyLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(t);
        }
        return out;
    }

    static List<Declaration> declarations(String text) {
        List<Token> tokens = lex(text);
        List<Declaration> out = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            Token name = tokens.get(i + 1);
            if ((type == StudyLexer.DATA || type == StudyLexer.LAW || type == StudyLexer.TABLE)
                    && name.getType() == StudyLexer.ID && tokens.get(i + 2).getType() == StudyLexer.ASSIGN) {
                String kind = type == StudyLexer.DATA ? "data" : type == StudyLexer.LAW ? "law" : "table";
                out.add(new Declaration(kind, name.getText(), name.getLine() - 1, name.getCharPositionInLine()));
            }
        }
        return out;
    }

    /** The word at or just before {@code character} on {@code line}, or null when there is none. */
    static Word wordAt(String text, int line, int character) {
        String l = line(text, line);
        int at = Math.min(character, l.length());
        int start = at;
        while (start > 0 && isWord(l.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < l.length() && isWord(l.charAt(end))) {
            end++;
        }
        return start == end ? null : new Word(l.substring(start, end), line, start, end);
    }

    /** How far a diagnostic at 0-based {@code start} reaches: a name, number or string there, else one character. */
    static int extent(String line, int start) {
        if (start >= line.length()) {
            return line.length();
        }
        char c = line.charAt(start);
        int end = start + 1;
        if (c == '"') {
            while (end < line.length() && line.charAt(end) != '"') {
                end += line.charAt(end) == '\\' ? 2 : 1;
            }
            return Math.min(line.length(), end + 1);
        }
        if (isWord(c) || c == '.') {
            while (end < line.length() && (isWord(line.charAt(end)) || line.charAt(end) == '.')) {
                end++;
            }
        }
        return end;
    }

    static String line(String text, int line) {
        String[] lines = text.split("\r?\n", -1);
        return line >= 0 && line < lines.length ? lines[line] : "";
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
