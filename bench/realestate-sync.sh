#!/usr/bin/env bash
# INT-RE bench: full sync of N houses (default 200,000) from the real-estate simulator into a
# scratch PostgreSQL schema through RealEstateSyncImpl + the HTTP adapter, beside PostgreSQL's own
# \copy of the same rows (one row per house, owner inline) into a plain table. Prints rows/s and
# the ratio. Database: SPM_TEST_DB_URL / SPM_TEST_DB_USER / SPM_TEST_DB_PASSWORD (default
# jdbc:postgresql://127.0.0.1:5432/test, postgres). Needs a prior `mvn install` of spm-estate-impl
# (test classes) and psql. BENCH_REWRITE=true adds reWriteBatchedInserts=true to the JDBC URL
# (the platform's DataSource does not set it). BENCH_PAGE sets the page size (default 5,000).
# Besides the issue's figure (sync vs \copy into one plain table) it prints two references: the
# source alone (simulator + HTTP + parsing, no database) and the FLOOR: \copy of exactly the rows the
# sync wrote (estates, buildings, units, houses, owners, house-owner links; before 2026-12-05 evening houses, owners
# and links only) into tables with the same keys, unique indexes and foreign keys as est_estate / est_building /
# est_building_unit / est_house / est_owner / est_house_owner, in one transaction — what PostgreSQL itself needs to
# store them, whoever sends them.
# BENCH_JAVA_OPTS: JVM options of the sync, e.g. -Dspm.realestate.sync.pipelined=true for pages
# prepared ahead of a writer thread (issue 19 item 4; the default is one page at a time).
# BENCH_WARMUP (default 40000): houses of a warm-up sync run first in the same JVM (its own schema, not counted), so the
# measured run meets a JIT-compiled JVM as the platform's scheduler does in a running Karaf; 0 measures a cold JVM, whose
# compiler threads took ≈ 6 s of CPU on the two cores during the measured run (docs/performance.md).
set -euo pipefail
HOUSES=${1:-200000}
SCHEMA=${BENCH_SCHEMA:-bench_realestate}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MOD="$ROOT/bundles/estate/spm-estate-impl"
CSV="$MOD/target/bench-houses.csv"
(cd "$MOD" && mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null)
CP="$MOD/target/test-classes:$MOD/target/classes:$(cat "$MOD/target/bench.cp")"
OUT=$(java -Xmx2g ${BENCH_JAVA_OPTS:-} -Dbench.warmup=${BENCH_WARMUP:-40000} -Dbench.rewrite=${BENCH_REWRITE:-false} -cp "$CP" org.smartproperty.estate.internal.RealEstateSyncBench "$HOUSES" "$SCHEMA" "$CSV" "${BENCH_PAGE:-5000}" 2>"$MOD/target/bench-sync.log" | tee /dev/stderr)
grep -o 'real-estate sync run 1: .*' "$MOD/target/bench-sync.log" | tail -n 1 >&2 || true # where the time went (the measured run's, after the warm-up's)
SYNC_HOUSES=$(grep '^SYNC_HOUSES=' <<<"$OUT" | cut -d= -f2)
SYNC_SECONDS=$(grep '^SYNC_SECONDS=' <<<"$OUT" | cut -d= -f2)
SOURCE_SECONDS=$(grep '^SOURCE_SECONDS=' <<<"$OUT" | cut -d= -f2)

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

# the floor: the sync's own rows, \copy'd into empty tables with the keys of the real ones
DIR=$(dirname "$CSV")
psql -q -v ON_ERROR_STOP=1 <<SQL
SET search_path = $SCHEMA;
\copy est_estate TO '$DIR/bench-est_estate.csv' WITH (FORMAT csv)
\copy est_building TO '$DIR/bench-est_building.csv' WITH (FORMAT csv)
\copy est_building_unit TO '$DIR/bench-est_building_unit.csv' WITH (FORMAT csv)
\copy est_house TO '$DIR/bench-est_house.csv' WITH (FORMAT csv)
\copy est_owner TO '$DIR/bench-est_owner.csv' WITH (FORMAT csv)
\copy est_house_owner TO '$DIR/bench-est_house_owner.csv' WITH (FORMAT csv)
DROP TABLE IF EXISTS floor_house_owner, floor_house, floor_owner, floor_unit, floor_building, floor_estate;
CREATE TABLE floor_estate (LIKE est_estate INCLUDING ALL);
CREATE TABLE floor_building (LIKE est_building INCLUDING ALL);
ALTER TABLE floor_building ADD FOREIGN KEY (estate_id) REFERENCES floor_estate (id);
CREATE TABLE floor_unit (LIKE est_building_unit INCLUDING ALL);
ALTER TABLE floor_unit ADD FOREIGN KEY (building_id) REFERENCES floor_building (id);
CREATE TABLE floor_house (LIKE est_house INCLUDING ALL);
ALTER TABLE floor_house ADD FOREIGN KEY (estate_id) REFERENCES floor_estate (id), ADD FOREIGN KEY (building_id) REFERENCES floor_building (id),
  ADD FOREIGN KEY (unit_id) REFERENCES floor_unit (id);
