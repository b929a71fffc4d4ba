package org.scalestudy.results;

/** A fitted parameter. */
public record ParameterValue(String name, double value) {
}
