#!/usr/bin/env bash
# Import throughput against its floor, in one run, on an emptied registry each time:
#   1. the floor: raw binary COPY of the same N synthetic rows into the same three tables, same indexes;
#   1b. the same COPY without the trigram search index (what an initial load defers), the initial load's own floor;
#   2. POST /api/v1/suppliers/import (NDJSON, streamed): parse, validate, write, audit, match profiles;
#   3. the same with ?initialLoad=true (the trigram search index rebuilt once at the end).
# The registry holds the N suppliers afterwards (deploy/bench/match.sh and http.sh use them).
# Usage: bash deploy/bench/import.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-1000000}"
BENCH_LOG_LEVEL=Debug source deploy/bench/start-api.sh
dotnet build tests/Matchmaking.Benchmarks -c Release --nologo -v quiet -clp:ErrorsOnly
GEN="dotnet tests/Matchmaking.Benchmarks/bin/Release/net10.0/Matchmaking.Benchmarks.dll"
PSQL() { PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_ROLE" -d "$BENCH_DB" -qAt "$@"; }
empty() {
  PSQL -c "TRUNCATE suppliers, audit_entries CASCADE" >/dev/null
  PSQL -c "CREATE INDEX IF NOT EXISTS ix_suppliers_search_trgm ON suppliers USING gin ((name || ' ' || COALESCE(description, '')) gin_trgm_ops)" >/dev/null
}

# The rows are generated to a file first: during the runs the load tool only streams it, as the floor only copies.
ROWS_FILE="/tmp/bench-suppliers-$N-$(date +%F).ndjson"
[ -s "$ROWS_FILE" ] || $GEN generate-suppliers "$N" > "$ROWS_FILE"
empty
echo "1. Floor: raw binary COPY of $N rows..."
FLOOR=$($GEN copy-floor "$BENCH_CONNECTION" "$N" | tee /dev/stderr | sed -E 's/.* ([0-9]+) rows\/s$/\1/')
empty
PSQL -c "DROP INDEX ix_suppliers_search_trgm" >/dev/null
echo "1b. The initial load's own floor: the same raw COPY without the trigram search index (it defers that index)..."
NO_SEARCH_FLOOR=$($GEN copy-floor "$BENCH_CONNECTION" "$N" | tee /dev/stderr | sed -E 's/.* ([0-9]+) rows\/s$/\1/')

# CPU seconds spent by the whole machine and by the API process: with 2 cores, their sum over 2 is the
# shortest wall time the same work could take here.
machine_cpu() { awk '/^cpu /{print ($2+$3+$4+$7+$8+$9)/100}' /proc/stat; }
api_cpu() { awk '{print ($14+$15)/100}' "/proc/$API_PID/stat"; }

import() {  # import LABEL QUERY
  empty
  echo "$1"
  local start end cpu0 api0
  cpu0=$(machine_cpu); api0=$(api_cpu)
  start=$(date +%s.%N)
  curl -sf -X POST -T "$ROWS_FILE" -H "X-Api-Key: $BENCH_KEY" -H "Content-Type: application/x-ndjson" \
    "$BENCH_URL/api/v1/suppliers/import$2" -o /tmp/import-result.json
  end=$(date +%s.%N)
  echo "   CPU: $(python3 -c "m=$(machine_cpu)-$cpu0; a=$(api_cpu)-$api0; print(f'{m:.0f} s on the machine, of which the API {a:.0f} s and the rest (PostgreSQL, curl) {m-a:.0f} s; on $(nproc) cores no shorter than {m/$(nproc):.0f} s')")"
  python3 - "$start" "$end" "$FLOOR" <<'PY'
import json, sys
r = json.load(open('/tmp/import-result.json'))
secs = float(sys.argv[2]) - float(sys.argv[1])
rows = r['accepted'] + r['updated']
floor = float(sys.argv[3])
print(f"   accepted={r['accepted']} updated={r['updated']} rejected={r['rejected']} batches={r['batches']}")
print(f"   wall time {secs:.1f} s (server {r['elapsedMs']/1000:.1f} s): {rows/secs:,.0f} rows/s = {100*rows/secs/floor:.0f}% of the raw COPY floor ({floor:,.0f} rows/s)")
PY
  echo "   API RSS: $(ps -o rss= -p $API_PID | awk '{printf "%.0f MB", $1/1024}')"
}
import "2. POST /api/v1/suppliers/import, $N rows..." ""
import "3. POST /api/v1/suppliers/import?initialLoad=true, $N rows (search index rebuilt at the end, included)..." "?initialLoad=true"
echo "   (without the search index the raw COPY itself ran at $NO_SEARCH_FLOOR rows/s)"
grep -o "Search index rebuilt after the initial load in [0-9]* ms" /tmp/matchmaking-bench-api.log | tail -1 | sed 's/^/   /' || true
# What autovacuum would do soon after a bulk load: statistics and the visibility map (index-only scans).
PSQL -c "VACUUM ANALYZE" 2>&1 | grep -v "only superuser" || true
