#!/usr/bin/env bash
# OPS-3 bench: `spm backup create` + `spm backup verify` of a database with N houses (default
# 1,000,000; estates, buildings, units, owners and house-owner links besides) beside PostgreSQL's
# own `pg_dump -Fc` and `pg_restore` of the same database; then `spm backup restore` of the archive
# into an empty database beside that `pg_restore` (issue 19 item 4), and its schema compared with the
# source's (`pg_dump -s`, which must be identical). Prints the times and the ratios
# (goal: ours <= 1.0x theirs). Server: SPM_TEST_DB_URL / SPM_TEST_DB_USER / SPM_TEST_DB_PASSWORD
# (default jdbc:postgresql://127.0.0.1:5432/test, postgres); the bench creates and drops the
# databases spm_bench_backup, spm_bench_restore and spm_bench_spmrestore there. Needs `mvn install` of spm-ops-core (test
# classes) and cli (the shaded jar), psql, pg_dump, pg_restore. BENCH_KEEP=true keeps the databases.
set -euo pipefail
HOUSES=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORE="$ROOT/bundles/ops/spm-ops-core"
CLI="$ROOT/cli/target/spm-cli-0.1.0-SNAPSHOT.jar"
WORK=${BENCH_DIR:-$CORE/target/bench-backup}
rm -rf "$WORK"; mkdir -p "$WORK"
(cd "$CORE" && mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null)
CP="$CORE/target/test-classes:$CORE/target/classes:$(cat "$CORE/target/bench.cp")"

