#!/usr/bin/env bash
# The reporting-week load test (issue 19): PostgreSQL, two DVK nodes and Debian's nginx on loopback, then the
# Gatling simulation load/src/test/java/dvk/load/ReportingWeek.java at rising numbers of virtual users until
# an answer is 5xx, a check fails, or a page/API action's p95 passes 1 s. After each level: every
# acknowledged write is in the database, the kept counts equal a fresh count, the audit chain verifies.
#   tools/loadtest.sh [levels...]            default levels: 25 50 100 200 400
# Env: DURATION (s per level, 90), IMPORT_ROWS (the large import's rows per level, 5000), EDITORS (commune
# editor accounts made, 300), BACKGROUND_ROWS (last year's initiatives loaded first, 20000), SKIP_BUILD=1.
# Needs ../shared/data (today's communes) and root (installs postgresql and nginx if missing). Results:
# target/load/results.md (copy the figures into docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/loadtest-lib.sh
LEVELS=("${@:-25 50 100 200 400}"); LEVELS=(${LEVELS[*]})
DURATION=${DURATION:-90}
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -B -ntp -q -DskipTests package
trap stop_all EXIT
rm -rf target/load; mkdir -p target/load
started=$(date +%s)
start_cluster
echo "cluster ready in $(( $(date +%s) - started )) s"
python3 load/setup.py "http://127.0.0.1:8081" target/load "${EDITORS:-300}" "${BACKGROUND_ROWS:-20000}"
{
  echo "### Reporting week — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GB; PostgreSQL $PGVER, nginx $(nginx -v 2>&1 | cut -d/ -f2), two nodes (-Xmx$NODE_HEAP), Gatling on the same machine"
  echo
  echo "Data at the start: $(sql 'select count(*) from initiative') initiatives, $(sql 'select count(*) from registration') registrations, $(sql "select count(*) from user_account") accounts."
} > target/load/results.md
rotate_access_log "$WORK/access-setup.log"
# fresh JVMs compile as they go: a short warm-up level first, not counted
gatling 5 30 0 warm-up
rotate_access_log "$WORK/access-warm-up.log"
for users in "${LEVELS[@]}"; do
  run="level-$users"
  echo "== $users virtual users for $DURATION s"
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  gatling "$users" "$DURATION" "${IMPORT_ROWS:-5000}" "$run"
  rotate_access_log "target/load/$run-access.log"
  report=$(python3 tools/loadtest-report.py "target/load/$run-access.log" "$users" "target/load/$run.log")
  check=$(check_after "$run")
  printf '%s\n\nLoad average before the level: %s. After the level: %s\n' "$(echo "$report" | sed '$d')" "$load_before" "$check" \
    >> target/load/results.md
  echo "$report" | tail -n 1; echo "$check"
  if ! echo "$report" | tail -n 1 | grep -q '^OK'; then
    echo "stopped at $users virtual users: $(echo "$report" | tail -n 1)" | tee -a target/load/results.md
    break
  fi
done
echo "results: target/load/results.md"