CREATE TABLE floor_owner (LIKE est_owner INCLUDING ALL);
CREATE TABLE floor_house_owner (LIKE est_house_owner INCLUDING ALL);
ALTER TABLE floor_house_owner ADD FOREIGN KEY (house_id) REFERENCES floor_house (id), ADD FOREIGN KEY (owner_id) REFERENCES floor_owner (id);
SQL
T2=$(date +%s.%N)
psql -q -v ON_ERROR_STOP=1 <<SQL
SET search_path = $SCHEMA;
BEGIN;
\copy floor_estate FROM '$DIR/bench-est_estate.csv' WITH (FORMAT csv)
\copy floor_building FROM '$DIR/bench-est_building.csv' WITH (FORMAT csv)
\copy floor_unit FROM '$DIR/bench-est_building_unit.csv' WITH (FORMAT csv)
\copy floor_owner FROM '$DIR/bench-est_owner.csv' WITH (FORMAT csv)
\copy floor_house FROM '$DIR/bench-est_house.csv' WITH (FORMAT csv)
\copy floor_house_owner FROM '$DIR/bench-est_house_owner.csv' WITH (FORMAT csv)
COMMIT;
SQL
T3=$(date +%s.%N)
FLOOR_SECONDS=$(echo "$T3 - $T2" | bc -l)
FLOOR_ROWS=$(psql -tA -c "SELECT (SELECT COUNT(*) FROM $SCHEMA.floor_estate) || ' estates, ' || (SELECT COUNT(*) FROM $SCHEMA.floor_building) || ' buildings, ' || (SELECT COUNT(*) FROM $SCHEMA.floor_unit) || ' units, ' || (SELECT COUNT(*) FROM $SCHEMA.floor_house) || ' houses, ' || (SELECT COUNT(*) FROM $SCHEMA.floor_owner) || ' owners, ' || (SELECT COUNT(*) FROM $SCHEMA.floor_house_owner) || ' links'")
printf 'sync : %d houses in %.2f s = %.0f rows/s\n' "$SYNC_HOUSES" "$SYNC_SECONDS" "$(echo "$SYNC_HOUSES / $SYNC_SECONDS" | bc -l)"
printf 'copy : %d rows   in %.2f s = %.0f rows/s\n' "$COPY_ROWS" "$COPY_SECONDS" "$(echo "$COPY_ROWS / $COPY_SECONDS" | bc -l)"
printf 'ratio: sync / \\copy = %.1f %%\n' "$(echo "100 * ($SYNC_HOUSES / $SYNC_SECONDS) / ($COPY_ROWS / $COPY_SECONDS)" | bc -l)"
printf 'source alone (no database): %.2f s\n' "$SOURCE_SECONDS"
printf 'floor: \\copy of the sync'"'"'s rows (%s) into tables with the same keys: %.2f s = %.0f houses/s; sync / floor = %.1f %%\n' \
  "$FLOOR_ROWS" "$FLOOR_SECONDS" "$(echo "$SYNC_HOUSES / $FLOOR_SECONDS" | bc -l)" "$(echo "100 * $FLOOR_SECONDS / $SYNC_SECONDS" | bc -l)"
printf 'sync / floor = %.2fx (issue 19 item 4: goal <= 1.25x)\n' "$(echo "$SYNC_SECONDS / $FLOOR_SECONDS" | bc -l)"
[ "${BENCH_KEEP:-}" = true ] || psql -q -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $SCHEMA CASCADE"
