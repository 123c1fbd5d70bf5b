#!/usr/bin/env bash
# Runs the contract script (run.mjs) against a fresh copy of the built distribution, started on its own: unpacks
# distribution/target/spm-distribution-*.tar.gz into a temporary folder, moves HTTP to $SPM_MP_PORT (default 18181) and
# the Karaf ssh/RMI ports aside, starts it (spm-dev: embedded H2, demo data, the WeChat simulator on 127.0.0.1:8188),
# waits for the demo data (health check demo-data UP), runs the contract and stops it again. Exit code: the contract's.
# Other Karaf runs on this machine use the simulators' ports as well: hold the lock, as for the itests:
#   flock /tmp/spm-dist.lock miniprogram/test/contract/standalone.sh
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
port="${SPM_MP_PORT:-18181}"
tarball="$(ls "$root"/distribution/target/spm-distribution-*.tar.gz 2>/dev/null | head -1)"
[ -n "$tarball" ] || { echo "build the distribution first: mvn -B -o -q install -DskipTests -pl distribution -am"; exit 2; }
work="$(mktemp -d /tmp/spm-mp-contract-XXXXXX)"
tar xzf "$tarball" -C "$work"
home="$(ls -d "$work"/*/ | head -1)"
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
sed -i 's/^sshPort *=.*/sshPort = 18101/' "$home/etc/org.apache.karaf.shell.cfg"
sed -i 's/^rmiRegistryPort *=.*/rmiRegistryPort = 18099/; s/^rmiServerPort *=.*/rmiServerPort = 18444/' "$home/etc/org.apache.karaf.management.cfg"
cleanup() { "$home/bin/stop" >/dev/null 2>&1; for _ in $(seq 1 30); do pgrep -f "$home" >/dev/null || break; sleep 1; done; rm -rf "$work"; }
trap cleanup EXIT
"$home/bin/start"
ready=""
for _ in $(seq 1 150); do
  ready="$(curl -s "http://127.0.0.1:$port/api/v1/health/ready" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).checks["demo-data"].status)}catch{console.log("-")}})')"
  [ "$ready" = "UP" ] && break
  sleep 4
done
[ "$ready" = "UP" ] || { echo "the platform did not get ready (demo-data: $ready)"; exit 2; }
node "$here/run.mjs" "http://127.0.0.1:$port" "http://127.0.0.1:8188" "$@"
