#!/usr/bin/python3
"""Independent reference for io.cxkit.journey.value: BG/NBD, Pareto/NBD and Gamma-Gamma written
directly from the papers with scipy (no BTYD/lifetimes code), fitted on cdnow_sample.csv.

Run from this directory:  /usr/bin/python3 reference.py
Writes cdnow_summary.csv (per-customer x, t_x, T, m_x, holdout repeats), cdnow_fit.csv (fitted
parameters and log-likelihoods), cdnow_customers.csv (per-customer P(alive), conditional
expectations, expected spend) and hyp2f1.csv (Gauss hypergeometric values),
cdnow_tracking.csv (predicted cumulative repeats per week), cdnow_by_frequency.csv (holdout
repeats by calibration frequency), hyp2f1_signed.csv (2F1 with c < 0) and bgnbd_small_ab.csv
(BG/NBD expectations with a + b < 1)."""
import csv, datetime as dt
import numpy as np
from scipy.special import gammaln, hyp2f1
from scipy.optimize import minimize

CAL_END = dt.date(1997, 9, 30)
HOLD_END = dt.date(1998, 6, 30)

# ---- summary: same-day records are one transaction (amounts added); first purchase not a repeat
days = {}
for row in csv.DictReader(open("cdnow_sample.csv")):
    d = dt.date.fromisoformat(row["date"])
    days.setdefault(row["customer"], {}).setdefault(d, 0.0)
    days[row["customer"]][d] += float(row["amount"])
ids = sorted(days, key=int)
X, TX, T, M, XH = [], [], [], [], []
for c in ids:
    ds = sorted(days[c])
    first = ds[0]
    cal = [d for d in ds[1:] if d <= CAL_END]
    hold = [d for d in ds if CAL_END < d <= HOLD_END]
    X.append(len(cal))
    TX.append((cal[-1] - first).days / 7 if cal else 0.0)
    T.append((CAL_END - first).days / 7)
    M.append(sum(days[c][d] for d in cal) / len(cal) if cal else 0.0)
    XH.append(len(hold))
X, TX, T, M, XH = map(np.array, (X, TX, T, M, XH))

def bgnbd_ll(p, x, tx, T):
    r, al, a, b = p
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(al)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(al + T)
    a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(al + tx), -np.inf)
    return a1 + a2 + np.logaddexp(a3, a4)

def pnbd_ll(p, x, tx, T):
    r, al, s, be = p
    k = max(al, be)
    bb = (s + 1) if al >= be else (r + x)
    aa = r + s + x
    z1 = abs(al - be) / (k + tx)
    z2 = abs(al - be) / (k + T)
    l1 = np.log(hyp2f1(aa, bb, aa + 1, z1)) - aa * np.log(k + tx)
    l2 = np.log(hyp2f1(aa, bb, aa + 1, z2)) - aa * np.log(k + T)
    with np.errstate(divide="ignore"):  # t_x = T: the two terms cancel, A0 = 0
        la0 = l1 + np.log1p(-np.exp(l2 - l1))
    first = -(r + x) * np.log(al + T) - s * np.log(be + T)
    return (gammaln(r + x) - gammaln(r) + r * np.log(al) + s * np.log(be)
            + np.logaddexp(first, np.log(s / (aa)) + la0))

def gg_ll(p, x, m):
    pp, q, g = p
    return (gammaln(pp * x + q) - gammaln(pp * x) - gammaln(q) + q * np.log(g)
            + (pp * x - 1) * np.log(m) + pp * x * np.log(x) - (pp * x + q) * np.log(g + x * m))

def fit(ll, start, *data):
    f = lambda lp: -np.sum(ll(np.exp(lp), *data))
    res = minimize(f, np.log(start), method="Nelder-Mead",
                   options=dict(xatol=1e-10, fatol=1e-10, maxiter=40000, maxfev=40000))
    res = minimize(f, res.x, method="BFGS", options=dict(gtol=1e-9))
    return np.exp(res.x), -res.fun

bg, bg_ll = fit(bgnbd_ll, [1, 1, 1, 1], X, TX, T)
pn, pn_ll = fit(pnbd_ll, [1, 1, 1, 1], X, TX, T)
rep = X > 0
gg, gg_llv = fit(gg_ll, [1, 1, 1], X[rep], M[rep])

def bg_palive(p, x, tx, T):
    r, al, a, b = p
    return np.where(x > 0, 1 / (1 + a / np.maximum(b + x - 1, 1e-300) * ((al + T) / (al + tx)) ** (r + x)), 1.0)

def bg_cond(p, t, x, tx, T):
    r, al, a, b = p
    num = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + t + T)) ** (r + x)
                                       * hyp2f1(r + x, b + x, a + b + x - 1, t / (al + t + T)))
    return num / (1 + np.where(x > 0, a / np.maximum(b + x - 1, 1e-300) * ((al + T) / (al + tx)) ** (r + x), 0.0))

def bg_pop(p, t):
    r, al, a, b = p
    return (a + b - 1) / (a - 1) * (1 - (al / (al + t)) ** r * hyp2f1(r, b, a + b - 1, t / (al + t)))

def pn_palive(p, x, tx, T):
    r, al, s, be = p
    # P(alive) = L(alive at T part) / L
    first = gammaln(r + x) - gammaln(r) + r * np.log(al) + s * np.log(be) - (r + x) * np.log(al + T) - s * np.log(be + T)
    return np.exp(first - pnbd_ll(p, x, tx, T))

