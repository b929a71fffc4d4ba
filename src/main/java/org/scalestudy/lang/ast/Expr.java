package org.scalestudy.lang.ast;

import java.util.List;

/**
 * An expression over a dataset's columns. Plain data; walked by a {@link Visitor}: typed by the checker, evaluated
 * over a table by {@code org.scalestudy.data.Evaluator}, folded to a constant, compiled to a custom law's term.
 */
public sealed interface Expr {
    Pos pos();

    /** Calls the visitor's method for this kind of expression (jlox style). */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of expression; a walker implements it, and the compiler says which kinds it
     * forgot. Children are visited by the walker itself, calling {@code accept} on them.
     *
     * @param <R> what the walk gives for each expression
     */
    interface Visitor<R> {
        R visitNum(Num e);

        R visitStr(Str e);

        R visitColumn(Column e);

        R visitUnary(Unary e);

        R visitBinary(Binary e);

        R visitIn(In e);

        R visitCall(Call e);

        R visitLookup(Lookup e);
    }

    /** The expressions directly inside this one, left to right (none for literals and columns). */
    List<Expr> children();

    /** A number literal, e.g. {@code 6e21}. */
    record Num(double value, Pos pos) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNum(this);
        }
    }

    /** A string literal, e.g. {@code "val_loss"}. */
    record Str(String value, Pos pos) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitStr(this);
        }
    }

    /**
     * A column reference.
     *
     * @param quoted whether it was written as a double-quoted name ({@code "Model Family"}), see
     *               {@code org.scalestudy.lang.QuotedColumns}
     */
    record Column(String name, Pos pos, boolean quoted) implements Expr {
        /** A column written as a plain name. */
        public Column(String name, Pos pos) {
            this(name, pos, false);
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitColumn(this);
        }
    }

    /** {@code -x} or {@code not x}. */
    record Unary(String op, Expr operand, Pos pos) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(operand);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitUnary(this);
        }
    }

    /** {@code a op b} for + - * / ^ < <= > >= == != and or. */
    record Binary(String op, Expr left, Expr right, Pos pos) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBinary(this);
        }
    }

    /**
     * {@code value in (a, b, ...)}: whether the row's value equals one of the options;
     * {@code value not in (...)} when {@code negated}.
     */
    record In(Expr value, List<Expr> options, boolean negated, Pos pos) implements Expr {
        @Override
        public List<Expr> children() {
            List<Expr> all = new java.util.ArrayList<>(options.size() + 1);
            all.add(value);
            all.addAll(options);
            return List.copyOf(all);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitIn(this);
        }
    }

    /** A function call, e.g. {@code log(C)}. */
    record Call(String function, List<Expr> args, Pos pos) implements Expr {
        @Override
        public List<Expr> children() {
            return args;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitCall(this);
        }
    }

    /**
     * A value from a table the study declares, e.g. {@code chance[metric]} or {@code chosen[benchmark]}:
     * the entry whose key is the text {@code key} gives for the row. A table holds numbers or texts.
     *
     * @param entries the table's entries by key, or null when no such table is declared (already reported)
     */
    record Lookup(String table, TableEntries entries, Expr key, Pos pos) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(key);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitLookup(this);
        }
    }

    /**
     * The entries of a {@code table} declaration: numbers ({@code chance = { piqa: 0.5 }}) or texts
     * ({@code chosen = { piqa: "acc_norm" }}), never both.
     *
     * @param numbers the entries of a table of numbers, else null
     * @param texts   the entries of a table of texts, else null
     */
    record TableEntries(java.util.Map<String, Double> numbers, java.util.Map<String, String> texts) {
        public boolean holdsText() {
            return texts != null;
        }

        public java.util.Set<String> keys() {
            return holdsText() ? texts.keySet() : numbers.keySet();
        }

        public boolean containsKey(String key) {
            return keys().contains(key);
        }
    }
}
