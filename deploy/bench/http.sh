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
NEED=$(head -n 1 /tmp/match-bench.tsv | cut -f1)
[ -n "$NEED" ] || { echo "Run deploy/bench/match.sh first (it creates the needs and runs)." >&2; exit 1; }
rss_max=0
sample_rss() { while kill -0 "$API_PID" 2>/dev/null; do r=$(ps -o rss= -p "$API_PID" | tr -d ' '); [ "${r:-0}" -gt "$rss_max" ] && rss_max=$r && echo "$rss_max" > /tmp/bench-rss; sleep 0.5; done; }
sample_rss & SAMPLER=$!
for path in "/api/v1/needs/$NEED/matches?pageSize=50" "/api/v1/suppliers?provinceCode=33&pageSize=50"; do
  echo "== GET $path ($CONNECTIONS connections, 2 threads, ${DURATION}s)"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "X-Api-Key: $BENCH_KEY" "$BENCH_URL$path" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx"
done
kill $SAMPLER 2>/dev/null || true
echo "API peak RSS during load: $(( $(cat /tmp/bench-rss) / 1024 )) MB"
