#!/usr/bin/env bash
# Issue 19 item 3: the soak's resource sampler and its verdict, shared by bench/soak.sh (the long run) and the suite's short
# run (itests' org.smartproperty.itests.support.SoakRunner starts it as a child process, one per node).
#
#   soak-sampler.sh sample PID APPDB CSV [INTERVAL_S=30]
#       every INTERVAL seconds until PID exits or the sampler is sent SIGTERM, appends one line to CSV:
#       epoch,elapsed_s,heap_after_gc_kib,heap_committed_kib,threads,fds,rss_kib,db_connections,db_active,load1
#       (load1: the machine's 1-minute load average, context for the latencies)
#       heap after GC: `jcmd PID GC.run` (a full collection) then `jcmd PID GC.heap_info`: the used heap less its young
#       regions (G1; what the collection kept, without what was allocated since), and the committed heap;
#       threads and RSS: /proc/PID/status; open file descriptors: /proc/PID/fd; connections: pg_stat_activity of APPDB
#       (all nodes on that database together; psql with the PG* environment). A column that cannot be read is empty.
#   soak-sampler.sh verdict CSV [MAX_CONNECTIONS=10]
#       prints key=value lines and exits 1 when the resources grew, 0 when flat. Samples are split in thirds (the first
#       SOAK_WARMUP_SAMPLES, default 1, are left out as the warm-up: caches, JIT and pools filling):
#         heap      mean heap after GC of the last third over the first third > SOAK_HEAP_GROWTH_PCT (10) % and by more than
#                   SOAK_HEAP_GROWTH_MIN_KIB (16384 = 16 MiB, below which a 10 % swing of a small heap is noise)
#         threads   max of the last third - max of the first third > SOAK_THREADS_GROWTH (10)
#         fds       max of the last third - max of the first third > SOAK_FDS_GROWTH (20)
#         db        max connections of the database at any sample > MAX_CONNECTIONS (the pools' maxima: 10 a node)
#       and reports, without a threshold, the least-squares slope of heap after GC (MiB/h) and RSS first/last.
#       Fewer than 3 samples after the warm-up: `verdict=insufficient`, exit 2.
set -euo pipefail
mode=${1:-}
case "$mode" in
sample)
  pid=$2 db=$3 csv=$4 interval=${5:-30}
  [ -s "$csv" ] || echo "epoch,elapsed_s,heap_after_gc_kib,heap_committed_kib,threads,fds,rss_kib,db_connections,db_active,load1" >"$csv"
  start=$(date +%s)
  running=true
  trap 'running=false' TERM INT
  while $running && kill -0 "$pid" 2>/dev/null; do
    now=$(date +%s)
    jcmd "$pid" GC.run >/dev/null 2>&1 || true
    # G1: " garbage-first heap   total 524288K, used 123456K [0x…" then "  region size 4096K, 8 young (32768K), 1 survivors
    # (4096K)". Between the collection and this read (two attaches, ~0.5 s under load) new objects fill young regions, tens
    # of MiB at 10 requests/s: the heap after GC is the used heap less the young regions (old and humongous: what the full
    # collection kept). Other collectors print no young line: their used heap is taken as it is.
    read -r used committed < <(jcmd "$pid" GC.heap_info 2>/dev/null \
      | awk '/total [0-9]+K, used [0-9]+K/ && !t {for (i = 1; i <= NF; i++) {if ($i == "total") t = $(i+1); if ($i == "used") u = $(i+1)}
              gsub(/[^0-9]/, "", t); gsub(/[^0-9]/, "", u)}
             / young \([0-9]+K\)/ && !y {for (i = 1; i <= NF; i++) if ($i == "young") {y = $(i+1); gsub(/[^0-9]/, "", y)}}
             END {if (t != "") print u - y, t}') || true
    threads=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    fds=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l || true)
    read -r conns active < <(psql -At -F ' ' -d postgres -c \
      "SELECT count(*), count(*) FILTER (WHERE state = 'active') FROM pg_stat_activity WHERE datname = '$db' AND pid <> pg_backend_pid()" 2>/dev/null) || true
    echo "$now,$((now - start)),${used:-},${committed:-},${threads:-},${fds:-},${rss:-},${conns:-},${active:-},$(cut -d' ' -f1 /proc/loadavg)" >>"$csv"
    used='' committed='' conns='' active=''
    for _ in $(seq 1 "$interval"); do $running && kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  done
  ;;
