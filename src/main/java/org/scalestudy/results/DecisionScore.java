package org.scalestudy.results;

/**
 * How one law's decisions of one {@code compare} column fared, beside the naive rule and a constant: the
 * study-level verdict on which rule to act on.
 *
 * @param law              the law's name
 * @param dataset          the dataset's name
 * @param compare          the compared column
 * @param decisions        its decisions
 * @param scored           of those, the decisions with held-out runs at their target
 * @param lawRight         scored decisions whose predicted winner is the observed best
 * @param naiveRight       scored decisions whose naive pick (best observed at the largest fitted run) is
 * @param pairs            pairs of choices compared with the observations
 * @param pairsRight       of those, the pairs the law orders as observed
 * @param withProbability  scored decisions that have a winner probability
 * @param brier            the mean (P(winner) - right)^2 over them, P from the back-tests; NaN without any
 * @param constantBrier    the same for a constant 1 / (ranked choices): what saying nothing scores
 * @param bootstrapBrier   the same for the bootstrap's probability; NaN without a bootstrap
 * @param backtestScore    the median back-test score |e| / sqrt(d + 0.1) of the law's fits in the study (fit
 *                         windows only, so it can favour a rule before any held-out run exists); NaN without one
 */
public record DecisionScore(String law, String dataset, String compare, int decisions, int scored, int lawRight,
                            int naiveRight, int pairs, int pairsRight, int withProbability, double brier,
                            double constantBrier, double bootstrapBrier, double backtestScore) {
}
