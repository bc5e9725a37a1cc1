#!/usr/bin/env bash
# Runs deploy/scale/run.sh (primary + streaming replica + two API instances + nginx) and checks through the
# front: the acceptance flow, an idempotent retry across instances, both instances serving, a key's rate
# limit across instances, and reads with the replica stopped. Usage: bash deploy/scale/check.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export PORT="${PORT:-8088}"
BURST=60
PER_SECOND=2
LOG=$(mktemp)
RateLimiting__Burst=$BURST RateLimiting__PerSecond=$PER_SECOND bash deploy/scale/run.sh > "$LOG" 2>&1 &
RUN_PID=$!
trap 'kill $RUN_PID 2>/dev/null || true; wait $RUN_PID 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 300); do
  grep -q "Ctrl+C stops" "$LOG" && break
  kill -0 $RUN_PID 2>/dev/null || { cat "$LOG"; echo "deploy/scale/run.sh exited" >&2; exit 1; }
  sleep 1
done
grep -q "Ctrl+C stops" "$LOG" || { cat "$LOG"; exit 1; }
ADMIN_KEY=$(grep "Admin API key" "$LOG" | awk '{print $NF}')
PG_VERSION=$(pg_lsclusters -h | head -n 1 | awk '{print $1}')
echo "Scale check through http://localhost:$PORT (nginx, two API instances, streaming replica)"
python3 deploy/scale/check.py "http://localhost:$PORT" "$ADMIN_KEY" deploy/.run/scale/nginx-upstream.log $BURST $PER_SECOND "$PG_VERSION"
