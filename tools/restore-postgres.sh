#!/usr/bin/env bash
# Restores a backup of tools/backup-postgres.sh into a NEW, empty database and attachment folder
# (never over a live one): DVK is then started on them (DVK_DB_URL, dvk.storage.dir).
#   tools/restore-postgres.sh <backup dir> <new database> <new attachment dir>
# Connection for creating the database from the libpq variables (PGHOST, PGPORT, PGUSER …); the new
# database is owned by DVK_DB_OWNER (default dvk).
set -euo pipefail
from=${1:?usage: $0 <backup dir> <new database> <new attachment dir>}
db=${2:?new database name}
files=${3:?new attachment dir}
(cd "$from" && sha256sum --check --quiet SHA256SUMS)
[ -e "$files" ] && [ -n "$(ls -A "$files" 2>/dev/null)" ] && { echo "$files is not empty" >&2; exit 1; }
start=$(date +%s)
createdb --owner="${DVK_DB_OWNER:-dvk}" "$db"
pg_restore --no-owner --role="${DVK_DB_OWNER:-dvk}" --exit-on-error --jobs=2 --dbname="$db" "$from/dvk.dump"
mkdir -p "$files"
tar -C "$files" -xf "$from/files.tar"
echo "restored into database $db and $files, $(( $(date +%s) - start )) s"
