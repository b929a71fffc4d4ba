package org.scalestudy.lang.ast;

import java.util.List;

/**
 * {@code data name = reader("path") { steps }}.
 *
 * @param steps {@code let} and {@code where} steps, applied in order
 */
public record DataDecl(Name name, Name reader, String path, Pos pathPos, List<DataStep> steps) {
}