def pn_cond(p, t, x, tx, T):
    r, al, s, be = p
    return (r + x) * (be + T) / ((al + T) * (s - 1)) * (1 - ((be + T) / (be + T + t)) ** (s - 1)) * pn_palive(p, x, tx, T)

def gg_mean(p, x, m):
    pp, q, g = p
    return np.where(x > 0, (g + x * m) * pp / (pp * x + q - 1), pp * g / (q - 1))

with open("cdnow_fit.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["model", "parameter", "value"])
    for n, v in zip(["r", "alpha", "a", "b"], bg): w.writerow(["bgnbd", n, repr(v)])
    w.writerow(["bgnbd", "loglik", repr(bg_ll)])
    for n, v in zip(["r", "alpha", "s", "beta"], pn): w.writerow(["pareto-nbd", n, repr(v)])
    w.writerow(["pareto-nbd", "loglik", repr(pn_ll)])
    for n, v in zip(["p", "q", "gamma"], gg): w.writerow(["gamma-gamma", n, repr(v)])
    w.writerow(["gamma-gamma", "loglik", repr(gg_llv)])
    w.writerow(["gamma-gamma", "customers", int(rep.sum())])
    # population expectation (per customer, from a customer's own first purchase) at 39 and 78 weeks
    for t in (39.0, 78.0):
        w.writerow(["bgnbd", "population_E[X(%g)]" % t, repr(float(bg_pop(bg, t)))])

HT = 39.0
with open("cdnow_customers.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["customer", "x", "t_x", "T", "m_x", "holdout_x", "bg_ll", "bg_palive", "bg_expected_39",
                "pn_ll", "pn_palive", "pn_expected_39", "gg_expected_spend"])
    cols = [X, TX, T, M, XH, bgnbd_ll(bg, X, TX, T), bg_palive(bg, X, TX, T), bg_cond(bg, HT, X, TX, T),
            pnbd_ll(pn, X, TX, T), pn_palive(pn, X, TX, T), pn_cond(pn, HT, X, TX, T), gg_mean(gg, X, M)]
    for i, c in enumerate(ids):
        w.writerow([c] + [repr(float(col[i])) for col in cols])

# Gauss hypergeometric 2F1(a, b; a + 1; z), the form the Pareto/NBD likelihood needs, and general c
rng = np.random.default_rng(14)
with open("hyp2f1.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["a", "b", "c", "z", "value"])
    for _ in range(60):
        a = rng.uniform(0.05, 60); b = rng.uniform(0.05, 40); z = rng.choice([rng.uniform(0, 0.5), rng.uniform(0.5, 0.97)])
        w.writerow([repr(a), repr(b), repr(a + 1), repr(z), repr(float(hyp2f1(a, b, a + 1, z)))])
    for _ in range(30):
        a = rng.uniform(0.05, 30); b = rng.uniform(0.05, 30); c = a + b + rng.uniform(-0.9, 5); z = rng.uniform(0, 0.9)
        w.writerow([repr(a), repr(b), repr(c), repr(z), repr(float(hyp2f1(a, b, c, z)))])

# holdout comparison: cumulative repeat transactions per week since 1997-01-01 (predicted = sum over
# customers of E[X(t - first purchase)]), and holdout repeats by calibration frequency (0..7, 7+)
first = np.array([(min(days[c]) - dt.date(1997, 1, 1)).days / 7 for c in ids])
with open("cdnow_tracking.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["week", "predicted_cumulative_repeats"])
    for wk in range(1, 79):
        age = wk - first
        w.writerow([wk, repr(float(np.sum(np.where(age > 0, bg_pop(bg, np.maximum(age, 0)), 0.0))))])
with open("cdnow_by_frequency.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["x", "customers", "actual_mean_holdout", "expected_mean_holdout"])
    cond = bg_cond(bg, HT, X, TX, T)
    for k in range(8):
        sel = (X == k) if k < 7 else (X >= 7)
        w.writerow([k if k < 7 else "7+", int(sel.sum()), repr(float(XH[sel].mean())), repr(float(cond[sel].mean()))])

# c = a + b - 1 <= 0 (BG/NBD with a + b < 1): 2F1 with a negative c, and the BG/NBD expectations there
with open("hyp2f1_signed.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["a", "b", "c", "z", "value"])
    for a, b, c, z in [(0.91, 0.80, -0.06, 0.3), (0.5, 0.4, -0.3, 0.8), (0.3, 2.0, -0.5, 0.6), (0.2, 0.7, -1.5, 0.5)]:
        w.writerow([a, b, c, z, repr(float(hyp2f1(a, b, c, z)))])
small = [0.9, 5.0, 0.3, 0.5]
with open("bgnbd_small_ab.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["t", "x", "t_x", "T", "population", "conditional"])
    for t, x, tx, T in [(10.0, 0, 0.0, 20.0), (39.0, 0, 0.0, 35.0), (39.0, 2, 10.0, 30.0)]:
        w.writerow([t, x, tx, T, repr(float(bg_pop(small, t))), repr(float(bg_cond(small, t, np.array(x), tx, T)))])

print("BG/NBD", bg, bg_ll)
print("Pareto/NBD", pn, pn_ll)
print("Gamma-Gamma", gg, gg_llv, rep.sum())
print("sum x", X.sum(), "holdout", XH.sum(), "E holdout", bg_cond(bg, HT, X, TX, T).sum())
