#!/usr/bin/env bash
# INT-RE bench: full sync of N houses (default 200,000) from the real-estate simulator into a
# scratch PostgreSQL schema through RealEstateSyncImpl + the HTTP adapter, beside PostgreSQL's own
# \copy of the same rows (one row per house, owner inline) into a plain table. Prints rows/s and
# the ratio. Database: SPM_TEST_DB_URL / SPM_TEST_DB_USER / SPM_TEST_DB_PASSWORD (default
# jdbc:postgresql://127.0.0.1:5432/test, postgres). Needs a prior `mvn install` of spm-estate-impl
# (test classes) and psql. BENCH_REWRITE=true adds reWriteBatchedInserts=true to the JDBC URL
# (the platform's DataSource does not set it).
set -euo pipefail
HOUSES=${1:-200000}
SCHEMA=${BENCH_SCHEMA:-bench_realestate}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MOD="$ROOT/bundles/estate/spm-estate-impl"
CSV="$MOD/target/bench-houses.csv"
(cd "$MOD" && mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null)
CP="$MOD/target/test-classes:$MOD/target/classes:$(cat "$MOD/target/bench.cp")"
OUT=$(java -Xmx2g -Dbench.rewrite=${BENCH_REWRITE:-false} -cp "$CP" org.smartproperty.estate.internal.RealEstateSyncBench "$HOUSES" "$SCHEMA" "$CSV" 2>/dev/null | tee /dev/stderr)
SYNC_HOUSES=$(grep '^SYNC_HOUSES=' <<<"$OUT" | cut -d= -f2)
SYNC_SECONDS=$(grep '^SYNC_SECONDS=' <<<"$OUT" | cut -d= -f2)

URL=${SPM_TEST_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}
HOSTPORTDB=${URL#jdbc:postgresql://}
HOSTPORT=${HOSTPORTDB%%/*}
DB=${HOSTPORTDB#*/}; DB=${DB%%\?*}
export PGHOST=${HOSTPORT%%:*} PGPORT=${HOSTPORT##*:} PGDATABASE=$DB PGUSER=${SPM_TEST_DB_USER:-postgres}
export PGPASSWORD=${SPM_TEST_DB_PASSWORD:-}
psql -q -v ON_ERROR_STOP=1 <<SQL
DROP TABLE IF EXISTS $SCHEMA.copy_house;
CREATE TABLE $SCHEMA.copy_house (unit_code VARCHAR(28) PRIMARY KEY, project_code VARCHAR(64), building_number VARCHAR(32),
  unit_name VARCHAR(32), floor_no INT, room_no VARCHAR(32), house_use VARCHAR(16), planned_area NUMERIC(10,2),
  measured_area NUMERIC(10,2), status VARCHAR(16), owner_id_type VARCHAR(24), owner_id_number VARCHAR(32),
  owner_name VARCHAR(100), owner_phone VARCHAR(20));
SQL
T0=$(date +%s.%N)
psql -q -v ON_ERROR_STOP=1 -c "\\copy $SCHEMA.copy_house FROM '$CSV' WITH (FORMAT csv)"
T1=$(date +%s.%N)
COPY_ROWS=$(psql -tA -c "SELECT COUNT(*) FROM $SCHEMA.copy_house")
COPY_SECONDS=$(echo "$T1 - $T0" | bc -l)
printf 'sync : %d houses in %.2f s = %.0f rows/s\n' "$SYNC_HOUSES" "$SYNC_SECONDS" "$(echo "$SYNC_HOUSES / $SYNC_SECONDS" | bc -l)"
printf 'copy : %d rows   in %.2f s = %.0f rows/s\n' "$COPY_ROWS" "$COPY_SECONDS" "$(echo "$COPY_ROWS / $COPY_SECONDS" | bc -l)"
printf 'ratio: sync / \\copy = %.1f %%\n' "$(echo "100 * ($SYNC_HOUSES / $SYNC_SECONDS) / ($COPY_ROWS / $COPY_SECONDS)" | bc -l)"
[ "${BENCH_KEEP:-}" = true ] || psql -q -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $SCHEMA CASCADE"
