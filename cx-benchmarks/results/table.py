#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) of SurveyScoresBenchmark into the BENCHMARKS.md table.

Usage: table.py RESULT.json [--only-measured]"""
import json, sys

runs = json.load(open(sys.argv[1]))
rows = {}
for r in runs:
    name = r["benchmark"].rsplit(".", 1)[1]
    size = int(r["params"]["size"])
    ms = r["primaryMetric"]["score"]
    err = r["primaryMetric"]["scoreError"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    rows[(name, size)] = (ms, err, alloc)

peer = {"columnar1Thread": "duckdbGroupBy1Thread", "columnar2Threads": "duckdbGroupBy2Threads",
        "columnarWeighted1Thread": "duckdbGroupBy1Thread", "columnarWeighted2Threads": "duckdbGroupBy2Threads",
        "objectPath": "duckdbGroupBy1Thread", "streamsGroupingBy": "duckdbGroupBy1Thread",
        "commonsMathPerGroup": "duckdbGroupBy1Thread", "duckdbGroupBy1Thread": "duckdbGroupBy1Thread",
        "duckdbGroupBy2Threads": "duckdbGroupBy2Threads", "csvToReport": "duckdbCsv1Thread",
        "csvToReport2Threads": "duckdbCsv2Threads", "csvFixedLayoutFloor": "duckdbCsv1Thread",
        "duckdbCsv1Thread": "duckdbCsv1Thread", "duckdbCsv2Threads": "duckdbCsv2Threads",
        "memorySequentialRead": "duckdbGroupBy1Thread"}
order = ["columnar1Thread", "columnar2Threads", "columnarWeighted1Thread", "columnarWeighted2Threads",
         "objectPath", "csvToReport", "csvToReport2Threads", "csvFixedLayoutFloor", "streamsGroupingBy", "commonsMathPerGroup", "duckdbGroupBy1Thread",
         "duckdbGroupBy2Threads", "duckdbCsv1Thread", "duckdbCsv2Threads", "memorySequentialRead"]
sizes = sorted({s for (_, s) in rows})
print("| approach | size | ms/op (±99.9%) | ns/response | M responses/s | DuckDB time ÷ this (same threads; CSV vs read_csv) | B allocated/response |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name in order:
    for size in sizes:
        if (name, size) not in rows:
            if "--only-measured" in sys.argv:
                continue
            print(f"| {name} | {size:,} | not measured | | | | |")
            continue
        ms, err, alloc = rows[(name, size)]
        ns = ms * 1e6 / size
        p = rows.get((peer[name], size))
        ratio = f"{p[0] / ms:.1f}×" if p else "n/a"
        a = f"{alloc / size:.3f}" if alloc is not None else "n/a"
        print(f"| {name} | {size:,} | {ms:.2f} ± {err:.2f} | {ns:.2f} | {1000 / ns:.0f} | {ratio} | {a} |")
