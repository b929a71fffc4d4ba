package org.scalestudy.check;

import java.util.List;
import org.scalestudy.law.Law;
import org.scalestudy.results.Role;

/**
 * One law to fit to one group of one dataset, with its rows already evaluated.
 *
 * @param lawName the law's name in the study
 * @param law     the bound law
 * @param formula the law's formula
 * @param dataset the dataset's name
 * @param group   the group key ("" when ungrouped)
 * @param line    the line of the fit statement
 * @param xLabel  chart x label
 * @param yLabel  the observed quantity's label
 * @param ids     run id per row
 * @param rows    the law's inputs per row (see {@link Law})
 * @param roles   each row's role
 * @param notes   why a row is excluded ("" otherwise)
 * @param resamples bootstrap resamples (0 for none)
 * @param seed    the bootstrap's seed
 * @param targets x values to predict at
 * @param lawSpec everything that defines the law and how it is fitted, as canonical text ({@link LawSpecs}):
 *                two tasks with equal specs and equal other fields give equal outcomes
 * @param share   the parameters this fit shares with the other groups of its context, or null when none
 */
public record FitTask(String lawName, Law law, String dataset, String group, int line, String xLabel,
                      String yLabel, List<String> ids, double[][] rows, List<Role> roles, List<String> notes,
                      int resamples, long seed, double[] targets, String lawSpec, Share share) {

    /** A fit of one group alone. */
    public FitTask(String lawName, Law law, String dataset, String group, int line, String xLabel,
                   String yLabel, List<String> ids, double[][] rows, List<Role> roles, List<String> notes,
                   int resamples, long seed, double[] targets, String lawSpec) {
        this(lawName, law, dataset, group, line, xLabel, yLabel, ids, rows, roles, notes, resamples, seed, targets,
                lawSpec, null);
    }

    /**
     * {@code share alpha across dataset}: this task is fitted jointly with the other tasks of its law, dataset and
     * context, holding {@code parameters} equal across them.
     *
     * @param parameters the shared parameters' names, sorted
     * @param column     the column the groups differ in
     * @param context    the other {@code by} columns' values, e.g. {@code task=arc_easy} ("" when none)
     * @param value      this group's value of {@code column}
     */
    public record Share(List<String> parameters, String column, String context, String value) { }

    /** The rows of this role ({@link Role#FIT}, {@link Role#HOLDOUT} or {@link Role#EXCLUDED}), in data order. */
    public double[][] rowsOf(Role role) {
        return java.util.stream.IntStream.range(0, rows.length).filter(i -> roles.get(i).equals(role))
                .mapToObj(i -> rows[i]).toArray(double[][]::new);
    }
}
