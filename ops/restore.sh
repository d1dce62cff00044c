#!/usr/bin/env bash
# Restore a backup made by ops/backup.sh into an EMPTY database and media folder.
#   DATABASE_URL=postgres://.../newdb DJANGO_MEDIA_ROOT=/srv/media ops/restore.sh BACKUP_DIR
# Verifies the checksums first; refuses a database that already has tables.
set -euo pipefail
dir=${1:?usage: ops/restore.sh BACKUP_DIR}
: "${DATABASE_URL:?set DATABASE_URL to the (empty) PostgreSQL database to restore into}"
media=${DJANGO_MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/var/media}
( cd "$dir" && sha256sum --check --quiet SHA256SUMS )
tables=$(psql "$DATABASE_URL" -Atc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
if [ "$tables" != "0" ]; then
  echo "refusing to restore: the target database already has $tables tables" >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --dbname "$DATABASE_URL" "$dir/db.dump"
if [ -f "$dir/media.tar.gz" ]; then
  mkdir -p "$media"
  tar -xzf "$dir/media.tar.gz" -C "$media"
fi
echo "restored $dir into the database and $media"
