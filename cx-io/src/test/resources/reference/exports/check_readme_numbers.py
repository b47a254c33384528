"""Independent check of the numbers the README's "Reading exports" section shows.

Reads the example exports with Python's csv module (no cxkit code) and prints, for each, the
numbers cx report printed: Qualtrics NPS over Finished=True, Status=IP Address rows; Zendesk CSAT %
of Good among Good/Bad; the German file's weighted NPS and Kish effective n; and the adjusted-Wald
NPS interval of a single promoter (the README's small-n example).

Run: /usr/bin/python3 check_readme_numbers.py DIR   (DIR holds the files of make_examples.py)
"""
import csv
import math
import sys

d = sys.argv[1]
rows = list(csv.reader(open(d + "/qualtrics.csv", encoding="utf-8-sig")))[3:]
counted = [r for r in rows if r[2] == "IP Address" and r[4] == "True"]
nps = [int(r[7].split(" ")[0]) for r in counted]
print("qualtrics n", len(nps), "NPS", 100 * (sum(v >= 9 for v in nps) - sum(v <= 6 for v in nps)) / len(nps))
z = [r[6] for r in list(csv.reader(open(d + "/zendesk.csv")))[1:] if r[6] in ("Good", "Bad")]
print("zendesk n", len(z), "CSAT%", 100 * z.count("Good") / len(z))
de = list(csv.reader(open(d + "/de.csv"), delimiter=";"))[1:]
w = [float(r[4].replace(",", ".")) for r in de]
v = [int(r[1]) for r in de]
num = sum(wi for wi, vi in zip(w, v) if vi >= 9) - sum(wi for wi, vi in zip(w, v) if vi <= 6)
print("de weighted NPS", 100 * num / sum(w), "Kish n", sum(w) ** 2 / sum(x * x for x in w))
z95 = 1.959963984540054
pp, pd = 1.75 / 4, 0.75 / 4
c = pp - pd
se = math.sqrt((pp + pd - c * c) / 4)
print("one promoter adjusted Wald", 100 * max(-1, c - z95 * se), 100 * min(1, c + z95 * se))
