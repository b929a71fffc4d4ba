package org.scalestudy.lang.ast;

import java.util.List;

/** {@code report { chart a, b  table c, d }}. */
public record ReportDecl(List<Name> charts, List<Name> tables, Pos pos) {
}
