# The figures the backup drills compare (sourced by tools/backup-drill.sh and tools/backup-drill-h2.sh):
# the summary of the nation and of every province for past years and this one, and the audit verification.
# Uses $ADMIN (user:password of an administrator) and $YEAR.
provinces() { # every province of today's and of the 2021 structure
  local base=$1
  for on in $(date +%F) 2021-06-30; do
    curl -sf -u "$ADMIN" "$base/api/v1/admin-units?level=PROVINCE&size=100&on=$on" \
      | python3 -c 'import json,sys; print("\n".join(str(u["code"]) for u in json.load(sys.stdin)["items"]))'
  done | sort -u
}
figures() { # base url -> one line a year: year, national total, number of summaries, hash of them all
  local base=$1 year unit out units
  units=$(provinces "$base")
  [ -n "$units" ] || { echo "no provinces from $base" >&2; return 1; }
  for year in 2021 2023 2024 2025 "$YEAR"; do
    out=$(curl -sf -u "$ADMIN" "$base/api/v1/reports/summary?year=$year") || { echo "summary $year failed" >&2; return 1; }
    total=$(echo "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
    count=1
    for unit in $units; do
      out+=$(curl -sf -u "$ADMIN" "$base/api/v1/reports/summary?unit=$unit&year=$year") \
        || { echo "summary $unit $year failed" >&2; return 1; }
      count=$((count + 1))
    done
    echo "$year total=$total summaries=$count $(echo "$out" | sha256sum | cut -c1-16)"
  done
}
verify() { curl -sf -u "$ADMIN" "$1/api/v1/audit/verify"; }
ready() { # url, pid -> waits until the node at url is ready (up to 5 minutes) or its process ended
  for _ in $(seq 1 150); do
    curl -sf "$1/actuator/health/readiness" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 2
  done
  return 1
}
compare_attachments() { # restored folder, source folder; stdin: "key|thumbnail key|size" lines of the restored rows
  # -> sets $missing and $checked: every file and thumbnail the rows name is in the restored folder, byte for byte
  local restored=$1 source=$2 key thumbnail size k found original
  missing=0
  checked=0
  while IFS='|' read -r key thumbnail size; do
    [ -z "$key" ] && continue
    for k in $key $thumbnail; do
      found=$(find "$restored" -name "$k" -type f | head -n 1)
      original=$(find "$source" -name "$k" -type f | head -n 1)
      if [ -z "$found" ] || { [ "$k" = "$key" ] && [ "$(stat -c %s "$found")" != "$size" ]; } || ! cmp -s "$found" "$original"; then
        echo "attachment $k missing or different"; missing=$((missing + 1))
      fi
      checked=$((checked + 1))
    done
  done
}
