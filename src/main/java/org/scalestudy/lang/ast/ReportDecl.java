package org.scalestudy.lang.ast;

import java.util.List;

/** {@code report { chart a, b  table c, d  note "Markdown" }}; {@code note} is "" when absent. */
public record ReportDecl(List<Name> charts, List<Name> tables, Pos pos, String note) {

    public ReportDecl(List<Name> charts, List<Name> tables, Pos pos) {
        this(charts, tables, pos, "");
    }
}
