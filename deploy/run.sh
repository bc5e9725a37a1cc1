#!/usr/bin/env bash
# The one command that runs the API with demo data: bash deploy/run.sh
# Makes sure PostgreSQL runs (the machine's own, installed if missing; Docker where no server is installed;
# or MATCHMAKING_CONNECTION), creates the database, applies migrations, loads the demo data set once,
# and serves the API on http://localhost:8080 with Swagger UI at /swagger. Run twice, it reuses what is there.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/postgres.sh

ensure_postgres
APP_CONNECTION="${PG_SERVER_CONNECTION/Database=postgres/Database=matchmaking}"
if [ -z "${MATCHMAKING_CONNECTION:-}" ] && have_local_server; then
  if ! as_postgres psql -p "$PG_PORT" -tAc "SELECT 1 FROM pg_database WHERE datname = 'matchmaking'" | grep -q 1; then
    log "Creating database 'matchmaking'"
    as_postgres createdb -p "$PG_PORT" -O "$PG_ROLE" matchmaking
  fi
fi

PORT="${PORT:-8080}"
mkdir -p deploy/.run
# Demo keys are made once and kept (deploy/.run is git-ignored) so a second run prints the same ones.
if [ ! -f deploy/.run/admin.key ]; then
  head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 40 | sed 's/^/mm_admin_/' > deploy/.run/admin.key
fi
export ConnectionStrings__Matchmaking="$APP_CONNECTION"
export Auth__BootstrapAdminKey="$(cat deploy/.run/admin.key)"
export Database__MigrateOnStartup=true
export Demo__Seed=true
export Demo__KeysFile="$PWD/deploy/.run/demo-keys.txt"
export ASPNETCORE_URLS="http://localhost:$PORT"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"

log "Building the API (Release)"
dotnet build src/Matchmaking.Api -c Release --nologo -v quiet -clp:ErrorsOnly

log "Starting the API: migrations are applied and demo data loaded on first start"
API_DIR="$PWD/src/Matchmaking.Api/bin/Release/net10.0"
dotnet "$API_DIR/Matchmaking.Api.dll" --contentRoot "$API_DIR" &
API_PID=$!
trap 'kill $API_PID 2>/dev/null || true' INT TERM EXIT

for _ in $(seq 1 90); do
  curl -fs "http://localhost:$PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 $API_PID 2>/dev/null || { echo "The API exited during start-up; see the log above." >&2; exit 1; }
  sleep 1
done

cat <<INFO

  Matchmaking API   http://localhost:$PORT
  Swagger UI        http://localhost:$PORT/swagger
  OpenAPI document  http://localhost:$PORT/swagger/v1/swagger.json
  Admin API key     $Auth__BootstrapAdminKey
INFO
if [ -f deploy/.run/demo-keys.txt ]; then cat deploy/.run/demo-keys.txt; fi
cat <<INFO

  Try:
    curl -s -H "X-Api-Key: $Auth__BootstrapAdminKey" "http://localhost:$PORT/api/v1/suppliers?provinceCode=33&capability=metal.casting&pageSize=5"
    curl -s -X POST -H "X-Api-Key: $Auth__BootstrapAdminKey" "http://localhost:$PORT/api/v1/needs/0192f000-0000-7000-8000-000000000201/match-runs"
    curl -s -H "X-Api-Key: $Auth__BootstrapAdminKey" -H "Accept: text/csv" "http://localhost:$PORT/api/v1/needs/0192f000-0000-7000-8000-000000000201/matches"

  Ctrl+C stops the API (PostgreSQL keeps running).
INFO
wait $API_PID
