#!/usr/bin/env bash
# ANA-1..6 province-scale bench (issue 17 part 3): generates into a database of its own, spm_bench (dropped and created
# here), 30,000 estates, 10 million houses, 5 million complaints and the other domains in proportion
# (bench/analytics-province.sql: SQL generate_series, two years of history), then runs AnalyticsBench: the full build of
# the rollups, an incremental run after NEW new complaints (default 10,000), an idle incremental run, and every
# statistic (ranking page and trend, the usual filters and a company's scope) RUNS times (default 20) with median and
# p95 — each must answer in < 1 s. Server: SPM_TEST_DB_URL / SPM_TEST_DB_USER / SPM_TEST_DB_PASSWORD (default
# jdbc:postgresql://127.0.0.1:5432/test, postgres; only host and port are used). Needs `mvn install` of
# bundles/analytics/spm-analytics-impl (its test classes) and psql. SCALE=0.1 makes a tenth of it; BENCH_REUSE=true
# keeps the generated sources of a previous run (drops the rollups only); BENCH_KEEP=true keeps spm_bench afterwards.
# Runs under nice: PostgreSQL's backend is not niced, so start it when the machine is otherwise quiet (uptime).
set -euo pipefail
SCALE=${SCALE:-1.0}
RUNS=${RUNS:-20}
NEW=${NEW:-10000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMPL="$ROOT/bundles/analytics/spm-analytics-impl"
(cd "$IMPL" && mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null)
CP="$IMPL/target/test-classes:$IMPL/target/classes:$(cat "$IMPL/target/bench.cp")"
URL=${SPM_TEST_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}
HOSTPORTDB=${URL#jdbc:postgresql://}
HOSTPORT=${HOSTPORTDB%%/*}
export PGHOST=${HOSTPORT%%:*} PGPORT=${HOSTPORT##*:} PGUSER=${SPM_TEST_DB_USER:-postgres} PGDATABASE=postgres
export PGPASSWORD=${SPM_TEST_DB_PASSWORD:-}
DB=spm_bench
if [ "${BENCH_REUSE:-false}" = true ]; then
  psql -q -d $DB -v ON_ERROR_STOP=1 -c "DROP TABLE IF EXISTS ana_estate_month, ana_company_month, ana_estate, ana_company, ana_watermark, ana_dirty, databasechangelog, databasechangeloglock"
  N=$(awk "BEGIN { printf \"%d\", 5000000 * $SCALE }") # the complaints generated; the bench's own come after them
  psql -q -d $DB -v ON_ERROR_STOP=1 -c "DELETE FROM cpl_event WHERE id > $N" -c "DELETE FROM cpl_complaint WHERE id > $N"
else
  psql -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  echo "generating (scale $SCALE) ..." >&2
  start=$(date +%s)
  nice psql -q -d $DB -v scale="$SCALE" -f "$ROOT/bench/analytics-province.sql"
  echo "generated in $(( $(date +%s) - start )) s: $(psql -At -d $DB -c "SELECT pg_size_pretty(pg_database_size('$DB'))")" >&2
fi
psql -At -d $DB -c "SELECT 'estates ' || (SELECT COUNT(*) FROM est_estate) || ', houses ' || (SELECT COUNT(*) FROM est_house) || ', complaints ' || (SELECT COUNT(*) FROM cpl_complaint) || ', repairs ' || (SELECT COUNT(*) FROM svc_repair) || ', patrols ' || (SELECT COUNT(*) FROM svc_patrol_task) || ', votes ' || (SELECT COUNT(*) FROM vot_vote) || ', answers ' || (SELECT COUNT(*) FROM svy_answer) || ', tenders ' || (SELECT COUNT(*) FROM tnd_tender) || ', bids ' || (SELECT COUNT(*) FROM tnd_bidder) || ', companies ' || (SELECT COUNT(*) FROM cmp_company)"
nice java -cp "$CP" org.smartproperty.analytics.internal.AnalyticsBench "jdbc:postgresql://$HOSTPORT/$DB" "$PGUSER" "$RUNS" "$NEW"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${BENCH_KEEP:-false}" != true ]; then
  psql -q -c "DROP DATABASE IF EXISTS $DB"
fi
