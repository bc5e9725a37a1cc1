#!/usr/bin/env bash
# Match-run latency on the population already loaded by import.sh: 20 needs of varied breadth, three runs each,
# p50/p95 of POST /needs/{id}/match-runs, against the exact ranking statements it sends, run in psql (the floor).
# Usage: bash deploy/bench/match.sh [NEEDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT="${1:-20}"
BENCH_LOG_LEVEL=Debug source deploy/bench/start-api.sh
# A match run reads the profiles, then the kept suppliers with their capabilities and certificates: about 900 MB at
# 1M suppliers, which the deployment's shared_buffers holds (2GB). They are loaded first, so the API's runs and the
# psql floor both read from memory, not the first runs from disk (this machine reclaims its idle page cache).
as_postgres psql -q -p "$PG_PORT" -d "$BENCH_DB" -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" \
  -c "SELECT sum(pg_prewarm(r)) AS pages_loaded FROM unnest(ARRAY['supplier_match_profiles', 'suppliers', 'pk_suppliers',
      'supplier_capabilities', 'ix_supplier_capabilities_supplier_id', 'supplier_certifications', 'ix_supplier_certifications_supplier_id']::regclass[]) r"
dotnet build tests/Matchmaking.Benchmarks -c Release --nologo -v quiet -clp:ErrorsOnly
TOOL="dotnet tests/Matchmaking.Benchmarks/bin/Release/net10.0/Matchmaking.Benchmarks.dll"
H=(-H "X-Api-Key: $BENCH_KEY" -H "Content-Type: application/json")
SUPPLIERS=$(curl -sf "${H[@]}" "$BENCH_URL/api/v1/suppliers?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalCount"])')
BUYER=$(curl -sf "${H[@]}" -d '{"name":"PT PLN (Persero) bench","type":"bumn","sector":"electricity","provinceCode":"31"}' "$BENCH_URL/api/v1/buyers" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
NEEDS=$($TOOL generate-needs "$COUNT" "$BUYER")
# One run first, not counted: the API's first request pays .NET's JIT and the pool's first connections.
warm=$(printf '%s\n' "$NEEDS" | head -n 1 | curl -sf "${H[@]}" -d @- "$BENCH_URL/api/v1/needs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "warm-up run (not counted): $(curl -sf "${H[@]}" -X POST -o /dev/null -w '%{time_total}' "$BENCH_URL/api/v1/needs/$warm/match-runs") s"
: > /tmp/match-bench.tsv
# Each need is run three times through the API and its statements three times in psql; the medians are compared, so one
# slow moment of this shared machine does not decide a need's figure.
median3() { python3 -c 'import sys, statistics; print(statistics.median(float(v) for v in sys.argv[1:]))' "$@"; }
psql_ms() { PGOPTIONS="-c jit=off" PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_ROLE" -d "$BENCH_DB" -qAt \
  -c '\timing on' -c "$1" -c "$1" -c "$1" 2>&1 | grep -oE 'Time: [0-9.]+' | awk '{print $2}'; }
while read -r need; do
  id=$(curl -sf "${H[@]}" -d "$need" "$BENCH_URL/api/v1/needs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  runs=()
  for _ in 1 2 3; do
    run=$(curl -sf "${H[@]}" -X POST -w '\t%{time_total}' "$BENCH_URL/api/v1/needs/$id/match-runs")
    runs+=("$(printf '%s' "$run" | cut -f2)")
  done
  api_ms=$(python3 -c "print(round($(median3 "${runs[@]}")*1000,1))")
  candidates=$(printf '%s' "$run" | cut -f1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["candidatesConsidered"])')
  rss_mb=$(ps -o rss= -p $API_PID | awk '{printf "%.0f", $1/1024}')
  # The floor: the statements the ranker sends for this need, as it sends them (one psql string, one time).
  floor_ms=$(median3 $(psql_ms "$($TOOL candidate-sql "$BENCH_CONNECTION" "$id")"))
  # The reference: the one statement over the whole near-miss reach that ranked every need before the covered_bits index.
  whole_ms=$(median3 $(psql_ms "$($TOOL candidate-sql "$BENCH_CONNECTION" "$id" --whole-reach)"))
  # The touch floor: a count of the rows the first statement reads, through the same index or scan, nothing scored.
  touch_ms=$(median3 $(psql_ms "$($TOOL candidate-sql "$BENCH_CONNECTION" "$id" --touch-floor)"))
  slowest_ms=$(python3 -c "print(round(max($(IFS=,; echo "${runs[*]}"))*1000,1))")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$candidates" "$api_ms" "$floor_ms" "$rss_mb" "$whole_ms" "$slowest_ms" "$touch_ms" >> /tmp/match-bench.tsv
done < <(printf '%s\n' "$NEEDS")
python3 - "$SUPPLIERS" <<'PY'
import sys, statistics
rows = [l.split('\t') for l in open('/tmp/match-bench.tsv').read().strip().split('\n')]
api = sorted(float(r[2]) for r in rows); floor = sorted(float(r[3]) for r in rows); cand = [int(r[1]) for r in rows]
def pct(v, p): return v[min(len(v)-1, int(round(p*(len(v)-1))))]
print(f"suppliers={int(sys.argv[1]):,} needs={len(rows)} candidates per need: min {min(cand):,} median {int(statistics.median(cand)):,} max {max(cand):,}")
print(f"match run (HTTP, persisted): p50 {pct(api,.5):.0f} ms  p95 {pct(api,.95):.0f} ms  max {api[-1]:.0f} ms  (slowest single run: {max(float(r[6]) for r in rows):.0f} ms)")
print(f"its ranking SQL (psql):      p50 {pct(floor,.5):.0f} ms  p95 {pct(floor,.95):.0f} ms  max {floor[-1]:.0f} ms")
whole = sorted(float(r[5]) for r in rows)
print(f"whole-reach statement (psql): p50 {pct(whole,.5):.0f} ms  p95 {pct(whole,.95):.0f} ms  max {whole[-1]:.0f} ms  (what every need sent before the index)")
touch = sorted(float(r[7]) for r in rows)
print(f"touch floor (psql):          p50 {pct(touch,.5):.0f} ms  p95 {pct(touch,.95):.0f} ms  max {touch[-1]:.0f} ms  (counting the rows the first statement reads, nothing scored)")
spent = sorted(float(r[3]) / float(r[7]) for r in rows)
print(f"its SQL / touch floor:       p50 {pct(spent,.5):.2f}x  p95 {pct(spent,.95):.2f}x  (what scoring and classifying add to reading)")
ratio = sorted(float(r[2]) / float(r[3]) for r in rows)
print(f"API / SQL per need:          p50 {pct(ratio,.5):.2f}x  p95 {pct(ratio,.95):.2f}x")
print(f"API p95 / SQL p95:           {pct(api,.95)/pct(floor,.95):.2f}x  (API p50 / SQL p50 {pct(api,.5)/pct(floor,.5):.2f}x; the issue's table divides the percentiles)")
print(f"API peak RSS during the runs: {max(int(r[4]) for r in rows)} MB")
PY
python3 - <<'PY'
import re, statistics
# The handler's Debug line per run (RunMatchCommandHandler.LogRun); the first is the warm-up.
found = re.findall(r'ranking ([0-9.]+) ms in (\d+) scan\(s\) \(narrowed to the code: (True|False)\), exposure ([0-9.]+) ms, reading the kept suppliers ([0-9.]+) ms, scoring them with consortia ([0-9.]+) ms, near misses ([0-9.]+) ms, saving ([0-9.]+) ms',
                   open('/tmp/matchmaking-bench-api.log').read())[1:]
if found:
    narrowed = sum(1 for row in found if row[2] == 'True')
    found = [row[:2] + row[3:] for row in found]
    names = ['ranking', 'scans', 'exposure', 'read', 'score+consortia', 'near misses', 'saving']
    cols = list(zip(*[[float(v) for v in row] for row in found]))
    print('inside the API, per run (median / max ms):', ', '.join(f"{n} {statistics.median(c):.0f} / {max(c):.0f}" for n, c in zip(names, cols) if n != 'scans'))
    print(f"runs ranked in more than one scan: {sum(1 for s in cols[1] if s > 1)} of {len(found)}; read only the suppliers covering the one code: {narrowed}")
PY
echo "API RSS: $(ps -o rss= -p $API_PID | awk '{printf "%.0f MB", $1/1024}')"
echo "per need (id, qualifying, api ms, sql ms, api rss MB, whole-reach sql ms: each a median of 3; slowest api run ms; touch floor ms): /tmp/match-bench.tsv"