URL=${SPM_TEST_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}
HOSTPORTDB=${URL#jdbc:postgresql://}
HOSTPORT=${HOSTPORTDB%%/*}
export PGHOST=${HOSTPORT%%:*} PGPORT=${HOSTPORT##*:} PGUSER=${SPM_TEST_DB_USER:-postgres} PGDATABASE=postgres
export PGPASSWORD=${SPM_TEST_DB_PASSWORD:-}
SRC=spm_bench_backup
DST=spm_bench_restore
SPMDST=spm_bench_spmrestore
SRC_URL="jdbc:postgresql://$HOSTPORT/$SRC"
if [ "${BENCH_REUSE:-false}" = true ]; then # the source of a previous BENCH_KEEP=true run
  psql -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DST" -c "CREATE DATABASE $DST" -c "DROP DATABASE IF EXISTS $SPMDST" -c "CREATE DATABASE $SPMDST"
else
psql -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $SRC" -c "DROP DATABASE IF EXISTS $DST" -c "DROP DATABASE IF EXISTS $SPMDST" \
  -c "CREATE DATABASE $SRC" -c "CREATE DATABASE $DST" -c "CREATE DATABASE $SPMDST"
SPM_DB_PASSWORD=$PGPASSWORD java -cp "$CP" org.smartproperty.ops.BackupBenchSchema "$SRC_URL" "$PGUSER" >"$WORK/migrate.log" 2>&1

echo "generating $HOUSES houses ..." >&2
ESTATES=$(( (HOUSES + 9999) / 10000 ))
psql -q -v ON_ERROR_STOP=1 -d $SRC >/dev/null <<SQL
INSERT INTO est_estate (id, project_code, name, address, community, admin_code, longitude, latitude, fee_standard, status, version, created_at, created_by, updated_at, updated_by)
  SELECT e, 'HQ-' || e, '横琴小区 ' || e, '珠海市横琴新区 ' || e || ' 号', '小横琴社区', '440404', 113.5 + e / 1000.0, 22.1, 3.50, 'ACTIVE', 1, now(), 'bench', now(), 'bench'
  FROM generate_series(1, $ESTATES) e;
INSERT INTO est_building (id, estate_id, number, name, floors_above, floors_below, version, created_at, created_by, updated_at, updated_by)
  SELECT b, (b - 1) / 100 + 1, ((b - 1) % 100 + 1)::text, ((b - 1) % 100 + 1) || ' 栋', 30, 2, 1, now(), 'bench', now(), 'bench'
  FROM generate_series(1, $ESTATES * 100) b;
INSERT INTO est_building_unit (id, building_id, name, ordinal) SELECT b, b, '1 单元', 1 FROM generate_series(1, $ESTATES * 100) b;
INSERT INTO est_house (id, estate_id, building_id, unit_id, unit_code, floor_no, room_no, house_use, planned_area, measured_area, status, version, created_at, created_by, updated_at, updated_by)
  SELECT h, (h - 1) / 10000 + 1, (h - 1) / 100 + 1, (h - 1) / 100 + 1, '440404' || lpad(h::text, 10, '0') || 'GB' || lpad((h % 100000)::text, 10, '0'),
         (h % 30) + 1, ((h % 30) + 1) || '0' || (h % 4 + 1), 'RESIDENTIAL', 80 + (h % 50) + 0.25, CASE WHEN h % 5 = 0 THEN NULL ELSE 79.10 END,
         'ACTIVE', 1, now() - (h || ' seconds')::interval, 'bench', now(), 'bench'
  FROM generate_series(1, $HOUSES) h;
INSERT INTO est_owner (id, name, id_type, id_number, phone, version, created_at, created_by, updated_at, updated_by)
  SELECT o, '业主' || o, 'ID_CARD', '4404041980' || lpad(o::text, 8, '0'), CASE WHEN o % 2 = 0 THEN NULL ELSE '+86 138' || lpad(o::text, 8, '0') END,
         1, now(), 'bench', now(), 'bench'
  FROM generate_series(1, $HOUSES) o;
INSERT INTO est_house_owner (id, house_id, owner_id, share, created_at) SELECT i, i, i, 100.00, now() FROM generate_series(1, $HOUSES) i;
SELECT setval('est_house_seq', $HOUSES + 500);
ANALYZE;
SQL
fi
ROWS=$(psql -tA -d $SRC -c "SELECT (SELECT COUNT(*) FROM est_house) || ' houses, ' || pg_size_pretty(pg_database_size(current_database()))")
echo "database: $ROWS" >&2

secs() { echo "$2 - $1" | bc -l; }
KEY="$WORK/backup.key"
java -jar "$CLI" backup keygen "$KEY" >/dev/null
export SPM_DB_URL="$SRC_URL" SPM_DB_USER="$PGUSER" SPM_DB_PASSWORD="$PGPASSWORD"
T0=$(date +%s.%N)
ARCHIVE=$(java -jar "$CLI" backup create --to "$WORK/archives" --key-file "$KEY" --no-progress)
T1=$(date +%s.%N)
java -jar "$CLI" backup verify "$ARCHIVE" --key-file "$KEY" --no-progress >"$WORK/verify.txt"
T2=$(date +%s.%N)
pg_dump -Fc -d $SRC -f "$WORK/pg.dump"
T3=$(date +%s.%N)
settle() { # each restore starts without the previous step's dirty pages and pending checkpoint (its WAL exceeds max_wal_size)
  psql -q -c CHECKPOINT; sync
}
settle
T3R=$(date +%s.%N)
pg_restore -d $DST "$WORK/pg.dump"
T4=$(date +%s.%N)

# the restore's changelogs: the security and estate bundle jars of the same class path
mkdir -p "$WORK/changelogs"
tr ':' '\n' <"$CORE/target/bench.cp" | grep -E '/spm-(platform-security|estate-impl)-[^/]*\.jar$' | xargs -I{} cp {} "$WORK/changelogs/"
settle
T5=$(date +%s.%N)
java -jar "$CLI" backup restore "$ARCHIVE" --key-file "$KEY" --target-db "jdbc:postgresql://$HOSTPORT/$SPMDST" --url http://127.0.0.1:9 \
  --changelogs "$WORK/changelogs" --no-progress >"$WORK/restore.txt"
T6=$(date +%s.%N)
# the restored schema against the migrated source's (pg_restore's would differ in how it re-parsed CHECK expressions)
pg_dump -s -d $SRC | grep -v '^\\\(un\)\?restrict ' >"$WORK/schema-source.sql"
pg_dump -s -d $SPMDST | grep -v '^\\\(un\)\?restrict ' >"$WORK/schema-spm-restore.sql"
if diff -q "$WORK/schema-source.sql" "$WORK/schema-spm-restore.sql" >/dev/null; then SCHEMA=identical; else SCHEMA="DIFFERENT (diff $WORK/schema-*.sql)"; fi

CREATE=$(secs $T0 $T1); VERIFY=$(secs $T1 $T2); DUMP=$(secs $T2 $T3); RESTORE=$(secs $T3R $T4); SPMRESTORE=$(secs $T5 $T6)
OURS=$(echo "$CREATE + $VERIFY" | bc -l); THEIRS=$(echo "$DUMP + $RESTORE" | bc -l)
printf 'database          %s\n' "$ROWS"
printf 'spm backup create %8.1f s  archive %s bytes\n' "$CREATE" "$(stat -c %s "$ARCHIVE")"
printf 'spm backup verify %8.1f s\n' "$VERIFY"
printf 'pg_dump -Fc       %8.1f s  dump %s bytes\n' "$DUMP" "$(stat -c %s "$WORK/pg.dump")"
printf 'pg_restore        %8.1f s\n' "$RESTORE"
printf 'ratio (create+verify)/(pg_dump+pg_restore) = %.2f\n' "$(echo "$OURS / $THEIRS" | bc -l)"
printf 'ratio create/pg_dump = %.2f, verify/pg_restore = %.2f\n' "$(echo "$CREATE / $DUMP" | bc -l)" "$(echo "$VERIFY / $RESTORE" | bc -l)"
printf 'spm backup restore %7.1f s  (%s)\n' "$SPMRESTORE" "$(cat "$WORK/restore.txt")"
printf 'ratio restore/pg_restore = %.2f\n' "$(echo "$SPMRESTORE / $RESTORE" | bc -l)"
printf 'schema (pg_dump -s) after spm backup restore vs the source: %s\n' "$SCHEMA"
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${BENCH_KEEP:-false}" != true ]; then
  psql -q -c "DROP DATABASE IF EXISTS $SRC" -c "DROP DATABASE IF EXISTS $DST" -c "DROP DATABASE IF EXISTS $SPMDST"
fi
