package org.scalestudy.lang;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ParseTree;
import org.scalestudy.lang.ast.Pos;
import org.scalestudy.lang.parser.StudyLexer;
import org.scalestudy.lang.parser.StudyParser;

/**
 * How deep an expression may nest: at most {@value #MAX_DEPTH} levels, where each operator, parenthesis,
 * call, table lookup, {@code not} and minus sign is one level (so a sum of 201 terms is too deep, and so
 * are 201 nested parentheses). Every later walk over an expression (typing, evaluation, law formulas) is
 * recursive, so the limit is what keeps them within a thread's stack; a study past it gets one diagnostic
 * at the place where the limit is crossed, never a stack overflow.
 *
 * <p>Enforced three times: on the tokens (runs of open parentheses and prefix operators, which the parser's
 * look-ahead would otherwise recurse through), while parsing (the parser itself recurses into parentheses, prefix operators and
 * {@code ^}, so it stops there before its own stack runs out) and on the finished parse tree (left-associative
 * chains such as {@code a + b + c ...} are parsed by a loop, but their tree is as deep as they are long).
 */
public final class NestingLimit {
    /** The deepest an expression may nest. */
    public static final int MAX_DEPTH = 200;

    private NestingLimit() {
    }

    /** Thrown by {@link #parser} out of the parse when an expression nests too deeply; carries the place. */
    static final class TooDeep extends RuntimeException {
        final transient Token at;

        TooDeep(Token at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    /** The error for an expression nested too deeply, at the token where the limit is crossed. */
    static Diagnostic diagnostic(SourceFile source, Token at) {
        return source.error(new Pos(at.getLine(), at.getCharPositionInLine() + 1), MESSAGE);
    }

    private static final String MESSAGE = "this expression nests more than " + MAX_DEPTH
            + " levels deep (each operator, parenthesis, call, "
                + "lookup, 'not' and minus sign is a level); split it into 'let' steps";

    /**
     * The place where the tokens alone show an expression too deep, before any parsing: more than
     * {@value #MAX_DEPTH} open parentheses and brackets plus prefix operators ({@code not}, a minus sign
     * where an operand belongs) in a row. The parser's look-ahead runs through such a run recursively before
     * any rule is entered, so it must be stopped here; null when no place is too deep.
     */
    static Token exceeded(List<? extends Token> tokens) {
        int brackets = 0;
        int prefixes = 0;
        Token previous = null;
        for (Token t : tokens) {
            int type = t.getType();
            boolean operandBefore = previous != null && switch (previous.getType()) {
                case StudyLexer.ID, StudyLexer.NUMBER, StudyLexer.STRING, StudyLexer.RPAREN, StudyLexer.RBRACK -> true;
                default -> false;
            };
            if (type == StudyLexer.NOT || type == StudyLexer.MINUS && !operandBefore) {
                prefixes++;
            } else {
                prefixes = 0;
            }
            if (type == StudyLexer.LPAREN || type == StudyLexer.LBRACK) {
                brackets++;
            } else if ((type == StudyLexer.RPAREN || type == StudyLexer.RBRACK) && brackets > 0) {
                brackets--;
            } else if (type == StudyLexer.LBRACE || type == StudyLexer.RBRACE) {
                brackets = 0;   // a new item or block: whatever was left open is a syntax error of its own
            }
            if (brackets + prefixes > MAX_DEPTH) {
                return t;
            }
            previous = t;
        }
        return null;
    }

    /** A parser that throws {@link TooDeep} when an expression rule is entered {@value #MAX_DEPTH} levels deep. */
    static StudyParser parser(TokenStream tokens) {
        return new StudyParser(tokens) {
            @Override
            public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
                super.enterRule(localctx, state, ruleIndex);
                guard(localctx);
            }

            @Override
            public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
                super.enterRecursionRule(localctx, state, ruleIndex, precedence);
                guard(localctx);
            }

            /** Levels above a name or number: the context just entered is one more, so MAX_DEPTH + 1 may be. */
            private void guard(ParserRuleContext ctx) {
                int depth = 0;
                for (ParserRuleContext p = ctx; p instanceof StudyParser.ExprContext; p = p.getParent()) {
                    if (++depth > MAX_DEPTH + 1) {
                        throw new TooDeep(ctx.getParent().getStart());   // the level that is one too many
                    }
                }
            }
        };
    }

    /**
     * The place where some expression of the finished tree first nests deeper than {@value #MAX_DEPTH}
     * (the operator, or the first token, of the outermost level within the limit's reach), or null when none
     * does. Walks the tree without recursion.
     */
    static Token exceeded(ParseTree root) {
        Map<ParseTree, Integer> height = new IdentityHashMap<>();
        Deque<ParseTree> stack = new ArrayDeque<>();
        Deque<ParseTree> order = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            ParseTree node = stack.pop();
            order.push(node);
            for (int i = 0; i < node.getChildCount(); i++) {
                stack.push(node.getChild(i));
            }
        }
        Token first = null;
        while (!order.isEmpty()) {   // children before parents
            ParseTree node = order.pop();
            if (!(node instanceof StudyParser.ExprContext expr)) {
                continue;
            }
            int h = -1;   // a name, number or string is level 0; each level around it adds one
            for (int i = 0; i < node.getChildCount(); i++) {
                h = Math.max(h, height.getOrDefault(node.getChild(i), -1));
            }
            height.put(node, h + 1);
            if (h + 1 == MAX_DEPTH + 1) {
                Token at = expr instanceof StudyParser.BinaryExprContext b ? b.op : expr.getStart();
                if (first == null || at.getTokenIndex() < first.getTokenIndex()) {
                    first = at;
                }
            }
        }
        return first;
    }
}
