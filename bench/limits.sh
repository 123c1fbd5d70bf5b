#!/usr/bin/env bash
# Issue 19 item 4 (figures and the tuning: docs/performance.md): cold start to ready and idle RSS of the assembled distribution as production
# boots it — a copy of distribution/target/assembly with the boot feature spm-dev replaced by spm-all (no demo data, no
# simulators), on the embedded H2 database. Three starts of the same copy: the first on an empty data/ (the database
# created by Liquibase: "first"), then two more on it ("warm"). Each: seconds from `bin/start` to GET
# /api/v1/health/ready = 200 (polled every 100 ms), then IDLE seconds (default 60) idle, the Karaf JVM's RSS (ps), and
# the RSS again after a full GC (jcmd GC.run); threads and open files of the process. Goals (issue 19): idle RSS ≤ 600 MiB,
# start to ready ≤ 15 s. PROFILE=spm-dev measures the default run instead (its demo data seeding is not waited for).
# For A/B comparisons without editing the distribution: BENCH_JAVA_OPTS (given as EXTRA_JAVA_OPTS: bin/setenv puts
# them after its own, so they win), BENCH_SETENV (a file that replaces the copy's bin/setenv, e.g. an older one from git), BENCH_ADD_BOOT (comma list of
# features appended to the copy's featuresBoot, e.g. features the assembly no longer boots), RUNS (default
# "first warm warm"). Holds /tmp/spm-dist.lock (one Karaf on port 8181 at a time).
set -euo pipefail
if [ -z "${SPM_BENCH_LOCKED:-}" ]; then
  SPM_BENCH_LOCKED=1 exec flock /tmp/spm-dist.lock "$0" "$@"
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ASSEMBLY=${ASSEMBLY:-$ROOT/distribution/target/assembly}
WORK=${BENCH_DIR:-$ROOT/target/bench-limits}
PROFILE=${PROFILE:-spm-all}
IDLE=${IDLE:-60}
RUNS=${RUNS:-first warm warm}
BASE=http://127.0.0.1:8181/api/v1
DIST="$WORK/dist"
[ -x "$ASSEMBLY/bin/start" ] || { echo "no $ASSEMBLY/bin/start: build the distribution first" >&2; exit 2; }
if curl -s -o /dev/null "$BASE/health"; then echo "something already answers on port 8181; stop it first" >&2; exit 2; fi
stop() {
  [ -f "$DIST/karaf.pid" ] || return 0
  local pid; pid=$(cat "$DIST/karaf.pid" 2>/dev/null || true)
  "$DIST/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  rm -f "$DIST/karaf.pid"
}
trap 'stop; [ "${BENCH_KEEP:-false}" = true ] || rm -rf "$WORK"' EXIT
rm -rf "$WORK"; mkdir -p "$WORK"
cp -a "$ASSEMBLY" "$DIST"
rm -rf "$DIST/data" "$DIST/karaf.pid"
sed -i "s#spm-dev/0.1.0.SNAPSHOT#$PROFILE/0.1.0.SNAPSHOT#" "$DIST/etc/org.apache.karaf.features.cfg"
grep -q "$PROFILE/0.1.0.SNAPSHOT" "$DIST/etc/org.apache.karaf.features.cfg"
if [ -n "${BENCH_SETENV:-}" ]; then cp "$BENCH_SETENV" "$DIST/bin/setenv"; fi
if [ -n "${BENCH_ADD_BOOT:-}" ]; then
  sed -i "s#$PROFILE/0.1.0.SNAPSHOT#$PROFILE/0.1.0.SNAPSHOT, ${BENCH_ADD_BOOT//,/, }#" "$DIST/etc/org.apache.karaf.features.cfg"
fi
export EXTRA_JAVA_OPTS="${BENCH_JAVA_OPTS:-}"
printf '%-6s %9s %12s %16s %8s %11s\n' start 'ready s' 'idle RSS MiB' 'after GC RSS MiB' threads 'open files'
for run in $RUNS; do
  t0=$(date +%s%N)
  "$DIST/bin/start"
  for i in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ] && break
    [ "$i" = 1200 ] && { echo "not ready in 120 s" >&2; exit 1; }
    sleep 0.1
  done
  ready=$(( ($(date +%s%N) - t0) / 1000000 ))
  pid=$(cat "$DIST/karaf.pid")
  sleep "$IDLE"
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  jcmd "$pid" GC.run >/dev/null 2>&1 || true
  sleep 2
  rss_gc=$(( $(ps -o rss= -p "$pid") / 1024 ))
  threads=$(ls /proc/"$pid"/task | wc -l)
  files=$(ls /proc/"$pid"/fd | wc -l)
  printf '%-6s %9.1f %12d %16d %8d %11d\n' "$run" "$(echo "$ready / 1000" | bc -l)" "$rss" "$rss_gc" "$threads" "$files"
  stop
done
echo "profile $PROFILE, idle ${IDLE} s, setenv ${BENCH_SETENV:-of the assembly}, extra JVM options ${BENCH_JAVA_OPTS:-(none)}, boot +${BENCH_ADD_BOOT:-(none)}, load: $(cut -d' ' -f1-3 /proc/loadavg)"
