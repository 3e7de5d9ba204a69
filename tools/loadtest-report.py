#!/usr/bin/env python3
"""One load level's figures as Markdown: per action from Gatling's stats.json, per status from nginx's log.
  loadtest-report.py <gatling results folder of the run> <nginx access log of the run> <users>
Prints the table and, on the last line, "SATURATED <why>" or "OK" (any 5xx, any other failed check, or a
page/API action's p95 over 1 s)."""
import glob, json, sys, collections

folder, access, users = sys.argv[1], sys.argv[2], int(sys.argv[3])
stats_files = glob.glob(folder + "/**/js/stats.json", recursive=True)
if not stats_files:
    print(f"| {users} | no Gatling results (see the run's log) |"); print("SATURATED no results"); sys.exit(0)
stats = json.load(open(sorted(stats_files)[-1]))
statuses = collections.Counter()
times = []
for line in open(access, encoding="utf-8", errors="replace"):
    parts = line.split()
    if len(parts) >= 2:
        statuses[parts[0]] += 1
print(f"\n#### {users} virtual users\n")
total = stats["stats"]
print(f"All requests: {total['numberOfRequests']['total']:,} ({total['meanNumberOfRequestsPerSecond']['total']:.1f}/s), "
      f"failed checks {total['numberOfRequests']['ko']}; answers by status (nginx): "
      + ", ".join(f"{k}: {v:,}" for k, v in sorted(statuses.items())) + "\n")
print("| action | requests | per s | p50 ms | p95 ms | p99 ms | max ms | failed |")
print("|---|---|---|---|---|---|---|---|")
worst = None
for key, entry in sorted(stats["contents"].items(), key=lambda kv: kv[1]["name"]):
    s = entry["stats"]
    if entry.get("type") != "REQUEST":
        continue
    p95 = s["percentiles3"]["total"]
    print(f"| {entry['name']} | {s['numberOfRequests']['total']:,} | {s['meanNumberOfRequestsPerSecond']['total']:.1f} | "
          f"{s['percentiles1']['total']} | {p95} | {s['percentiles4']['total']} | {s['maxResponseTime']['total']} | "
          f"{s['numberOfRequests']['ko']} |")
    if not entry["name"].startswith("import") and not entry["name"].startswith("document") and p95 > 1000:
        worst = f"p95 {p95} ms for {entry['name']}"
five = sum(v for k, v in statuses.items() if k.startswith("5"))
if five:
    print(f"SATURATED {five} answers 5xx")
elif total["numberOfRequests"]["ko"]:
    print(f"SATURATED {total['numberOfRequests']['ko']} failed checks")
elif worst:
    print("SATURATED " + worst)
else:
    print("OK")
