package org.scalestudy.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.scalestudy.lang.ast.DataDecl;
import org.scalestudy.lang.ast.DataStep;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.Compare;
import org.scalestudy.lang.ast.FitDecl;
import org.scalestudy.lang.ast.CustomLawDecl;
import org.scalestudy.lang.ast.LawDecl;
import org.scalestudy.lang.ast.LawDeclaration;
import org.scalestudy.lang.ast.Name;
import org.scalestudy.lang.ast.Pos;
import org.scalestudy.lang.ast.ReportDecl;
import org.scalestudy.lang.ast.Study;
import org.scalestudy.lang.parser.StudyParser;

/** Turns ANTLR's parse tree into the immutable records of {@code lang.ast}; reports repeated clauses. */
final class AstBuilder {
    private final SourceFile source;
    private final List<Diagnostic> diagnostics;
    /** The study's {@code table} declarations by name, read before any expression. */
    private final Map<String, Expr.TableEntries> tables = new LinkedHashMap<>();

    AstBuilder(SourceFile source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    Study study(StudyParser.StudyContext ctx) {
        for (StudyParser.ItemContext item : ctx.item()) {
            if (item instanceof StudyParser.TableItemContext t) {
                table(t);
            }
        }
        String description = "";
        Pos descriptionPos = null;
        List<DataDecl> data = new ArrayList<>();
        List<LawDeclaration> laws = new ArrayList<>();
        List<FitDecl> fits = new ArrayList<>();
        ReportDecl report = null;
        Name narrative = null;
        for (StudyParser.ItemContext item : ctx.item()) {
            if (item instanceof StudyParser.DescriptionItemContext d) {
                if (descriptionPos != null) {
                    diagnostics.add(source.error(pos(d.start), "a study has one description; the first is at line "
                            + descriptionPos.line()));
                }
                descriptionPos = pos(d.start);
                description = string(d.text);
            } else if (item instanceof StudyParser.NarrativeItemContext n) {
                if (narrative != null) {
                    diagnostics.add(source.error(pos(n.start), "a study has one narrative file; the first is at line "
                            + narrative.pos().line()));
                }
                narrative = new Name(string(n.path), pos(n.path));
            } else if (item instanceof StudyParser.DataItemContext d) {
                data.add(data(d));
            } else if (item instanceof StudyParser.LawItemContext l) {
                laws.add(law(l));
            } else if (item instanceof StudyParser.CustomLawItemContext c) {
                laws.add(customLaw(c));
            } else if (item instanceof StudyParser.FitItemContext f) {
                fits.add(fit(f));
            } else if (item instanceof StudyParser.ReportItemContext r) {
                if (report != null) {
                    diagnostics.add(source.error(pos(r.start), "a study has one report block; the first is at line "
                            + report.pos().line()));
                }
                report = report(r);
            }
        }
        return new Study(string(ctx.title), pos(ctx.start), description, List.copyOf(data), List.copyOf(laws),
                List.copyOf(fits), report, narrative);
    }

    private DataDecl data(StudyParser.DataItemContext ctx) {
        List<DataStep> steps = new ArrayList<>();
        if (ctx.dataBody() != null) {
            for (StudyParser.DataStepContext step : ctx.dataBody().dataStep()) {
                if (step instanceof StudyParser.JoinStepContext join) {
                    steps.add(new DataStep.Join(name(join.name), QuotedColumns.resolve(expr(join.value)),
                            QuotedColumns.resolve(expr(join.cond)), text(join.cond),
                            join.keys.stream().map(this::name).toList(), pos(join.start)));
                } else if (step instanceof StudyParser.LetStepContext let) {
                    steps.add(new DataStep.Let(name(let.name), QuotedColumns.resolve(expr(let.expr())),
                            pos(let.start)));
                } else if (step instanceof StudyParser.WhereStepContext where) {
                    steps.add(new DataStep.Where(QuotedColumns.resolve(expr(where.expr())), pos(where.start)));
                }
            }
        }
        List<LawDecl.Arg> options = new ArrayList<>();
        if (ctx.argList() != null) {
            for (StudyParser.ArgContext arg : ctx.argList().arg()) {
                options.add(new LawDecl.Arg(arg.name == null ? null : name(arg.name), expr(arg.expr()),
                        text(arg.expr()), pos(arg.start)));
            }
        }
        return new DataDecl(name(ctx.name), name(ctx.reader), string(ctx.path), pos(ctx.path), List.copyOf(options),
                List.copyOf(steps));
    }

    private LawDecl law(StudyParser.LawItemContext ctx) {
        List<LawDecl.Arg> args = new ArrayList<>();
        if (ctx.argList() != null) {
            for (StudyParser.ArgContext arg : ctx.argList().arg()) {
                args.add(new LawDecl.Arg(arg.name == null ? null : name(arg.name),
                        QuotedColumns.resolve(expr(arg.expr())), text(arg.expr()), pos(arg.start)));
            }
        }
        return new LawDecl(name(ctx.name), name(ctx.kind), List.copyOf(args), pos(ctx.start));
    }

    private CustomLawDecl customLaw(StudyParser.CustomLawItemContext ctx) {
        List<CustomLawDecl.Param> params = new ArrayList<>();
        List<CustomLawDecl.Setting> settings = new ArrayList<>();
        if (ctx.lawBody() != null) {
            for (StudyParser.LawSettingContext setting : ctx.lawBody().lawSetting()) {
                if (setting instanceof StudyParser.ParamSettingContext p) {
                    List<Expr> starts = new ArrayList<>();
                    CustomLawDecl.Range range = null;
                    if (p.startValues() instanceof StudyParser.StartRangeContext r) {
                        range = new CustomLawDecl.Range(expr(r.from), expr(r.to), expr(r.step));
                    } else if (p.startValues() instanceof StudyParser.StartListContext list) {
                        list.expr().forEach(e -> starts.add(expr(e)));
                    }
                    params.add(new CustomLawDecl.Param(name(p.name), p.lo == null ? null : expr(p.lo),
                            p.hi == null ? null : expr(p.hi), List.copyOf(starts), range, pos(p.start)));
                } else if (setting instanceof StudyParser.OptionSettingContext o) {
                    settings.add(new CustomLawDecl.Setting(name(o.key), expr(o.expr()), text(o.expr()), pos(o.start)));
                }
            }
        }
        return new CustomLawDecl(name(ctx.name), QuotedColumns.resolve(expr(ctx.observed)),
                QuotedColumns.resolve(expr(ctx.formula)), text(ctx.formula),
                List.copyOf(params), List.copyOf(settings), pos(ctx.start));
    }

    private FitDecl fit(StudyParser.FitItemContext ctx) {
        Expr where = null;
        Expr window = null;
        Expr holdout = null;
        FitDecl.Bootstrap bootstrap = null;
        List<Expr> targets = new ArrayList<>();
        List<Compare> comparisons = new ArrayList<>();
        String note = "";
        FitDecl.Share share = null;
        FitDecl.MinRuns minRuns = null;
        Pos dropMissing = null;
        for (StudyParser.FitClauseContext clause : ctx.fitClause()) {
            if (clause instanceof StudyParser.MinRunsClauseContext m) {
                minRuns = FitWords.minRuns(m, minRuns, ctx.groups.isEmpty(), source, diagnostics);
                continue;
            }
            if (clause instanceof StudyParser.DropClauseContext d) {
                dropMissing = FitWords.dropMissing(d, dropMissing, source, diagnostics);
                continue;
            }
            if (clause instanceof StudyParser.ShareClauseContext sc) {
                if (share != null) {
                    diagnostics.add(source.error(pos(sc.start), "this fit already has a 'share' clause (line "
                            + share.pos().line() + "); name every shared parameter in one"));
                    continue;
                }
                if (!sc.across.getText().equals("across")) {
                    diagnostics.add(source.error(pos(sc.across), "unexpected '" + sc.across.getText()
                            + "'; expected 'across' (share PARAMETER, ... across COLUMN)"));
                    continue;
                }
                share = new FitDecl.Share(sc.params.stream().map(this::name).toList(), name(sc.column),
                        pos(sc.start));
                continue;
            }
            if (clause instanceof StudyParser.NoteClauseContext n) {
                note = note.isEmpty() ? string(n.text) : note + "\n\n" + string(n.text);
                continue;
            }
            if (clause instanceof StudyParser.CompareClauseContext c) {
                Compare compare = compare(c);
                if (compare != null) {
                    comparisons.add(compare);
                }
                continue;
            }
            if (clause instanceof StudyParser.BootstrapClauseContext b) {
                if (bootstrap != null) {
                    diagnostics.add(source.error(pos(b.start), "this fit already has a 'bootstrap' clause (line "
                            + bootstrap.pos().line() + ")"));
                    continue;
                }
                double count = Double.parseDouble(b.count.getText());
                double seed = b.seed == null ? 0 : Double.parseDouble(b.seed.getText());
                if (count != Math.rint(count) || count < 10 || count > FitDecl.Bootstrap.MAX_RESAMPLES) {
                    diagnostics.add(source.error(pos(b.count), "a bootstrap takes a whole number of resamples from 10"
                            + " to " + FitDecl.Bootstrap.MAX_RESAMPLES + " (the ceiling: each resample is a full refit)"));
                    continue;
                }
                if (seed != Math.rint(seed) || seed < 0 || seed > 9.007199254740991E15) {
                    diagnostics.add(source.error(pos(b.seed), "a seed is a whole number from 0 to 2^53"));
                    continue;
                }
                bootstrap = new FitDecl.Bootstrap((int) count, (long) seed, pos(b.start));
                continue;
            }
            if (clause instanceof StudyParser.PredictClauseContext p) {
                p.at.forEach(e -> targets.add(expr(e)));
                continue;
            }
            StudyParser.ConditionClauseContext condition = (StudyParser.ConditionClauseContext) clause;
            Expr e = QuotedColumns.resolve(expr(condition.expr()));
            String keyword = condition.kind.getText();
            Expr previous = switch (keyword) {
                case "where" -> where;
                case "window" -> window;
                default -> holdout;
            };
            if (previous != null) {
                diagnostics.add(source.error(pos(clause.start), "this fit already has a '" + keyword
                        + "' clause (line " + previous.pos().line() + "); join conditions with 'and'"));
                continue;
            }
            switch (keyword) {
                case "where" -> where = e;
                case "window" -> window = e;
                default -> holdout = e;
            }
        }
        return new FitDecl(ctx.laws.stream().map(this::name).toList(), name(ctx.data),
                ctx.groups.stream().map(this::name).toList(), where, window, holdout, bootstrap, List.copyOf(targets),
                pos(ctx.start), List.copyOf(comparisons), note, share, minRuns, dropMissing);
    }

    private Compare compare(StudyParser.CompareClauseContext c) {
        Boolean preferHigher = null;
        if (c.direction != null) {
            switch (c.direction.getText()) {
                case "higher" -> preferHigher = true;
                case "lower" -> preferHigher = false;
                default -> {
                    diagnostics.add(source.error(pos(c.direction), "'prefer' takes 'higher' or 'lower' (which "
                            + "value of the law's prediction is the better choice), not '" + c.direction.getText()
                            + "'"));
                    return null;
                }
            }
        }
        List<Expr> at = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (StudyParser.ExprContext e : c.at) {
            at.add(expr(e));
            texts.add(text(e));
        }
        return new Compare(name(c.column), List.copyOf(at), List.copyOf(texts), preferHigher, pos(c.start));
    }

    private ReportDecl report(StudyParser.ReportItemContext ctx) {
        List<Name> charts = new ArrayList<>();
        List<Name> tables = new ArrayList<>();
        StringBuilder note = new StringBuilder();
        for (StudyParser.ReportEntryContext entry : ctx.reportEntry()) {
            if (entry instanceof StudyParser.NoteEntryContext n) {
                note.append(note.length() == 0 ? "" : "\n\n").append(string(n.text));
                continue;
            }
            StudyParser.ShowEntryContext show = (StudyParser.ShowEntryContext) entry;
            List<Name> into = show.kind.getType() == StudyParser.CHART ? charts : tables;
            show.names.forEach(n -> into.add(name(n)));
        }
        return new ReportDecl(List.copyOf(charts), List.copyOf(tables), pos(ctx.start), note.toString());
    }

    private Expr expr(StudyParser.ExprContext ctx) {
        Pos pos = pos(ctx.start);
        if (ctx instanceof StudyParser.NumberExprContext n) {
            return new Expr.Num(Double.parseDouble(n.NUMBER().getText()), pos);
        } else if (ctx instanceof StudyParser.StringExprContext s) {
            return new Expr.Str(string(s.STRING().getSymbol()), pos);
        } else if (ctx instanceof StudyParser.ColumnExprContext c) {
            return new Expr.Column(c.ID().getText(), pos);
        } else if (ctx instanceof StudyParser.ParenExprContext p) {
            return expr(p.expr());
        } else if (ctx instanceof StudyParser.UnaryExprContext u) {
            return new Expr.Unary(u.op.getText(), expr(u.expr()), pos);
        } else if (ctx instanceof StudyParser.BinaryExprContext b) {
            return new Expr.Binary(b.op.getText(), expr(b.expr(0)), expr(b.expr(1)), pos);
        } else if (ctx instanceof StudyParser.InExprContext in) {
            List<Expr> all = in.expr().stream().map(this::expr).toList();
            return new Expr.In(all.get(0), all.subList(1, all.size()), in.negated != null, pos);
        } else if (ctx instanceof StudyParser.CallExprContext call) {
            return new Expr.Call(call.fn.getText(), call.expr().stream().map(this::expr).toList(), pos);
        } else if (ctx instanceof StudyParser.LookupExprContext l) {
            String name = l.table.getText();
            Expr.TableEntries entries = tables.get(name);
            if (entries == null) {
                diagnostics.add(source.error(pos, "unknown table '" + name + "'" + (tables.isEmpty()
                        ? "; declare it with: table " + name + " = { key: value, ... }"
                        : "; declared tables: " + String.join(", ", tables.keySet()))));
            }
            return new Expr.Lookup(name, entries, expr(l.expr()), pos);
        }
        throw new IllegalStateException("unhandled expression " + ctx.getClass().getSimpleName());
    }

    /**
     * Records a {@code table} declaration's entries, reporting repeated tables and keys, and a table
     * that mixes numbers and texts.
     */
    private void table(StudyParser.TableItemContext ctx) {
        String name = ctx.name.getText();
        if (tables.containsKey(name)) {
            diagnostics.add(source.error(pos(ctx.name), "table '" + name + "' is declared twice"));
            return;
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Token firstNumber = null;
        Token firstText = null;
        for (StudyParser.TableEntryContext entry : ctx.tableEntry()) {
            String key = entry.key.getType() == StudyParser.STRING ? string(entry.key) : entry.key.getText();
            if (numbers.containsKey(key) || texts.containsKey(key)) {
                diagnostics.add(source.error(pos(entry.key), "table '" + name + "' has key '" + key + "' twice"));
                continue;
            }
            if (entry.text != null) {
                firstText = firstText == null ? entry.text : firstText;
                texts.put(key, string(entry.text));
            } else {
                firstNumber = firstNumber == null ? entry.value : firstNumber;
                numbers.put(key, Double.parseDouble(entry.value.getText()) * (entry.sign != null ? -1 : 1));
            }
        }
        if (firstNumber != null && firstText != null) {
            Token later = firstNumber.getTokenIndex() < firstText.getTokenIndex() ? firstText : firstNumber;
            Token earlier = later == firstText ? firstNumber : firstText;
            diagnostics.add(source.error(pos(later), "table '" + name + "' holds " + (later == firstText
                    ? "numbers" : "texts") + " (from line " + earlier.getLine() + ", column "
                    + (earlier.getCharPositionInLine() + 1) + "), so every value must be "
                    + (later == firstText ? "a number" : "a string") + ", not " + later.getText()));
        }
        tables.put(name, texts.isEmpty() || !numbers.isEmpty() && firstNumber.getTokenIndex() < firstText.getTokenIndex()
                ? new Expr.TableEntries(Map.copyOf(numbers), null) : new Expr.TableEntries(null, Map.copyOf(texts)));
    }

    /** A name as written: a double-quoted one ({@code by "Model Family"}) without its quotes. */
    private Name name(Token token) {
        return new Name(token.getType() == StudyParser.STRING ? string(token) : token.getText(), pos(token));
    }

    private String text(ParserRuleContext ctx) {
        return ctx.start.getInputStream().getText(Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
    }

    static Pos pos(Token token) {
        return new Pos(token.getLine(), token.getCharPositionInLine() + 1);
    }

    /** The value of a string literal token: quotes removed, escapes resolved. */
    private static String string(Token token) {
        String raw = token.getText();
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                char next = raw.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
