#!/usr/bin/env bash
# Backs up DVK on PostgreSQL while it serves: the database with pg_dump (one consistent snapshot, custom
# format, compressed) and then the attachment folder. Attachment files are written before the rows that
# name them and never changed, so the files copied after the dump hold every attachment the dump names.
#   tools/backup-postgres.sh <backup dir>
# Connection from the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, default dvk);
# attachments from DVK_STORAGE_DIR (default ./data/files, as dvk.storage.dir).
set -euo pipefail
out=${1:?usage: $0 <backup dir>}
files=${DVK_STORAGE_DIR:-./data/files}
mkdir -p "$out"
start=$(date +%s)
pg_dump --format=custom --compress=6 --no-owner --dbname="${PGDATABASE:-dvk}" --file="$out/dvk.dump"
tar -C "$files" -cf "$out/files.tar" .
(cd "$out" && sha256sum dvk.dump files.tar > SHA256SUMS)
echo "backup in $out: database $(du -h "$out/dvk.dump" | cut -f1), attachments $(du -h "$out/files.tar" | cut -f1)," \
     "$(( $(date +%s) - start )) s"
