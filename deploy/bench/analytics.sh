#!/usr/bin/env bash
# Analytics latency on the loaded population (after import.sh and match.sh): three calls each, JSON.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/bench/start-api.sh
for path in /api/v1/analytics/linkage "/api/v1/analytics/linkage?provinceCode=33&scale=micro" /api/v1/analytics/capability-gaps /api/v1/analytics/funnel; do
  times=$(for _ in 1 2 3; do curl -sf -o /dev/null -w '%{time_total} ' -H "X-Api-Key: $BENCH_KEY" "$BENCH_URL$path"; done)
  echo "GET $path: $(python3 -c "import sys; t=sorted(float(x)*1000 for x in sys.argv[1:]); print(f'min {t[0]:.0f} ms, median {t[1]:.0f} ms')" $times)"
done
