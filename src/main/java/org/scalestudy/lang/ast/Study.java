package org.scalestudy.lang.ast;

import java.util.List;

/**
 * A parsed study file, before any name is resolved.
 *
 * @param title       the title string
 * @param description the description, "" when absent
 * @param data        data declarations in file order
 * @param laws        law declarations in file order
 * @param fits        fit statements in file order
 * @param report      the report block, or null when absent
 */
public record Study(String title, Pos pos, String description, List<DataDecl> data, List<LawDeclaration> laws,
                    List<FitDecl> fits, ReportDecl report) {
}
