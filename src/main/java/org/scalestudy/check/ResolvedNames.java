package org.scalestudy.check;

import java.util.Map;
import java.util.Set;
import org.scalestudy.lang.ast.DataDecl;

/**
 * What the first stage of the checker ({@link NameResolver}) finds on the syntax tree alone.
 *
 * @param data     the first declaration of each data name, in study order
 * @param lawNames every declared law name (bound or not)
 * @param laws     the built-in laws that bind, by name, in study order
 * @param customs  the custom laws that check on their own, by name, in study order
 */
record ResolvedNames(Map<String, DataDecl> data, Set<String> lawNames, Map<String, BoundLaw> laws,
                     Map<String, CustomLaws.Spec> customs) {
}
