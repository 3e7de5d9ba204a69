#!/usr/bin/env bash
# Proves an embedded H2 backup restores: asks a serving DVK node on H2 for an online backup
# (POST /api/v1/admin/backups), restores it with tools/restore-h2.sh into a new data folder, starts a
# second node on it and compares the summary figures, every attachment and the audit verification.
#   tools/backup-drill-h2.sh
# Needs: a DVK node on H2 file mode at $BASE (default http://127.0.0.1:8080) whose attachments are in
# $DVK_STORAGE_DIR (default ./data/files), left idle during the drill (the figures read before must be
# the backup's: for a drill under load see tools/backup-drill.sh); the jar built. The backup folder is
# the node's dvk.backup.dir (default ./data/backups, relative to where the node runs).
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${BASE:-http://127.0.0.1:8080}
ADMIN=${DVK_ADMIN:-quantri.demo:DanVanKheo2025}
SOURCE_FILES=${DVK_STORAGE_DIR:-./data/files}
WORK=$(mktemp -d /tmp/dvk-drill-h2.XXXXXX)
PORT2=${PORT2:-8091}
YEAR=$(TZ=Asia/Ho_Chi_Minh date +%Y)
JAR=$(ls target/dvk-*.jar | grep -v original | head -n 1)
node2=""
cleanup() { [ -n "$node2" ] && kill "$node2" 2>/dev/null || true; }
trap cleanup EXIT
. tools/drill-figures.sh

echo "== figures of the serving node"
before=$(figures "$BASE")
verify_before=$(verify "$BASE")
echo "== online backup by the node"
backup_start=$(date +%s.%N)
backup=$(curl -sf -u "$ADMIN" -X POST "$BASE/api/v1/admin/backups")
backup_seconds=$(echo "$(date +%s.%N) - $backup_start" | bc)
echo "$backup"
directory=$(echo "$backup" | python3 -c 'import json,sys; print(json.load(sys.stdin)["directory"])')
echo "== restore into $WORK/data"
restore_start=$(date +%s.%N)
tools/restore-h2.sh "$directory" "$WORK/data"
restore_seconds=$(echo "$(date +%s.%N) - $restore_start" | bc)
# the attachment rows of the copy, read with H2's own shell before a node opens (and locks) the database
unzip -p "$JAR" "$(unzip -Z1 "$JAR" | grep 'BOOT-INF/lib/h2-.*\.jar')" > "$WORK/h2.jar"
java -cp "$WORK/h2.jar" org.h2.tools.Shell -url "jdbc:h2:file:$WORK/data/dvk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
  -user dvk -password "" -sql "select storage_key || '|' || coalesce(thumbnail_key, '') || '|' || size_bytes as r from attachment" \
  | grep '|' | grep -v '^R' | tr -d ' ' > "$WORK/attachments.txt" || true
echo "== a second node on the restored folder"
PORT=$PORT2 java -Ddvk.demo.enabled=false -Ddvk.storage.dir="$WORK/data/files" -Ddvk.backup.dir="$WORK/data/backups" \
  -Dspring.datasource.url="jdbc:h2:file:$WORK/data/dvk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000" \
  -jar "$JAR" > "$WORK/node2.log" 2>&1 &
node2=$!
ready "http://127.0.0.1:$PORT2" "$node2" || { echo "the second node did not start, see $WORK/node2.log"; tail -n 20 "$WORK/node2.log"; exit 1; }
after=$(figures "http://127.0.0.1:$PORT2")
verify_after=$(verify "http://127.0.0.1:$PORT2")
compare_attachments "$WORK/data/files" "$SOURCE_FILES" < "$WORK/attachments.txt"
echo "figures before:"; echo "$before" | sed 's/^/  /'
echo "figures after:";  echo "$after" | sed 's/^/  /'
echo "audit before $verify_before"
echo "audit after  $verify_after"
echo "attachment rows $(wc -l < "$WORK/attachments.txt"), files checked: $checked, missing or different: $missing"
result=FAILED
[ "$before" = "$after" ] && [ "$missing" = 0 ] && echo "$verify_after" | grep -q '"intact":true' && result=PASSED
db_size=$(du -h "$directory/dvk-db.zip" | cut -f1)
files_size=$(du -h "$directory/files.zip" | cut -f1)
echo "backup $backup_seconds s (database $db_size, attachments $files_size), restore $restore_seconds s"
echo "| $(date -Iseconds) | H2 | $db_size | $files_size | ${backup_seconds} s | ${restore_seconds} s | $result |" >> target/backup-drill.md
echo "drill $result"
[ "$result" = PASSED ]
