#!/usr/bin/env bash
# Import throughput: streams N synthetic suppliers (default 1,000,000) through POST /api/v1/suppliers/import.
# Usage: bash deploy/bench/import.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-1000000}"
BENCH_LOG_LEVEL=Debug source deploy/bench/start-api.sh
dotnet build tests/Matchmaking.Benchmarks -c Release --nologo -v quiet -clp:ErrorsOnly
GEN="dotnet tests/Matchmaking.Benchmarks/bin/Release/net10.0/Matchmaking.Benchmarks.dll"
echo "Importing $N suppliers..."
start=$(date +%s.%N)
$GEN generate-suppliers "$N" | curl -sf -X POST -T - -H "X-Api-Key: $BENCH_KEY" -H "Content-Type: application/x-ndjson" \
  "$BENCH_URL/api/v1/suppliers/import" -o /tmp/import-result.json
end=$(date +%s.%N)
python3 - "$start" "$end" <<'PY'
import json, sys
r = json.load(open('/tmp/import-result.json'))
secs = float(sys.argv[2]) - float(sys.argv[1])
rows = r['accepted'] + r['updated']
print(f"accepted={r['accepted']} updated={r['updated']} rejected={r['rejected']} batches={r['batches']}")
print(f"wall time {secs:.1f} s (server {r['elapsedMs']/1000:.1f} s): {rows/secs:,.0f} rows/s")
PY
echo "API RSS after import: $(ps -o rss= -p $API_PID | awk '{printf "%.0f MB", $1/1024}')"
# What autovacuum would do soon after a bulk load: statistics and the visibility map (index-only scans).
PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_ROLE" -d "$BENCH_DB" -qc "VACUUM ANALYZE" 2>&1 | grep -v "only superuser" || true
