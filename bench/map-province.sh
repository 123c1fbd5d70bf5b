#!/usr/bin/env bash
# The one map at province scale (issue 17 part 2, MAP-1, PMAP-1): starts a copy of the assembled distribution
# (distribution/target/assembly, built beforehand) on PostgreSQL (database spm_bench_map, created and dropped here),
# waits for the demo data, adds 30,000 estates over Guangdong's cities, 5,000,000 complaints and 1,000,000 repairs in the
# platform's own tables (bench/map-province.sql; SCALE=0.1 makes a tenth), logs in as demo-regulator and times RUNS
# (default 20) sequential requests of each layer over HTTP with curl: the estates layer from the whole province (clustered)
# to a district (points), the public layer, and the thematic layers complaint-density and open-repairs over a city
# district. Prints median and p95 in ms, the answer's size, features and estates. Goal: every answer < 1 s.
# Server: SPM_TEST_DB_URL / SPM_TEST_DB_USER / SPM_TEST_DB_PASSWORD (default jdbc:postgresql://127.0.0.1:5432/test,
# postgres; only host and port are used). BENCH_KEEP=true keeps the database and the copy; BENCH_REUSE=true starts on
# the kept database without generating again. Holds /tmp/spm-dist.lock
# (one Karaf at a time on this machine) and uses port 8181.
set -euo pipefail
if [ -z "${SPM_BENCH_LOCKED:-}" ]; then
  SPM_BENCH_LOCKED=1 exec flock /tmp/spm-dist.lock "$0" "$@"
fi
SCALE=${SCALE:-1.0}
RUNS=${RUNS:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target/bench-map}
APPDB=spm_bench_map
. "$ROOT/bench/lib/platform.sh"
if [ "${BENCH_REUSE:-false}" = true ]; then bench_platform_start keep-db; else bench_platform_start; fi
if [ "${BENCH_REUSE:-false}" != true ]; then
  echo "generating (scale $SCALE) ..." >&2
  start=$(date +%s)
  psql -q -d $APPDB -v ON_ERROR_STOP=1 -v scale="$SCALE" -f "$ROOT/bench/map-province.sql"
  echo "generated in $(( $(date +%s) - start )) s" >&2
fi
echo "data: $(psql -At -d $APPDB -c "SELECT 'estates ' || (SELECT COUNT(*) FROM est_estate) || ', households ' || (SELECT SUM(house_count) FROM est_estate) || ', complaints ' || (SELECT COUNT(*) FROM cpl_complaint) || ', repairs ' || (SELECT COUNT(*) FROM svc_repair) || ', database ' || pg_size_pretty(pg_database_size('$APPDB'))")" >&2
TOKEN=$(bench_login demo-regulator)

measure() { # label path [public]
  local label=$1 path=$2 auth=(-H "Authorization: Bearer $TOKEN")
  [ "${3:-}" = public ] && auth=()
  local code
  code=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' "${auth[@]}" "$BASE$path")
  for _ in 1 2; do curl -s -o /dev/null "${auth[@]}" "$BASE$path"; done # warm-up
  : >"$WORK/times"
  for _ in $(seq 1 "$RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' "${auth[@]}" "$BASE$path" >>"$WORK/times"; done
  python3 - "$label" "$code" "$WORK/answer.json" "$WORK/times" <<'PY'
import json, os, sys
label, code, answer, times = sys.argv[1:5]
t = sorted(float(x) * 1000 for x in open(times) if x.strip())
med = t[len(t) // 2]; p95 = t[min(len(t) - 1, int(round(0.95 * (len(t) - 1))))]
size = os.path.getsize(answer)
try:
    a = json.load(open(answer)); info = f"{len(a.get('features', []))} features, {a.get('estates')} estates, clustered {a.get('clustered')}"
except Exception:
    info = ''
if code != '200':
    info = f"HTTP {code} {open(answer).read()[:120]}"
print(f"{label:<44} median {med:7.1f} ms   p95 {p95:7.1f} ms   {size / 1024:8.1f} KiB   {info}")
PY
}
PROVINCE="bbox=109.6,20.1,117.4,25.6"
measure "estates, province (zoom 7)" "/map/estates?$PROVINCE&zoom=7"
measure "estates, province, public (zoom 7)" "/public/map/estates?$PROVINCE&zoom=7" public
measure "estates, Pearl River Delta (zoom 9)" "/map/estates?bbox=112.4,21.9,114.7,23.6&zoom=9"
measure "estates, Guangzhou (zoom 11)" "/map/estates?bbox=112.95,22.95,113.6,23.35&zoom=11"
measure "estates, a district (zoom 13)" "/map/estates?bbox=113.2,23.05,113.36,23.17&zoom=13"
measure "estates, streets (zoom 15)" "/map/estates?bbox=113.24,23.1,113.28,23.13&zoom=15"
measure "complaint-density, a district (zoom 13)" "/map/themes/complaint-density?bbox=113.2,23.05,113.36,23.17&zoom=13"
measure "open-repairs, a district (zoom 13)" "/map/themes/open-repairs?bbox=113.2,23.05,113.36,23.17&zoom=13"
measure "complaint-density, Guangzhou (zoom 11)" "/map/themes/complaint-density?bbox=112.95,22.95,113.6,23.35&zoom=11"
measure "complaint-density, province (zoom 7)" "/map/themes/complaint-density?$PROVINCE&zoom=7"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
