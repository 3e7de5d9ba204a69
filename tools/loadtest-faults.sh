#!/usr/bin/env bash
# Faults under load (issue 19), on the load test's setup (tools/loadtest-lib.sh: PostgreSQL, two nodes, nginx):
#  1. kill -9 one node while users work and an import runs on it: users go on through the other node without
#     logging in again, no acknowledged write is lost, its running import is seen FAILED;
#  2. PostgreSQL restarted under load: requests answer 503 quickly during the outage, both nodes recover by
#     themselves, nothing half-written (kept counts = a fresh count, the audit chain verifies);
#  3. the attachment disk full (a small tmpfs): uploads refused with a clear message, the rest works.
#   tools/loadtest-faults.sh          (root: mounts a tmpfs; SKIP_BUILD=1 reuses the jar)
# Results: target/load/faults.md
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/loadtest-lib.sh
USERS=${USERS:-40}
# a 1 GB attachment disk that refuses uploads below 50 MB free (the default 200 MB suits real disks)
export NODE_OPTS="-Ddvk.storage.min-free=50MB"
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -B -ntp -q -DskipTests package
cleanup() { stop_all; umount "$WORK/files" 2>/dev/null || true; }
trap cleanup EXIT
rm -rf target/load; mkdir -p target/load
OUT=target/load/faults.md
LB=http://127.0.0.1:$LB_PORT
install_tools
start_pg_fresh
# the attachment store on its own small disk (shared by both nodes, as a network volume would be)
mount -t tmpfs -o size=${DISK_SIZE:-1g} tmpfs "$WORK/files"
start_node 8081 true; wait_ready 8081
start_node 8082 false; wait_ready 8082
start_nginx
python3 load/setup.py "http://127.0.0.1:8081" target/load "${EDITORS:-100}" "${BACKGROUND_ROWS:-5000}"
echo "### Faults under load — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $USERS virtual users (tools/loadtest-faults.sh)" > $OUT
rotate_access_log "$WORK/access-setup.log"
officer=$(sed -n 2p target/load/officers.csv | cut -d, -f1)
pass=$(sed -n 2p target/load/officers.csv | cut -d, -f2)
level_table() { # run-name: waits for the run's Gatling ($load), then its table from nginx's log (without the verdict line)
  wait "$load" || true
  rotate_access_log "target/load/$1-access.log"
  python3 tools/loadtest-report.py "target/load/$1-access.log" "$USERS" "target/load/$1.log" | sed '$d'
}

echo "== 1. kill -9 a node under load"
python3 - "$officer" "$pass" > "$WORK/big.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open("target/load/editors.csv")))
print("Tên mô hình, điển hình,Lĩnh vực,Tỉnh/Thành phố,Xã/Phường/Thị trấn,Năm đăng ký,Đăng ký (Mới/Duy trì)")
for r in range(40000):
    c = rows[r % len(rows)]
    print(f'"Mô hình nhập khi máy chết số {r}",Kinh tế,"{c["provinceName"]}","{c["communeName"]}",2026,Mới')
PY
gatling "$USERS" 120 0 fault-kill & load=$!
sleep 30
# an import sent straight to node 2 (8082), so that it is the one that dies with it running
job=$(curl -sf -u "$officer:$pass" -F "file=@$WORK/big.csv;type=text/csv" "http://127.0.0.1:8082/api/v1/imports/initiatives?async=true" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["jobId"])')
for _ in $(seq 1 60); do
  state=$(curl -sf -u "$officer:$pass" "$LB/api/v1/jobs/$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
  [ "$state" = RUNNING ] && break; sleep 1
done
sleep 3
kill -9 "$(cat "$WORK/node-8082.pid")"; killed=$(date +%s)
echo "node 2 killed with import job $job $state"
failed_after=""
for _ in $(seq 1 240); do
  state=$(curl -s -u "$officer:$pass" "$LB/api/v1/jobs/$job" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("state"))' 2>/dev/null || echo "?")
  if [ "$state" = FAILED ]; then failed_after=$(( $(date +%s) - killed )); break; fi
  sleep 1
done
report=$(level_table fault-kill)
{
  echo; echo "#### 1. kill -9 of node 2 at 30 s into a 120 s run, with an import job running on it"; echo "$report"
  echo; echo "Import job $job: seen FAILED through node 1 ${failed_after:-NEVER} s after the kill."
  echo "After: $(check_after fault-kill)"
} >> $OUT
start_node 8082 false; wait_ready 8082

echo "== 2. PostgreSQL restarted under load"
gatling "$USERS" 120 0 fault-pg & load=$!
sleep 30
pg stop -m fast >/dev/null; down=$(date +%s)
probe() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -u "$ADMIN" "$LB/api/v1/initiatives?size=1"; }
: > "$WORK/probe-down.txt"
while [ $(( $(date +%s) - down )) -lt 20 ]; do probe >> "$WORK/probe-down.txt"; sleep 1; done
answer=$(curl -s -u "$ADMIN" "$LB/api/v1/initiatives?size=1"); page=$(curl -s "$LB/login" | grep -o 'id="unavailable">[^<]*' | cut -d'>' -f2 || true)
pg start -o "'-c listen_addresses=127.0.0.1 -p $PGPORT -k $WORK/pg -c max_connections=200'" >/dev/null; up=$(date +%s)
recovered=""
for _ in $(seq 1 120); do
  a=$(curl -s -o /dev/null -w '%{http_code}' -u "$ADMIN" "http://127.0.0.1:8081/api/v1/initiatives?size=1")
  b=$(curl -s -o /dev/null -w '%{http_code}' -u "$ADMIN" "http://127.0.0.1:8082/api/v1/initiatives?size=1")
  if [ "$a" = 200 ] && [ "$b" = 200 ]; then recovered=$(( $(date +%s) - up )); break; fi
  sleep 1
