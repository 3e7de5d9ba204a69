#!/usr/bin/env bash
# Proves a PostgreSQL backup restores: backs up the database a DVK node is serving (with its attachment
# folder) while it serves, restores into a fresh database and folder, starts a second node on them and
# compares the summary figures, every attachment and the audit verification.
#   tools/backup-drill.sh                 # the node idle: every figure must be the same
#   DRILL_LOAD=1 tools/backup-drill.sh    # a writer registers initiatives all through the backup
# Needs: a DVK node on PostgreSQL at $BASE (default http://127.0.0.1:8080) using database $PGDATABASE
# (default dvk) and attachments in $DVK_STORAGE_DIR (default ./data/files); libpq variables for a role that
# may create databases; the jar built (./mvnw -DskipTests package). Results are printed and appended to
# target/backup-drill.md.
#
# Under load the restored copy is the database of the dump's moment, not of the moment the figures were
# read before, so it is compared with what that moment must have been: the writer registers one new
# initiative at a time (an initiative, then its registration for the current year) and logs each one the
# node confirmed. A consistent snapshot holds exactly a first part of that log (no later write without
# every earlier one) and at most one initiative whose registration came after the snapshot; the figures
# of the past years are unchanged; this year's national total is the one read before plus the load's
# registrations the copy holds; the audit chain, which every write extends, verifies; every attachment
# row has its file. A torn copy fails one of these.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${BASE:-http://127.0.0.1:8080}
ADMIN=${DVK_ADMIN:-quantri.demo:DanVanKheo2025}
WRITER=${DVK_WRITER:-bdv.lamdong:DanVanKheo2025}
WRITER_UNIT=${DVK_WRITER_UNIT:-68}
SOURCE_FILES=${DVK_STORAGE_DIR:-./data/files}
WORK=$(mktemp -d /tmp/dvk-drill.XXXXXX)
RUN=$(date +%s)
RESTORED_DB=dvk_restored_$RUN
RESTORED_FILES=$WORK/files
PORT2=${PORT2:-8091}
YEAR=$(TZ=Asia/Ho_Chi_Minh date +%Y)
JAR=$(ls target/dvk-*.jar | grep -v original | head -n 1)
node2=""
writer=""
cleanup() {
  [ -n "$writer" ] && kill "$writer" 2>/dev/null || true
  [ -n "$node2" ] && kill "$node2" 2>/dev/null || true
}
trap cleanup EXIT

