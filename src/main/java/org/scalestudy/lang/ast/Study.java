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
 * @param narrative   the Markdown file named by {@code narrative "file.md"} (as written), or null when absent
 */
public record Study(String title, Pos pos, String description, List<DataDecl> data, List<LawDeclaration> laws,
                    List<FitDecl> fits, ReportDecl report, Name narrative) {

    /** A study without a narrative file. */
    public Study(String title, Pos pos, String description, List<DataDecl> data, List<LawDeclaration> laws,
                 List<FitDecl> fits, ReportDecl report) {
        this(title, pos, description, data, laws, fits, report, null);
    }
}
