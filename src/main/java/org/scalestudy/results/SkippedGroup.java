package org.scalestudy.results;

/**
 * A group a fit's {@code min runs N} left out: it had fewer runs in the fit window than the minimum.
 *
 * @param law     the law that was not fitted to it
 * @param data    the data declaration's name
 * @param group   the group's label, as the fits' {@code group} reads
 * @param runs    how many runs of the group in the fit window the law can use
 * @param minimum the minimum the fit asks for
 * @param line    the study line of the fit
 */
public record SkippedGroup(String law, String data, String group, int runs, int minimum, int line) {
}
