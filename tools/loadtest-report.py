#!/usr/bin/env python3
"""One load level's figures as Markdown, from nginx's log of the level (what the users' proxy saw: status,
time from the first byte read to the last byte sent, method, path, end time); paths are grouped by route
(numbers and ids become {id}). Gatling's own report (client side) stays in target/load/<run>/.
  loadtest-report.py <nginx access log of the run> <users> <Gatling console log of the run>
Prints the table and, on the last line, "SATURATED <why>" or "OK": any 5xx, any failed Gatling check, or a
page or API action's p95 over 1 s."""
import collections, re, sys

access, users, console = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ID = re.compile(r"/(\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=/|$)")
times, statuses, failed = collections.defaultdict(list), collections.Counter(), collections.Counter()
first = last = None
for line in open(access, encoding="utf-8", errors="replace"):
    parts = line.split()
    if len(parts) < 6:
        continue
    # the upstream field lists every node tried ("127.0.0.1:8082, 127.0.0.1:8081") when one failed
    status, seconds, method, path, end = parts[0], float(parts[1]), parts[-3], parts[-2], float(parts[-1])
    if path.startswith(("/webjars/", "/css/", "/js/", "/favicon")):
        continue
    route = method + " " + ID.sub("/{id}", path)
    times[route].append(seconds * 1000)
    statuses[status] += 1
    if status.startswith("5"):
        failed[route] += 1
    first = end - seconds if first is None else min(first, end - seconds)
    last = end if last is None else max(last, end)
span = max(1.0, (last or 0) - (first or 0))


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1)] if values else 0


ko = 0
text = open(console, encoding="utf-8", errors="replace").read()
m = re.search(r"> request count\s+\|\s+([\d,]+)\s+\|\s+([\d,]+)\s+\|\s+([\d,-]+)", text)
if m:
    ko = int(m.group(3).replace(",", "").replace("-", "0") or 0)
errors = text[text.find("---- Errors"):].split("\n=====")[0] if "---- Errors" in text else ""
total = sum(len(v) for v in times.values())
print(f"\n#### {users} virtual users\n")
print(f"{total:,} requests in {span:.0f} s ({total / span:.1f}/s); answers by status: "
      + ", ".join(f"{k}: {v:,}" for k, v in sorted(statuses.items())) + f"; failed Gatling checks: {ko}\n")
print("| action (route) | requests | per s | p50 ms | p95 ms | p99 ms | max ms | 5xx |")
print("|---|---|---|---|---|---|---|---|")
worst = None
for route in sorted(times, key=lambda r: -len(times[r])):
    v = times[route]
    p95 = pct(v, 95)
    print(f"| `{route}` | {len(v):,} | {len(v) / span:.1f} | {pct(v, 50):.0f} | {p95:.0f} | {pct(v, 99):.0f} | {max(v):.0f} | {failed[route]} |")
    slow_ok = "/imports/" in route or "/jobs/" in route or route.endswith((".xlsx", ".docx", ".pdf"))
    if not slow_ok and p95 > 1000 and len(v) >= 20:
        worst = f"p95 {p95:.0f} ms for {route}"
if errors:
    print("\nGatling's errors:\n\n```\n" + errors.strip() + "\n```")
five = sum(v for k, v in statuses.items() if k.startswith("5"))
if five:
    print(f"SATURATED {five} answers 5xx")
elif ko:
    print(f"SATURATED {ko} failed checks")
elif worst:
    print("SATURATED " + worst)
else:
    print("OK")
