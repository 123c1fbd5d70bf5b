# Shared by the benches that run the assembled platform over HTTP (sourced, not run): the PostgreSQL server from
# SPM_TEST_DB_URL / SPM_TEST_DB_USER / SPM_TEST_DB_PASSWORD (default jdbc:postgresql://127.0.0.1:5432/test, postgres;
# only host and port are used), a copy of the distribution (ASSEMBLY, default distribution/target/assembly, built
# beforehand) in $WORK/dist started on one database of its own and waited for with its demo data, stopped again on exit.
# The caller sets ROOT, WORK and APPDB, holds /tmp/spm-dist.lock (one Karaf on port 8181 at a time) and may set
# BENCH_CLEANUP to a function that drops its own extra databases.

BASE=http://127.0.0.1:8181/api/v1
ASSEMBLY=${ASSEMBLY:-$ROOT/distribution/target/assembly}
DIST="$WORK/dist"
URL=${SPM_TEST_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}
HOSTPORTDB=${URL#jdbc:postgresql://}
HOSTPORT=${HOSTPORTDB%%/*}
export PGHOST=${HOSTPORT%%:*} PGPORT=${HOSTPORT##*:} PGUSER=${SPM_TEST_DB_USER:-postgres} PGDATABASE=postgres
export PGPASSWORD=${SPM_TEST_DB_PASSWORD:-}

bench_platform_stop() {
  if [ -f "$DIST/karaf.pid" ]; then
    "$DIST/bin/stop" >/dev/null 2>&1 || true
    local pid
    pid=$(cat "$DIST/karaf.pid" 2>/dev/null || true)
    for _ in $(seq 1 60); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  fi
  if [ "${BENCH_KEEP:-false}" != true ]; then
    psql -q -c "DROP DATABASE IF EXISTS $APPDB" >/dev/null 2>&1 || true
    [ -n "${BENCH_CLEANUP:-}" ] && "$BENCH_CLEANUP"
    rm -rf "$DIST"
  fi
}

# bench_platform_start [keep-db]: a fresh copy of the assembly on database $APPDB (dropped and created unless keep-db),
# started and waited for until ready with the demo data (600 s at most); KARAF_PID is set.
bench_platform_start() {
  [ -x "$ASSEMBLY/bin/start" ] || { echo "no $ASSEMBLY/bin/start: build the distribution first (mvn install -pl distribution)" >&2; exit 2; }
  if curl -s -o /dev/null "$BASE/health"; then echo "something already answers on port 8181; stop it first" >&2; exit 2; fi
  trap bench_platform_stop EXIT
  rm -rf "$DIST"; mkdir -p "$WORK"
  cp -a "$ASSEMBLY" "$DIST"
  rm -rf "$DIST/data" "$DIST/karaf.pid"
  if [ "${1:-}" != keep-db ]; then
    psql -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $APPDB" -c "CREATE DATABASE $APPDB"
  fi
  echo "starting the platform on PostgreSQL ($APPDB) ..." >&2
  SPM_DB_URL="jdbc:postgresql://$HOSTPORT/$APPDB" SPM_DB_USER="$PGUSER" SPM_DB_PASSWORD="$PGPASSWORD" "$DIST/bin/start"
  for i in $(seq 1 300); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ] && [ -f "$DIST/data/security/health-token" ] \
       && curl -s -H "X-SPM-Health-Token: $(cat "$DIST/data/security/health-token")" "$BASE/health/ready" | grep -q 'demo data complete'; then
      break
    fi
    [ "$i" = 300 ] && { echo "the platform did not become ready with the demo data in 600 s" >&2; exit 1; }
    sleep 2
  done
  KARAF_PID=$(cat "$DIST/karaf.pid")
}

# bench_login user: prints a bearer token of a demo account (password Demo@2026spm unless SPM_DEMO_PASSWORD).
bench_login() {
  curl -s -XPOST "$BASE/auth/login" -H 'Content-Type: application/json' \
       -d "{\"username\":\"$1\",\"password\":\"${SPM_DEMO_PASSWORD:-Demo@2026spm}\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
