#!/usr/bin/env bash
# Issue 11 item 4 bench: authenticated reads under load. Starts a copy of the assembled distribution
# (distribution/target/assembly, built beforehand: this script builds nothing) on PostgreSQL (a dedicated
# database spm_bench_http, created and dropped here), waits for readiness and the demo data, logs in as
# demo-regulator, then runs wrk (64 connections, 2 threads, warm-up then DURATION seconds each) against
#   GET /api/v1/health, GET /api/v1/auth/me, GET /api/v1/estates/1 (the last two with the bearer token)
# and, in the same run, `pgbench -S -c 64 -j 2 -T DURATION` on a `pgbench -i -s 10` database
# (spm_bench_pgbench). Prints requests/s, p50/p99 and the ratio to pgbench -S tps, and the load average.
# Goal (issue 11 item 4): the estate read at >= 50 % of pgbench -S with p99 < 50 ms at 64 connections.
# Server: SPM_TEST_DB_URL / SPM_TEST_DB_USER / SPM_TEST_DB_PASSWORD (default
# jdbc:postgresql://127.0.0.1:5432/test, postgres; only host and port are used). Installs wrk with apt
# when missing. BENCH_JFR=FILE records a JFR profile of the platform during the estate read.
# BENCH_KEEP=true keeps the databases and the copy of the distribution. Holds /tmp/spm-dist.lock
# (one Karaf at a time on this machine) and uses port 8181.
set -euo pipefail
if [ -z "${SPM_BENCH_LOCKED:-}" ]; then
  SPM_BENCH_LOCKED=1 exec flock /tmp/spm-dist.lock "$0" "$@"
fi
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-64}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target/bench-http}
APPDB=spm_bench_http
PGB=spm_bench_pgbench
drop_pgbench() { psql -q -c "DROP DATABASE IF EXISTS $PGB" >/dev/null 2>&1 || true; }
BENCH_CLEANUP=drop_pgbench
. "$ROOT/bench/lib/platform.sh"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null || { apt-get update -qq && apt-get install -y wrk >/dev/null; }
rm -rf "$WORK"; mkdir -p "$WORK"
psql -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $PGB" -c "CREATE DATABASE $PGB"
pgbench -q -i -s 10 $PGB >"$WORK/pgbench-init.log" 2>&1
bench_platform_start
TOKEN=$(bench_login demo-regulator)
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/estates/1")" = 200 ] \
  || { echo "GET /estates/1 with the demo-regulator token did not answer 200" >&2; exit 1; }

# wrk's --latency prints the distribution (50/75/90/99 %); normalise to ms
summarise() { # file -> "rps p50 p99"
  awk '/Requests\/sec/ {rps=$2}
       function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
       $1=="50%" {p50=ms($2)} $1=="99%" {p99=ms($2)}
       /Non-2xx/ {bad=$NF}
       END {printf "%s %.1f %.1f %s\n", rps, p50, p99, (bad==""?0:bad)}' "$1"
}
load() { # name path [auth]
  local name=$1 path=$2; shift 2
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$@" "$BASE$path" >/dev/null
  if [ "$name" = estate ] && [ -n "${BENCH_JFR:-}" ]; then
    jcmd "$KARAF_PID" JFR.start name=bench settings=profile duration="${DURATION}s" filename="$BENCH_JFR" >/dev/null
  fi
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$BASE$path" >"$WORK/wrk-$name.txt"
  uptime >"$WORK/load-$name.txt"
}
AUTH=(-H "Authorization: Bearer $TOKEN")
load health /health
load me /auth/me "${AUTH[@]}"
load estate /estates/1 "${AUTH[@]}"
[ -n "${BENCH_JFR:-}" ] && sleep 2
pgbench -S -c "$CONNECTIONS" -j 2 -T "$WARMUP" $PGB >/dev/null 2>&1
pgbench -S -c "$CONNECTIONS" -j 2 -T "$DURATION" $PGB >"$WORK/pgbench.txt" 2>&1
uptime >"$WORK/load-pgbench.txt"
TPS=$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.txt")
PGLAT=$(awk '/latency average/ {print $4; exit}' "$WORK/pgbench.txt")

printf '%-26s %12s %10s %10s %8s %9s   %s\n' request 'req/s' 'p50 ms' 'p99 ms' non-2xx 'x pgbench' 'load average after'
for n in health me estate; do
  read -r RPS P50 P99 BAD <<<"$(summarise "$WORK/wrk-$n.txt")"
  case $n in health) P='GET /health';; me) P='GET /auth/me (bearer)';; estate) P='GET /estates/1 (bearer)';; esac
  printf '%-26s %12.0f %10s %10s %8s %9.2f   %s\n' "$P" "$RPS" "$P50" "$P99" "$BAD" "$(echo "$RPS / $TPS" | bc -l)" \
    "$(sed 's/.*load average: //' "$WORK/load-$n.txt")"
done
printf '%-26s %12.0f %10s %10s %8s %9s   %s\n' 'pgbench -S (tps)' "$TPS" "avg $PGLAT" '' '' '1.00' "$(sed 's/.*load average: //' "$WORK/load-pgbench.txt")"
echo "connections $CONNECTIONS, wrk -t2 / pgbench -j 2, ${DURATION}s each after ${WARMUP}s warm-up; raw output in $WORK" >&2