. tools/drill-figures.sh
write_load() { # registers initiatives one after the other until killed; logs each one the node confirmed
  local n=0 id token
  # a token, not the password, on every call: bcrypt on each request would make the writer too slow to matter
  token=$(curl -sf -u "$WRITER" -H 'Content-Type: application/json' -d '{"name":"backup drill"}' "$BASE/api/v1/me/tokens" \
            | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
  while true; do
    n=$((n + 1))
    id=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
           -d "{\"name\":\"Diễn tập sao lưu $RUN-$n\",\"kind\":\"MODEL\",\"holder\":\"COLLECTIVE\",\"sector\":\"ECONOMY\",\"unitCode\":\"$WRITER_UNIT\",\"startYear\":$YEAR}" \
           "$BASE/api/v1/initiatives" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' 2>/dev/null) || continue
    curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "{\"year\":$YEAR,\"status\":\"NEW\"}" \
      "$BASE/api/v1/initiatives/$id/registrations" && echo "$id" >> "$WORK/load.log"
  done
}

echo "== figures of the serving node"
before=$(figures "$BASE")
verify_before=$(verify "$BASE")
if [ -n "${DRILL_LOAD:-}" ]; then
  echo "== a writer registers initiatives from now on"
  : > "$WORK/load.log"
  write_load &
  writer=$!
  sleep "${DRILL_LOAD_WARMUP:-20}" # some writes before the snapshot, more during and after it
fi
echo "== backup while it serves"
backup_start=$(date +%s.%N)
tools/backup-postgres.sh "$WORK/backup"
backup_seconds=$(echo "$(date +%s.%N) - $backup_start" | bc)
echo "== restore into $RESTORED_DB and $RESTORED_FILES"
restore_start=$(date +%s.%N)
tools/restore-postgres.sh "$WORK/backup" "$RESTORED_DB" "$RESTORED_FILES"
restore_seconds=$(echo "$(date +%s.%N) - $restore_start" | bc)
if [ -n "$writer" ]; then
  kill "$writer"; wait "$writer" 2>/dev/null || true; writer=""
fi
echo "== a second node on the restored database"
SPRING_PROFILES_ACTIVE=postgres DVK_DEMO=false PORT=$PORT2 \
  DVK_DB_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$RESTORED_DB" \
  java -Ddvk.storage.dir="$RESTORED_FILES" -jar "$JAR" > "$WORK/node2.log" 2>&1 &
node2=$!
ready "http://127.0.0.1:$PORT2" "$node2" || { echo "the second node did not start, see $WORK/node2.log"; tail -n 20 "$WORK/node2.log"; exit 1; }
after=$(figures "http://127.0.0.1:$PORT2")
verify_after=$(verify "http://127.0.0.1:$PORT2")
compare_attachments "$RESTORED_FILES" "$SOURCE_FILES" \
  < <(psql -At -d "$RESTORED_DB" -c "select storage_key, coalesce(thumbnail_key, ''), size_bytes from attachment")
echo "figures before:"; echo "$before" | sed 's/^/  /'
echo "figures after:";  echo "$after" | sed 's/^/  /'
echo "audit before $verify_before"
echo "audit after  $verify_after"
echo "attachment files checked: $checked, missing or different: $missing"
figures_ok=no
if [ -z "${DRILL_LOAD:-}" ]; then
  [ "$before" = "$after" ] && figures_ok=yes
else
  written=$(wc -l < "$WORK/load.log")
  restored_ids=$(psql -At -d "$RESTORED_DB" -c "select id from initiative where name like 'Diễn tập sao lưu $RUN-%' order by id")
  registered=$(psql -At -d "$RESTORED_DB" -c "select count(*) from registration r join initiative i on i.id = r.initiative_id
                                              where i.name like 'Diễn tập sao lưu $RUN-%' and r.reg_year = $YEAR")
  in_copy=$(echo "$restored_ids" | grep -c . || true)
  # the initiatives the node confirmed and the copy holds must be the first ones written, without a gap
  prefix=$(head -n "$registered" "$WORK/load.log")
  held=$(echo "$restored_ids" | head -n "$registered")
  total_before=$(echo "$before" | awk -v y="$YEAR" '$1 == y {sub("total=", "", $2); print $2}')
  total_after=$(echo "$after" | awk -v y="$YEAR" '$1 == y {sub("total=", "", $2); print $2}')
  echo "load: $written initiatives registered by the writer, $in_copy in the copy ($registered with their registration)"
  echo "this year's national total: before $total_before, copy $total_after, expected $((total_before + registered))"
  [ "$(echo "$before" | grep -v "^$YEAR ")" = "$(echo "$after" | grep -v "^$YEAR ")" ] \
    && [ "$total_after" = "$((total_before + registered))" ] \
    && [ "$prefix" = "$held" ] && [ $((in_copy - registered)) -le 1 ] && [ "$written" -gt "$registered" ] \
    && figures_ok=yes
fi
result=FAILED
[ "$figures_ok" = yes ] && [ "$missing" = 0 ] && echo "$verify_after" | grep -q '"intact":true' && result=PASSED
db_size=$(du -h "$WORK/backup/dvk.dump" | cut -f1)
files_size=$(du -h "$WORK/backup/files.tar" | cut -f1)
echo "backup $backup_seconds s (database $db_size, attachments $files_size), restore $restore_seconds s"
echo "| $(date -Iseconds) | ${DRILL_LOAD:+under load} | $db_size | $files_size | ${backup_seconds} s | ${restore_seconds} s | $result |" \
  >> target/backup-drill.md
echo "drill $result"
[ "$result" = PASSED ]
