#!/usr/bin/env bash
# Issue 19 item 5 bench: the platform past its knee. Starts a copy of the assembled distribution
# (distribution/target/assembly, built beforehand: this script builds nothing) on PostgreSQL (a dedicated database
# spm_bench_overload, created and dropped here), waits for readiness and the demo data, logs in as demo-regulator,
# then drives GET /api/v1/estates/1 (bearer) with wrk at rising connection counts (STEPS, default 32 64 128 256 512;
# the node admits maxConcurrent = 64 at once, 64 more wait up to 500 ms) and prints per step requests/s, p50/p99,
# the answers by status and wrk's socket errors (timeouts). Goal: only 200 and 503 (with Retry-After) past the knee,
# no other 5xx, no timeouts; afterwards 20 calls in a row answer 200 (recovery). Loopback has no per-client limit by
# default, so all load here meets the global limit only; PERCLIENT=true adds a step with a configuration without
# the loopback exemption (perClient.exempt empty), where one client over 20/s meets 429.
# Server: SPM_TEST_DB_URL / SPM_TEST_DB_USER / SPM_TEST_DB_PASSWORD (default jdbc:postgresql://127.0.0.1:5432/test,
# postgres; only host and port are used). BALANCER=true adds the same steps through HAProxy with the configuration the
# distribution ships (etc/haproxy/spm.cfg, this one node as node1, node2 absent): the balancer admits 64 requests at
# once to the node and queues the rest (up to 2 s), so the node never sees the excess. Installs wrk (and haproxy with
# BALANCER=true) with apt when missing. BENCH_KEEP=true keeps the database and
# the copy. Holds /tmp/spm-dist.lock (one Karaf at a time on this machine) and uses port 8181. Not run by the suite.
set -euo pipefail
if [ -z "${SPM_BENCH_LOCKED:-}" ]; then
  SPM_BENCH_LOCKED=1 exec flock /tmp/spm-dist.lock "$0" "$@"
fi
DURATION=${DURATION:-15}
STEPS=${STEPS:-32 64 128 256 512}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target/bench-overload}
APPDB=spm_bench_overload
. "$ROOT/bench/lib/platform.sh"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null || { apt-get update -qq && apt-get install -y wrk >/dev/null; }
rm -rf "$WORK"; mkdir -p "$WORK"

# wrk counts the answers by status in every thread; done() adds them up
cat >"$WORK/status.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {} end
function response(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("counts")) do total[k] = (total[k] or 0) + v end
  end
  local out = {}
  for k, v in pairs(total) do table.insert(out, k .. "=" .. v) end
  table.sort(out)
  io.write("statuses " .. table.concat(out, " ") .. "\n")
end
LUA

summarise() { # file -> "rps p50 p99 timeouts statuses"
  awk '/Requests\/sec/ {rps=$2}
       function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
       $1=="50%" {p50=ms($2)} $1=="99%" {p99=ms($2)}
       /Socket errors/ {for (i=1;i<=NF;i++) if ($i=="timeout") t=$(i+1)}
       /^statuses/ {sub(/^statuses /, ""); st=$0}
       END {printf "%s %.1f %.1f %s %s\n", rps, p50, p99, (t==""?0:t), st}' "$1"
}
run_steps() { # label
  local label=$1
  for c in $STEPS; do
    wrk -t2 -c"$c" -d"${DURATION}s" --timeout 10s --latency -s "$WORK/status.lua" -H "Authorization: Bearer $TOKEN" \
      "$BASE/estates/1" >"$WORK/wrk-$label-$c.txt" &
    WRK=$!
    # while it runs: one answer's headers, to show the refusal's Retry-After (empty when that call was served)
    sleep $((DURATION / 2))
    curl -s -D - -o "$WORK/probe-$label-$c.json" -H "Authorization: Bearer $TOKEN" "$BASE/estates/1" \
      | tr -d '\r' | awk 'NR==1 {s=$2} tolower($1)=="retry-after:" {r=$2} END {print s, r}' >"$WORK/probe-$label-$c.txt"
    wait $WRK
    uptime >"$WORK/load-$label-$c.txt"
    read -r RPS P50 P99 TO ST <<<"$(summarise "$WORK/wrk-$label-$c.txt")"
    printf '%-10s %6s %10.0f %9s %9s %9s  %-28s %-12s %s\n' "$label" "$c" "$RPS" "$P50" "$P99" "$TO" "$ST" "$(cat "$WORK/probe-$label-$c.txt")" \
      "$(sed 's/.*load average: //' "$WORK/load-$label-$c.txt")"
  done
  # recovery as a well-behaved client sees it: 20 calls in a row, a refused one repeated after its Retry-After (5 times at most)
  local ok=0 first=0 waited=0
  for _ in $(seq 1 20); do
    for try in 1 2 3 4 5 6; do
      read -r code retry <<<"$(curl -s -D - -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/estates/1" \
        | tr -d '\r' | awk 'NR==1 {s=$2} tolower($1)=="retry-after:" {r=$2} END {print s, (r==""?0:r)}')"
      if [ "$code" = 200 ]; then ok=$((ok + 1)); [ "$try" = 1 ] && first=$((first + 1)); break; fi
      [ "$code" = 429 ] || [ "$code" = 503 ] || { echo "$label recovery: answer $code" >&2; break; }
      sleep "$retry"; waited=$((waited + retry))
    done
  done
  echo "$label recovery: $ok of 20 sequential calls answered 200 ($first at the first try, ${waited}s waited as Retry-After said)"
}

bench_platform_start
TOKEN=$(bench_login demo-regulator)
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/estates/1")" = 200 ] \
  || { echo "GET /estates/1 with the demo-regulator token did not answer 200" >&2; exit 1; }
printf '%-10s %6s %10s %9s %9s %9s  %-28s %-12s %s\n' limits conns 'req/s' 'p50 ms' 'p99 ms' timeouts 'answers by status' 'probe' 'load average after'
run_steps default
if [ "${PERCLIENT:-false}" = true ]; then
  # Karaf applies etc/*.cfg at run time: wait until the per-client limit meets loopback (a 429), then let the bucket refill
  printf 'perClient.exempt = \n' >"$DIST/etc/org.smartproperty.overload.cfg"
  end=$((SECONDS + 60))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/estates/1")" = 429 ]; do
    [ "$SECONDS" -lt "$end" ] || { echo "the per-client configuration did not apply within 60 s" >&2; exit 1; }
  done
  sleep 11 # 200 tokens at 20/s: a full bucket for the step
  STEPS=${PERCLIENT_STEPS:-16} run_steps perclient
fi
if [ "${BALANCER:-false}" = true ]; then
  command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || apt-get install -y haproxy >/dev/null \
    || { apt-get update -qq && apt-get install -y haproxy >/dev/null; }
  LB_PORT=${LB_PORT:-18080}
  SPM_LB_BIND=127.0.0.1:$LB_PORT SPM_NODE1=127.0.0.1:8181 SPM_NODE2=127.0.0.1:9 \
    PATH="$PATH:/usr/sbin" haproxy -db -f "$DIST/etc/haproxy/spm.cfg" >"$WORK/haproxy.log" 2>&1 &
  LB_PID=$!
  for _ in $(seq 1 50); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$LB_PORT/api/v1/estates/1")" = 200 ] && break
    sleep 0.2
  done
  BASE=http://127.0.0.1:$LB_PORT/api/v1 run_steps balancer
  kill "$LB_PID"; wait "$LB_PID" 2>/dev/null || true
fi
echo "GET /api/v1/estates/1 (bearer), wrk -t2, ${DURATION}s a step, --timeout 10s; raw output in $WORK" >&2