verdict)
  csv=$2 maxconn=${3:-10}
  awk -F, -v warm="${SOAK_WARMUP_SAMPLES:-1}" -v heappct="${SOAK_HEAP_GROWTH_PCT:-10}" -v heapmin="${SOAK_HEAP_GROWTH_MIN_KIB:-16384}" \
      -v thr="${SOAK_THREADS_GROWTH:-10}" -v fdg="${SOAK_FDS_GROWTH:-20}" -v maxconn="$maxconn" '
    NR == 1 { next }
    { row++; if (row <= warm || $3 == "") next; n++; t[n] = $2; h[n] = $3; th[n] = $5; fd[n] = $6; rss[n] = $7; c[n] = $8; ld[n] = $10 }
    function mx(a, lo, hi,   i, m) { m = a[lo]; for (i = lo; i <= hi; i++) if (a[i] + 0 > m + 0) m = a[i]; return m }
    function mean(a, lo, hi,   i, s) { s = 0; for (i = lo; i <= hi; i++) s += a[i]; return s / (hi - lo + 1) }
    END {
      if (n < 3) { print "samples=" n; print "verdict=insufficient"; exit 2 }
      k = int(n / 3); if (k < 1) k = 1
      fh = mean(h, 1, k); lh = mean(h, n - k + 1, n)
      growth = (fh > 0) ? (lh - fh) * 100 / fh : 0
      ft = mx(th, 1, k); lt = mx(th, n - k + 1, n)
      ff = mx(fd, 1, k); lf = mx(fd, n - k + 1, n)
      cmax = mx(c, 1, n)
      # least-squares slope of heap after GC against elapsed time, MiB per hour
      sx = sy = sxx = sxy = 0
      for (i = 1; i <= n; i++) { sx += t[i]; sy += h[i]; sxx += t[i] * t[i]; sxy += t[i] * h[i] }
      d = n * sxx - sx * sx; slope = (d != 0) ? (n * sxy - sx * sy) / d * 3600 / 1024 : 0
      printf "samples=%d\nspan_s=%d\n", n, t[n] - t[1]
      printf "heap_after_gc_first_third_mib=%.1f\nheap_after_gc_last_third_mib=%.1f\nheap_growth_pct=%.1f\nheap_slope_mib_per_h=%.1f\n", fh / 1024, lh / 1024, growth, slope
      printf "threads_first_third_max=%d\nthreads_last_third_max=%d\n", ft, lt
      printf "fds_first_third_max=%d\nfds_last_third_max=%d\n", ff, lf
      printf "db_connections_max=%d\ndb_connections_limit=%d\n", cmax, maxconn
      printf "rss_first_mib=%.0f\nrss_last_mib=%.0f\n", rss[1] / 1024, rss[n] / 1024
      if (ld[1] != "") printf "load1_mean=%.1f\n", mean(ld, 1, n)
      bad = ""
      if (growth > heappct && lh - fh > heapmin) bad = bad " heap"
      if (lt - ft > thr) bad = bad " threads"
      if (lf - ff > fdg) bad = bad " fds"
      if (cmax > maxconn) bad = bad " db_connections"
      if (bad == "") { print "verdict=flat"; exit 0 }
      sub(/^ /, "", bad); print "grew=" bad; print "verdict=grew"; exit 1
    }' "$csv"
  ;;
*)
  echo "usage: $0 sample PID APPDB CSV [INTERVAL_S] | verdict CSV [MAX_CONNECTIONS]" >&2
  exit 64
  ;;
esac
