#!/usr/bin/env bash
# Fault-and-load harness: N concurrent clients (default 200) for T seconds (default 60) on a mixed workload
# (70% supplier list, 10% match page, 20% creates with Idempotency-Key, retried with the same key on 5xx).
# With --restart-db, the PostgreSQL server is stopped a third of the way in for 15 s and started again.
# Prints requests, status histogram, p50/p99, acknowledged writes and how many are readable afterwards.
# Usage: bash deploy/bench/soak.sh [CLIENTS] [SECONDS] [--restart-db]
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS="${1:-200}"
SECONDS_TOTAL="${2:-60}"
DOWN=0
for arg in "$@"; do [ "$arg" = "--restart-db" ] && DOWN=15; done
BENCH_DB=matchmaking_soak source deploy/bench/start-api.sh
dotnet build tests/Matchmaking.Benchmarks -c Release --nologo -v quiet -clp:ErrorsOnly
if [ "$DOWN" -gt 0 ]; then
  have_local_server || { echo "--restart-db needs the machine's own PostgreSQL cluster" >&2; exit 1; }
  CLUSTER=$(pg_lsclusters -h | head -n 1 | awk '{print $1" "$2}')
  export SOAK_DB_STOP="pg_ctlcluster $CLUSTER stop -m fast"
  export SOAK_DB_START="pg_ctlcluster $CLUSTER start"
fi
dotnet tests/Matchmaking.Benchmarks/bin/Release/net10.0/Matchmaking.Benchmarks.dll soak "$BENCH_URL" "$BENCH_KEY" "$CLIENTS" "$SECONDS_TOTAL" "$DOWN"
echo "API log lines during the run: $(wc -l < /tmp/matchmaking-bench-api.log) ($(grep -c 'Database unavailable' /tmp/matchmaking-bench-api.log || true) outage warnings, $(grep -c '   at ' /tmp/matchmaking-bench-api.log || true) stack-trace lines)"
echo "API RSS at the end: $(ps -o rss= -p $API_PID | awk '{printf "%.0f MB", $1/1024}')"
