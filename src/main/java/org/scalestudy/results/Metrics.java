package org.scalestudy.results;

/**
 * Prediction errors over a set of rows. All NaN when n = 0 (serialised as null).
 *
 * @param n    rows compared
 * @param mae  mean |pred - obs|
 * @param mre  mean |pred - obs| / |obs|
 * @param rmse sqrt(mean (pred - obs)^2)
 * @param r2   1 - SS_res / SS_tot (NaN when fewer than 2 rows or SS_tot = 0)
 */
public record Metrics(int n, double mae, double mre, double rmse, double r2) {
    /**
     * MAE, MRE ({@code mean |pred - obs| / |obs|}; infinite if an observation is 0), RMSE and
     * {@code R^2 = 1 - SS_res / SS_tot} (NaN with fewer than 2 rows or when every observation is the
     * same); everything NaN when there are no rows. Non-finite inputs propagate.
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static Metrics of(double[] observed, double[] predicted) {
        int n = observed.length;
        if (predicted.length != n) {
            throw new IllegalArgumentException(n + " observations but " + predicted.length + " predictions");
        }
        if (n == 0) {
            return new Metrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double absolute = 0;
        double relative = 0;
        double squared = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double error = predicted[i] - observed[i];
            absolute += Math.abs(error);
            relative += Math.abs(error) / Math.abs(observed[i]);
            squared += error * error;
            mean += observed[i];
        }
        mean /= n;
        double total = 0;
        for (double o : observed) {
            total += (o - mean) * (o - mean);
        }
        double r2 = n < 2 || total == 0 ? Double.NaN : 1 - squared / total;
        return new Metrics(n, absolute / n, relative / n, Math.sqrt(squared / n), r2);
    }
}
