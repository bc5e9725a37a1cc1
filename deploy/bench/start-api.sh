#!/usr/bin/env bash
# Starts the API in Release on port 8081 against its own database (matchmaking_bench), migrated, without demo data.
# Sourced by the other bench scripts; sets BENCH_URL, BENCH_KEY and API_PID.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/postgres.sh
ensure_postgres
configure_like_deployment
BENCH_DB="${BENCH_DB:-matchmaking_bench}"
if have_local_server && ! as_postgres psql -p "$PG_PORT" -tAc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
  as_postgres createdb -p "$PG_PORT" -O "$PG_ROLE" "$BENCH_DB"
fi
export BENCH_CONNECTION="${PG_SERVER_CONNECTION/Database=postgres/Database=$BENCH_DB};Max Auto Prepare=64;Auto Prepare Min Usages=2"
export BENCH_URL="http://127.0.0.1:8081"
export BENCH_KEY="bench-admin-key-0123456789abcdef0123"

dotnet build src/Matchmaking.Api -c Release --nologo -v quiet -clp:ErrorsOnly
API_DIR="$PWD/src/Matchmaking.Api/bin/Release/net10.0"
ConnectionStrings__Matchmaking="$BENCH_CONNECTION" Auth__BootstrapAdminKey="$BENCH_KEY" Database__MigrateOnStartup=true \
  RateLimiting__Burst=1000000 RateLimiting__PerSecond=1000000 Logging__LogLevel__Default=Warning Logging__LogLevel__Matchmaking="${BENCH_LOG_LEVEL:-Warning}" \
  ASPNETCORE_URLS="$BENCH_URL" dotnet "$API_DIR/Matchmaking.Api.dll" --contentRoot "$API_DIR" > /tmp/matchmaking-bench-api.log 2>&1 &
API_PID=$!
trap 'kill $API_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$BENCH_URL/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BENCH_URL/health/ready" >/dev/null || { echo "API did not start; see /tmp/matchmaking-bench-api.log" >&2; exit 1; }
