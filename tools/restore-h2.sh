#!/usr/bin/env bash
# Restores an online backup of the embedded H2 database (POST /api/v1/admin/backups)
# into a data folder. DVK must be stopped; the folder must not hold a database yet.
#   tools/restore-h2.sh <backup dir, e.g. data/backups/20261130-120000> <data dir, e.g. ./data>
set -euo pipefail
from=${1:?usage: $0 <backup dir> <data dir>}
data=${2:?data dir}
[ -e "$data/dvk.mv.db" ] && { echo "$data/dvk.mv.db exists: move it away first" >&2; exit 1; }
mkdir -p "$data/files"
python3 -m zipfile -e "$from/dvk-db.zip" "$data"
python3 -m zipfile -e "$from/files.zip" "$data/files"
echo "restored into $data (database) and $data/files (attachments)"
