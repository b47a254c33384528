"""Writes the example exports of the README's "Reading exports" section (seeded, so the same bytes).

Run: /usr/bin/python3 make_examples.py DIR
"""
import os
import random
import sys

d = sys.argv[1]
os.makedirs(d, exist_ok=True)
random.seed(7)


def q(v):
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v


def line(*c):
    return ",".join(q(x) for x in c) + "\r\n"


z = '"timeZone":"America/Denver"'
rows = [line("StartDate", "EndDate", "Status", "Progress", "Finished", "RecordedDate", "ResponseId", "Q1",
             "Q1_NPS_GROUP", "Q2", "Q3"),
        line("Start Date", "End Date", "Response Type", "Progress", "Finished", "Recorded Date", "Response ID",
             "How likely are you to recommend us to a friend?",
             "How likely are you to recommend us to a friend? - Group",
             "Overall, how satisfied are you with your visit?", "Comments"),
        line('{"ImportId":"startDate",%s}' % z, '{"ImportId":"endDate",%s}' % z, '{"ImportId":"status"}',
             '{"ImportId":"progress"}', '{"ImportId":"finished"}', '{"ImportId":"recordedDate",%s}' % z,
             '{"ImportId":"_recordId"}', '{"ImportId":"QID1"}', '{"ImportId":"QID1_NPS_GROUP"}',
             '{"ImportId":"QID2"}', '{"ImportId":"QID3_TEXT"}')]
sat = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"]
for i in range(240):
    n = random.choice([0, 3, 5, 6, 7, 8, 8, 9, 9, 10, 10, 10])
    nl = {0: "0 - Not at all likely", 10: "10 - Extremely likely"}.get(n, str(n))
    g = "Promoter" if n >= 9 else "Passive" if n >= 7 else "Detractor"
    t = "2024-%02d-%02d %02d:%02d:00" % (random.choice([2, 3]), random.randint(1, 28), random.randint(0, 23),
                                         random.randint(0, 59))
    st = "Survey Preview" if i % 40 == 0 else "IP Address"
    fin = "False" if i % 25 == 3 else "True"
    rows.append(line(t, t, st, "100" if fin == "True" else "45", fin, t, "R_%d" % i, nl, g,
                     random.choice(sat[1:] + sat[3:]), "fine, thanks\nbye"))
open(d + "/qualtrics.csv", "w", encoding="utf-8-sig", newline="").write("".join(rows))
rows = [line("Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
             "How likely is it that you would recommend us to a friend or colleague?", "Which channels did you use?",
             "", "", "Any other comments?"),
        line("", "", "", "", "", "Response", "Phone", "Email", "Chat", "Open-Ended Response")]
for i in range(150):
    t = "%02d/%02d/2024 %02d:%02d:%02d %s" % (3, random.randint(1, 28), random.randint(1, 12), random.randint(0, 59),
                                              random.randint(0, 59), random.choice(["AM", "PM"]))
    rows.append(line(str(114000000000 + i), "4051", t, t, "10.0.0.1", str(random.choice([2, 6, 7, 8, 9, 9, 10, 10])),
                     "Phone" if i % 2 else "", "Email", "", "ok, good"))
open(d + "/surveymonkey.csv", "w", encoding="utf-8-sig", newline="").write("".join(rows))
rows = [line("Response ID", "Person ID", "Email", "Name", "Score", "Comment", "Permalink", "Created At", "Updated At",
             "Plan")]
for i in range(120):
    t = "2024-03-%02d %02d:%02d:10 -0800" % (random.randint(1, 31), random.randint(0, 23), random.randint(0, 59))
    rows.append(line(str(i), "p%d" % i, "x%d@example.com" % i, "A, B", str(random.choice([3, 6, 7, 8, 9, 10, 10])),
                     'Great,\n"really"', "https://delighted.com/r/%d" % i, t, t, random.choice(["free", "pro"])))
open(d + "/delighted.csv", "w", encoding="utf-8", newline="").write("".join(rows))
rows = [line("Id", "Requester", "Group", "Via", "Created at", "Solved at", "Satisfaction Score", "Satisfaction Comment",
             "First reply time in minutes", "Full resolution time in minutes", "Reopens")]
for i in range(200):
    rows.append(line(str(1000 + i), "A B", random.choice(["Support", "Billing"]), random.choice(["Email", "Web", "Chat"]),
                     "2024-03-%02d 09:%02d" % (random.randint(1, 28), random.randint(0, 59)), "2024-03-29 10:00",
                     random.choice(["Good", "Good", "Good", "Bad", "Offered", "Unoffered"]), "ok, thanks",
                     str(random.randint(1, 300)), str(random.randint(30, 3000)), str(random.choice([0, 0, 0, 1]))))
open(d + "/zendesk.csv", "w", encoding="utf-8", newline="").write("".join(rows))
rows = ["Kunde;NPS;Notiz;Datum;weight\n"]
for i in range(80):
    rows.append("k%d;%d;x;%02d.03.2024;%s\n" % (i, random.choice([4, 7, 8, 9, 10]), random.randint(1, 28),
                                                 random.choice(["0,8", "1,0", "1,82"])))
open(d + "/de.csv", "w").write("".join(rows))
