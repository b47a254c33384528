"""Independent reference values for zendesk-tickets.csv (cx service on a ticket export).

Run from this directory with the Debian python3 (statsmodels 0.13):
    /usr/bin/python3 reference.py > expected.json
Rules, as documented in docs/service-exports.md: solved = Status solved/closed; first reply over
tickets with a value; full resolution and requester wait over solved tickets with a value; FCR =
solved with Reopens == 0 over solved; one-touch = solved with Replies <= 1 over solved; reopened =
Reopens > 0 over tickets; CSAT = Good / (Good + Bad); response rate = (Good + Bad) / (Good + Bad +
Offered); SLA = time <= target over tickets with that time. 95% Wilson intervals.
"""
import csv
import json
from statsmodels.stats.proportion import proportion_confint

with open("zendesk-tickets.csv", encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))

def minutes(r, col):
    v = r[col].strip()
    return None if v == "" else float(v)

def prop(x, n):
    lo, hi = proportion_confint(x, n, alpha=0.05, method="wilson")
    return {"successes": x, "n": n, "estimate": x / n, "lower": lo, "upper": hi}

solved = [r for r in rows if r["Status"].lower() in ("solved", "closed")]
out = {"tickets": len(rows), "solved": len(solved)}
targets = {"firstResponse": 60.0, "resolution": 480.0}  # --sla first-response=1h,resolution=8h
for basis, suffix in (("elapsed", ""), ("business", " within business hours")):
    fr = [minutes(r, "First reply time in minutes" + suffix) for r in rows]
    fr = [v for v in fr if v is not None]
    res = [minutes(r, "Full resolution time in minutes" + suffix) for r in solved]
    res = [v for v in res if v is not None]
    wait = [minutes(r, "Requester wait time in minutes" + suffix) for r in solved]
    wait = [v for v in wait if v is not None]
    b = {}
    for name, vals in (("firstResponse", fr), ("resolution", res), ("requesterWait", wait)):
        s = sorted(v * 60 for v in vals)
        b[name] = {"n": len(s), "min": s[0], "max": s[-1]}
    b["slaFirstResponse"] = prop(sum(v <= targets["firstResponse"] for v in fr), len(fr))
    b["slaResolution"] = prop(sum(v <= targets["resolution"] for v in res), len(res))
    out[basis] = b
out["firstContactResolution"] = prop(sum(int(r["Reopens"]) == 0 for r in solved), len(solved))
out["oneTouch"] = prop(sum(int(r["Replies"]) <= 1 for r in solved), len(solved))
out["reopened"] = prop(sum(int(r["Reopens"]) > 0 for r in rows), len(rows))
sat = [r["Satisfaction Score"].strip().lower() for r in rows]
good, bad, offered = sat.count("good"), sat.count("bad"), sat.count("offered")
out["satisfaction"] = {"good": good, "bad": bad, "offered": offered,
                       "unoffered": sat.count("unoffered") + sat.count("not offered"), "empty": sat.count(""),
                       "csat": prop(good, good + bad), "responseRate": prop(good + bad, good + bad + offered)}
groups = {}
for r in rows:
    groups.setdefault(r["Group"], []).append(r)
out["byGroup"] = {g: {"tickets": len(rs), "solved": sum(r["Status"].lower() in ("solved", "closed") for r in rs),
                      "firstContactResolution": prop(sum(int(r["Reopens"]) == 0 for r in rs
                                                         if r["Status"].lower() in ("solved", "closed")),
                                                     sum(r["Status"].lower() in ("solved", "closed") for r in rs))}
                  for g, rs in sorted(groups.items())}
print(json.dumps(out, indent=2, sort_keys=True))
