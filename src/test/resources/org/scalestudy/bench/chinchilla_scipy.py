"""scipy's L-BFGS-B on the chinchilla law's grid: the baseline of ChinchillaBootstrapBench.

Reads rows "N,D,L" (no header) from argv[1] and starts "a,b,e,alpha,beta" from argv[2]; minimises, from
every start, the summed Huber(delta = 1e-3) of log L - logsumexp(a - alpha log N, b - beta log D, e)
with scipy.optimize.minimize(method="L-BFGS-B") and its default tolerances, as Besiroglu et al. (2024)
do, but with the analytic gradient (jac=True: faster than the finite differences of their notebook,
so the stronger baseline) and a logsumexp written out in numpy (scipy.special.logsumexp costs about
0.7 ms a call in scipy 1.17, which would make scipy look ten times slower than it need be). Repeats
argv[3] times (default 1) and prints, for each repetition, one line:
"wall_seconds cpu_seconds best_objective evaluations".
"""
import sys
import time

import numpy as np
from scipy.optimize import minimize

DELTA = 1e-3


def main():
    rows = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
    starts = np.loadtxt(sys.argv[2], delimiter=",", ndmin=2)
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    log_n, log_d, log_l = np.log(rows[:, 0]), np.log(rows[:, 1]), np.log(rows[:, 2])

    def objective(theta):
        a, b, e, alpha, beta = theta
        terms = np.stack([a - alpha * log_n, b - beta * log_d, np.full_like(log_n, e)])
        top = terms.max(axis=0)
        lse = top + np.log(np.exp(terms - top).sum(axis=0))
        r = log_l - lse
        quadratic = np.abs(r) <= DELTA
        value = np.where(quadratic, 0.5 * r * r, DELTA * (np.abs(r) - 0.5 * DELTA)).sum()
        h = np.where(quadratic, r, DELTA * np.sign(r))  # dHuber/dr
        w = np.exp(terms - lse)  # softmax weights
        grad = np.array([-(h * w[0]).sum(), -(h * w[1]).sum(), -(h * w[2]).sum(),
                         (h * w[0] * log_n).sum(), (h * w[1] * log_d).sum()])
        return value, grad

    for _ in range(repeats):
        began = time.perf_counter()
        cpu = time.process_time()
        best = np.inf
        evaluations = 0
        for start in starts:
            result = minimize(objective, start, jac=True, method="L-BFGS-B")
            evaluations += result.nfev
            if np.isfinite(result.fun) and result.fun < best:
                best = result.fun
        print("%.6f %.6f %.17g %d" % (time.perf_counter() - began, time.process_time() - cpu, best, evaluations),
              flush=True)


if __name__ == "__main__":
    main()