done
report=$(level_table fault-pg)
{
  echo; echo "#### 2. PostgreSQL stopped for 20 s at 30 s into a 120 s run"; echo "$report"
  echo; echo "During the outage, a probe each second (status, seconds): $(sort "$WORK/probe-down.txt" | awk '{print $1}' | uniq -c | awk '{printf "%s × %s; ", $1, $2}')slowest $(sort -k2 -n "$WORK/probe-down.txt" | tail -n 1 | awk '{print $2}') s."
  echo "Both nodes answered 200 again ${recovered:-NEVER} s after PostgreSQL was back, without a restart."
  echo "During the outage the API answered: \`$answer\`; the login page: \"$page\"."
  echo "After: $(check_after fault-pg)"
} >> $OUT

echo "== 3. the attachment disk full"
editor=$(sed -n 2p target/load/editors.csv)
euser=$(echo "$editor" | cut -d, -f1); epass=$(echo "$editor" | cut -d, -f2); ecode=$(echo "$editor" | cut -d, -f3)
eorg=$(echo "$editor" | cut -d, -f7)
dd if=/dev/zero of="$WORK/files/filler" bs=1M status=none 2>/dev/null || true
id=$(curl -sf -u "$euser:$epass" -H 'Content-Type: application/json' -d "{\"name\": \"Mô hình khi đĩa đầy\", \"kind\": \"MODEL\", \"holder\": \"COLLECTIVE\", \"sector\": \"ECONOMY\", \"unitCode\": \"$ecode\", \"organisationId\": $eorg, \"startYear\": 2026}" \
  "$LB/api/v1/initiatives" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
upload=$(curl -s -u "$euser:$epass" -w '\n%{http_code}' -F "file=@load/src/test/resources/anh-mo-hinh.jpg;type=image/jpeg" "$LB/api/v1/initiatives/$id/attachments")
files_before=$(sql "select count(*) from attachment where initiative_id = $id")
other=$(curl -s -o /dev/null -w '%{http_code}' -u "$euser:$epass" "$LB/api/v1/initiatives?unit=$ecode&size=5")
page=$(curl -s -o /dev/null -w '%{http_code}' -u "$ADMIN" "$LB/api/v1/reports/summary?year=2026")
rm -f "$WORK/files/filler"
again=$(curl -s -o /dev/null -w '%{http_code}' -u "$euser:$epass" -F "file=@load/src/test/resources/anh-mo-hinh.jpg;type=image/jpeg" "$LB/api/v1/initiatives/$id/attachments")
{
  echo; echo "#### 3. The attachment disk ($(df -h "$WORK/files" | awk 'NR==2 {print $2}') tmpfs) filled up"
  echo; echo "Upload on the full disk answered $(echo "$upload" | tail -n 1): $(echo "$upload" | head -n 1 | cut -c1-300)"
  echo "Attachment rows of that initiative after the refusal: $files_before. Meanwhile a list answered $other, the summary $page."
  echo "After the disk was freed the same upload answered $again."
  echo "After: $(check_after fault-disk)"
} >> $OUT
cat $OUT
