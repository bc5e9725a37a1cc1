#!/usr/bin/env bash
# HTTP throughput and latency under concurrent load (wrk, from Debian; installed if missing) against the Release
# build, on the population loaded by import.sh and the needs and runs made by match.sh.
# Usage: bash deploy/bench/http.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-30}"
CONNECTIONS="${2:-32}"
if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi
source deploy/bench/start-api.sh
[ -s /tmp/match-bench.tsv ] || { echo "Run deploy/bench/match.sh first (it creates the needs and runs)." >&2; exit 1; }
rss_max=0
sample_rss() { while kill -0 "$API_PID" 2>/dev/null; do r=$(ps -o rss= -p "$API_PID" | tr -d ' '); [ "${r:-0}" -gt "$rss_max" ] && rss_max=$r && echo "$rss_max" > /tmp/bench-rss; sleep 0.5; done; }
sample_rss & SAMPLER=$!
# Match pages: the 20 benchmark runs, their first six pages of 50.
: > /tmp/bench-match-pages
while read -r need _; do
  for page in 1 2 3 4 5 6; do echo "/api/v1/needs/$need/matches?pageSize=50&page=$page" >> /tmp/bench-match-pages; done
done < /tmp/match-bench.tsv
# The same pages polled with the ETag their last answer carried (nothing changes during the run: 304s).
: > /tmp/bench-match-polls
while read -r path; do
  etag=$(curl -sf -D - -o /dev/null -H "X-Api-Key: $BENCH_KEY" "$BENCH_URL$path" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
  printf '%s\t%s\n' "$path" "$etag" >> /tmp/bench-match-polls
done < /tmp/bench-match-pages
echo "/health/live" > /tmp/bench-live
echo "/api/v1/reference/provinces" > /tmp/bench-keyed
echo "/api/v1/suppliers?provinceCode=33&pageSize=50" > /tmp/bench-suppliers
# A keyset cursor 10,000 rows deep into the same list.
cursor=""
for _ in $(seq 1 50); do
  cursor=$(curl -sf -H "X-Api-Key: $BENCH_KEY" "$BENCH_URL/api/v1/suppliers?provinceCode=33&pageSize=200${cursor:+&after=$cursor}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["next"])')
done
echo "/api/v1/suppliers?provinceCode=33&pageSize=50&after=$cursor" > /tmp/bench-suppliers-deep
for set in live keyed match-pages match-polls suppliers suppliers-deep; do
  echo "== $set ($CONNECTIONS connections, 2 threads, ${DURATION}s): $(head -n 1 /tmp/bench-$set | cut -f1)$( [ "$(wc -l < /tmp/bench-$set)" -gt 1 ] && echo " … $(wc -l < /tmp/bench-$set) paths")"
  PATHS=/tmp/bench-$set KEY="$BENCH_KEY" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s deploy/bench/paths.lua "$BENCH_URL" \
    | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
done
kill $SAMPLER 2>/dev/null || true
echo "API peak RSS during load: $(( $(cat /tmp/bench-rss) / 1024 )) MB"
