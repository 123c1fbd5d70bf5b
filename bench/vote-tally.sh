#!/usr/bin/env bash
# VOTE-2..7 bench (issue 16): the tally of a 4,000-flat estate. Part 1: the pure function in spm-vote-api (electorate from the
# register, 3 matters, ~95 % turnout, hash), median/p95/max over many runs after a warm-up. Part 2: on PostgreSQL, the close
# of the vote (read the frozen electorate and ~11,400 ballots, tally, store the snapshot) and the recomputation check (verify),
# in a scratch schema dropped afterwards. Database: SPM_TEST_DB_URL / SPM_TEST_DB_USER / SPM_TEST_DB_PASSWORD (default
# jdbc:postgresql://127.0.0.1:5432/test, postgres). Needs a prior `mvn install` of bundles/vote/spm-vote-impl (test classes).
# Usage: bench/vote-tally.sh [owners=4000] [runs=500]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MOD="$ROOT/bundles/vote/spm-vote-impl"
(cd "$MOD" && mvn -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null)
CP="$MOD/target/test-classes:$MOD/target/classes:$(cat "$MOD/target/bench.cp")"
java -Xmx1g -cp "$CP" org.smartproperty.vote.internal.TallyBench "${1:-4000}" "${2:-500}" "${BENCH_SCHEMA:-bench_vote}" 2>"$MOD/target/bench-tally.log"
