#!/usr/bin/env bash
# Back up the database (pg_dump, custom format) and the media folder.
#   DATABASE_URL=postgres://... ops/backup.sh BACKUP_DIR
# Writes BACKUP_DIR/db.dump and BACKUP_DIR/media.tar.gz (if MEDIA_ROOT exists).
set -euo pipefail
dir=${1:?usage: ops/backup.sh BACKUP_DIR}
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to back up}"
media=${DJANGO_MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/var/media}
mkdir -p "$dir"
pg_dump --format=custom --no-owner --no-privileges --file "$dir/db.dump" "$DATABASE_URL"
if [ -d "$media" ]; then
  tar -czf "$dir/media.tar.gz" -C "$media" .
fi
( cd "$dir" && sha256sum db.dump $( [ -f media.tar.gz ] && echo media.tar.gz ) > SHA256SUMS )
echo "backup written to $dir"
