#!/usr/bin/env bash
# Proves a PostgreSQL backup restores: backs up the database a DVK node is serving (with its attachment
# folder) while it serves, restores into a fresh database and folder, starts a second node on them and
# compares the summary figures, every attachment and the audit verification.
#   tools/backup-drill.sh
# Needs: a DVK node on PostgreSQL at $BASE (default http://127.0.0.1:8080) using database $PGDATABASE
# (default dvk) and attachments in $DVK_STORAGE_DIR (default ./data/files); libpq variables for a role that
# may create databases; the jar built (./mvnw -DskipTests package). Results are printed and appended to
# target/backup-drill.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${BASE:-http://127.0.0.1:8080}
ADMIN=${DVK_ADMIN:-quantri.demo:DanVanKheo2025}
SOURCE_FILES=${DVK_STORAGE_DIR:-./data/files}
WORK=$(mktemp -d /tmp/dvk-drill.XXXXXX)
RESTORED_DB=dvk_restored_$(date +%s)
RESTORED_FILES=$WORK/files
PORT2=${PORT2:-8091}
JAR=$(ls target/dvk-*.jar | grep -v original | head -n 1)
node2=""
cleanup() { [ -n "$node2" ] && kill "$node2" 2>/dev/null || true; }
trap cleanup EXIT

figures() { # base url -> the summary figures of every province, the nation and the current and past years
  local base=$1
  for year in 2021 2023 2024 $(date +%Y); do
    curl -sf -u "$ADMIN" "$base/api/v1/reports/summary?year=$year"
    for unit in $(curl -sf -u "$ADMIN" "$base/api/v1/admin-units?level=PROVINCE&size=100" \
                   | python3 -c 'import json,sys; print(" ".join(str(u["code"]) for u in json.load(sys.stdin).get("items", [])))'); do
      curl -sf -u "$ADMIN" "$base/api/v1/reports/summary?unit=$unit&year=$year"
    done
  done | sha256sum | cut -d' ' -f1
}
verify() { curl -sf -u "$ADMIN" "$1/api/v1/audit/verify"; }

echo "== figures of the serving node"
before=$(figures "$BASE")
verify_before=$(verify "$BASE")
echo "== backup while it serves"
tools/backup-postgres.sh "$WORK/backup"
echo "== restore into $RESTORED_DB and $RESTORED_FILES"
tools/restore-postgres.sh "$WORK/backup" "$RESTORED_DB" "$RESTORED_FILES"
echo "== a second node on the restored database"
SPRING_PROFILES_ACTIVE=postgres DVK_DEMO=false PORT=$PORT2 \
  DVK_DB_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$RESTORED_DB" \
  java -Ddvk.storage.dir="$RESTORED_FILES" -jar "$JAR" > "$WORK/node2.log" 2>&1 &
node2=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT2/actuator/health/readiness" >/dev/null && break
  sleep 2
done
after=$(figures "http://127.0.0.1:$PORT2")
verify_after=$(verify "http://127.0.0.1:$PORT2")
missing=0
while IFS='|' read -r key size; do
  [ -z "$key" ] && continue
  found=$(find "$RESTORED_FILES" -name "$key" -type f | head -n 1)
  original=$(find "$SOURCE_FILES" -name "$key" -type f | head -n 1)
  if [ -z "$found" ] || [ "$(stat -c %s "$found")" != "$size" ] || ! cmp -s "$found" "$original"; then
    echo "attachment $key missing or different"; missing=$((missing + 1))
  fi
done < <(psql -At -d "$RESTORED_DB" -c "select storage_key, size_bytes from attachment")
echo "figures before $before"
echo "figures after  $after"
echo "audit before $verify_before"
echo "audit after  $verify_after"
echo "attachments missing or different: $missing"
result=FAILED
[ "$before" = "$after" ] && [ "$missing" = 0 ] && echo "$verify_after" | grep -q '"intact":true' && result=PASSED
echo "| $(date -Iseconds) | $(du -h "$WORK/backup/dvk.dump" | cut -f1) | $(du -h "$WORK/backup/files.tar" | cut -f1) | $result |" \
  >> target/backup-drill.md
echo "drill $result"
[ "$result" = PASSED ]
