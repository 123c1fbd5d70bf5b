#!/usr/bin/env bash
# Issue 19 item 3: the long soak. Starts a copy of the assembled distribution (distribution/target/assembly, built
# beforehand: this script builds only bench/soak) on PostgreSQL (database spm_bench_soak, created and dropped here; see
# bench/lib/platform.sh), waits for the demo data, then runs the Gatling simulation of bench/soak (the mixed workload of
# MixedWorkloadSimulation: public and staff reads, logins, complaints and repairs through their transitions, uploads) at
# RATE requests/s for DURATION seconds, while bench/lib/soak-sampler.sh samples the platform every INTERVAL seconds (heap
# after a full GC, threads, open file descriptors, RSS, the database's connections) into samples.csv.
# Fails (exit 1) when Gatling's assertions fail (any KO: every answer must be 200/201, so any 4xx or 5xx; p95 above
# P95_MILLIS) or the sampler's verdict says a resource grew (thresholds in bench/lib/soak-sampler.sh: heap after GC of the
# last third > 10 % and > 16 MiB over the first third, threads +10, fds +20, connections above the pool's 10).
#   DURATION (3600 s), RATE (10 req/s), INTERVAL (30 s), P95_MILLIS (1000), BENCH_DIR (target/bench-soak: samples.csv,
#   summary.json, verdict.txt, gatling.log and Gatling's HTML report), BENCH_KEEP=true keeps the database and the copy.
# Server: SPM_TEST_DB_URL / SPM_TEST_DB_USER / SPM_TEST_DB_PASSWORD (default jdbc:postgresql://127.0.0.1:5432/test,
# postgres). Holds /tmp/spm-dist.lock (one Karaf at a time on this machine) and uses port 8181.
set -euo pipefail
if [ -z "${SPM_BENCH_LOCKED:-}" ]; then
  SPM_BENCH_LOCKED=1 exec flock /tmp/spm-dist.lock "$0" "$@"
fi
DURATION=${DURATION:-3600}
RATE=${RATE:-10}
INTERVAL=${INTERVAL:-30}
P95_MILLIS=${P95_MILLIS:-1000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target/bench-soak}
APPDB=spm_bench_soak
SAMPLER="$ROOT/bench/lib/soak-sampler.sh"
. "$ROOT/bench/lib/platform.sh"

# the simulation and its classpath (Gatling from Maven Central; offline once ~/.m2 has it)
mvn -B -q -o -f "$ROOT/bench/soak/pom.xml" package -DskipTests 2>/dev/null || mvn -B -q -f "$ROOT/bench/soak/pom.xml" package -DskipTests
CP="$ROOT/bench/soak/target/classes:$(cat "$ROOT/bench/soak/target/soak-classpath.txt")"

rm -rf "$WORK"; mkdir -p "$WORK/gatling"
bench_platform_start
echo "platform up (pid $KARAF_PID); soak: $RATE req/s for $DURATION s, samples every $INTERVAL s in $WORK/samples.csv" >&2
"$SAMPLER" sample "$KARAF_PID" "$APPDB" "$WORK/samples.csv" "$INTERVAL" &
SAMPLER_PID=$!
set +e
# Gatling's own JVM options (those its Maven plugin passes): its log writer needs java.lang opened
java -Xmx1g -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 --add-opens=java.base/java.lang=ALL-UNNAMED \
     --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED -cp "$CP" -Dsoak.baseUrl="$BASE" -Dsoak.rate="$RATE" -Dsoak.duration="$DURATION" -Dsoak.p95Millis="$P95_MILLIS" \
     -Dsoak.summary="$WORK/summary.json" io.gatling.app.Gatling -s org.smartproperty.bench.soak.MixedWorkloadSimulation \
     -rf "$WORK/gatling" >"$WORK/gatling.log" 2>&1
GATLING_RC=$?
# the samples cover the load only (an idle tail would flatten the last third)
kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null
"$SAMPLER" verdict "$WORK/samples.csv" "${SOAK_MAX_CONNECTIONS:-10}" >"$WORK/verdict.txt"
VERDICT_RC=$?
set -e
sed -n '/Global Information/,/^=====/p' "$WORK/gatling.log" | head -40 >&2 || true
grep -E '^  "(sent|answered|noAnswer|status4xx|status5xx|p50Millis|p95Millis|p99Millis|maxMillis)"' "$WORK/summary.json" >&2 || true
cat "$WORK/verdict.txt" >&2
echo "gatling exit $GATLING_RC (0: assertions held), resources verdict exit $VERDICT_RC (0: flat); files in $WORK" >&2
[ "$GATLING_RC" = 0 ] && [ "$VERDICT_RC" = 0 ]
