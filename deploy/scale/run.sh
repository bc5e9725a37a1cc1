#!/usr/bin/env bash
# Several API instances on one machine: bash deploy/scale/run.sh
# Starts (installing what is missing) the PostgreSQL primary, a streaming replica made with pg_basebackup -R,
# two API instances (lag-tolerant reads on the replica, rate limits and idempotency shared in PostgreSQL) and
# nginx in front (round robin, passive health checks), then prints the URL: http://localhost:8088 (PORT
# overrides). The admin key comes from MATCHMAKING_ADMIN_KEY when set. Ctrl+C or SIGTERM stops what it started.
# Extra settings reach both instances as environment variables (e.g. RateLimiting__Burst=100).
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/postgres.sh

PORT="${PORT:-8088}"
INSTANCE_PORTS=(8091 8092)
METRICS_PORTS=(9471 9472)
RUN_DIR="$PWD/deploy/.run/scale"
mkdir -p "$RUN_DIR"
STARTED=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$RUN_DIR/nginx.pid" ] && kill "$(cat "$RUN_DIR/nginx.pid")" 2>/dev/null || true
  if [ "${REPLICA_WAS_DOWN:-0}" = 1 ]; then pg_ctlcluster "$PG_VERSION" replica stop 2>/dev/null || true; fi
  if [ "${PRIMARY_WAS_DOWN:-0}" = 1 ]; then pg_ctlcluster "$PG_VERSION" main stop 2>/dev/null || true; fi
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

if have_local_server; then
  PG_VERSION=$(pg_lsclusters -h | head -n 1 | awk '{print $1}')
  [[ "$(pg_lsclusters -h | awk '$2 == "main" {print $4}')" == online* ]] || PRIMARY_WAS_DOWN=1
  [[ "$(pg_lsclusters -h | awk '$2 == "replica" {print $4}')" == online* ]] || REPLICA_WAS_DOWN=1
fi
ensure_postgres
have_local_server || { echo "deploy/scale/run.sh needs the machine's own PostgreSQL (it makes a replica of it)" >&2; exit 1; }
PG_VERSION=$(pg_lsclusters -h | head -n 1 | awk '{print $1}')
ensure_replica

if ! as_postgres psql -p "$PG_PORT" -tAc "SELECT 1 FROM pg_database WHERE datname = 'matchmaking'" | grep -q 1; then
  log "Creating database 'matchmaking'"
  as_postgres createdb -p "$PG_PORT" -O "$PG_ROLE" matchmaking
fi
if ! command -v nginx >/dev/null; then
  log "nginx is not installed: installing Debian's package"
  sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx >/dev/null
fi

if [ -n "${MATCHMAKING_ADMIN_KEY:-}" ]; then
  ADMIN_KEY="$MATCHMAKING_ADMIN_KEY"
else
  [ -f deploy/.run/admin.key ] || head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 40 | sed 's/^/mm_admin_/' > deploy/.run/admin.key
  ADMIN_KEY="$(cat deploy/.run/admin.key)"
fi
export ConnectionStrings__Matchmaking="${PG_SERVER_CONNECTION/Database=postgres/Database=matchmaking}"
export ConnectionStrings__MatchmakingReadOnly="${PG_REPLICA_CONNECTION/Database=postgres/Database=matchmaking}"
export Auth__BootstrapAdminKey="$ADMIN_KEY"
export Database__Instances=${#INSTANCE_PORTS[@]}
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"

log "Building the API (Release)"
dotnet build src/Matchmaking.Api -c Release --nologo -v quiet -clp:ErrorsOnly
API_DIR="$PWD/src/Matchmaking.Api/bin/Release/net10.0"
log "Applying migrations and the demo data (once, before the instances start)"
ASPNETCORE_URLS="http://127.0.0.1:${INSTANCE_PORTS[0]}" \
  dotnet "$API_DIR/Matchmaking.Api.dll" --contentRoot "$API_DIR" --migrate
# The demo data is loaded by the first instance at its start (once: it looks for suppliers first).
for i in "${!INSTANCE_PORTS[@]}"; do
  Demo__Seed=$([ "$i" = 0 ] && echo true || echo false) Demo__KeysFile="$RUN_DIR/demo-keys.txt" Metrics__Port="${METRICS_PORTS[$i]}" \
    OpenTelemetry__ServiceName="matchmaking-api-$((i + 1))" \
    ASPNETCORE_URLS="http://127.0.0.1:${INSTANCE_PORTS[$i]};http://127.0.0.1:${METRICS_PORTS[$i]}" \
    dotnet "$API_DIR/Matchmaking.Api.dll" --contentRoot "$API_DIR" > "$RUN_DIR/api-$((i + 1)).log" 2>&1 &
  STARTED+=($!)
  if [ "$i" = 0 ]; then
    for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:${INSTANCE_PORTS[0]}/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  fi
done
for port in "${INSTANCE_PORTS[@]}"; do
  for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "An API instance did not start; see $RUN_DIR/api-*.log" >&2; exit 1; }
done

# nginx (open source) checks upstreams passively: an instance that fails twice in 5 s rests for 5 s and
# requests go to the other; a connection error or timeout before anything was sent is retried there.
cat > "$RUN_DIR/nginx.conf" <<NGINX
worker_processes 1;
pid $RUN_DIR/nginx.pid;
error_log $RUN_DIR/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log $RUN_DIR/nginx-access.log combined;
  log_format upstream '\$request_method \$uri \$status \$upstream_addr';
  access_log $RUN_DIR/nginx-upstream.log upstream;
  client_max_body_size 0;
  proxy_request_buffering off;
  upstream matchmaking {
$(for port in "${INSTANCE_PORTS[@]}"; do echo "    server 127.0.0.1:$port max_fails=2 fail_timeout=5s;"; done)
    keepalive 32;
  }
  server {
    listen $PORT;
    location / {
      proxy_pass http://matchmaking;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_next_upstream error timeout;
      proxy_read_timeout 300s;
    }
  }
}
NGINX
: > "$RUN_DIR/nginx-upstream.log"
nginx -c "$RUN_DIR/nginx.conf" -p "$RUN_DIR" -g 'daemon off;' &
STARTED+=($!)
for _ in $(seq 1 30); do curl -fs "http://localhost:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://localhost:$PORT/health/ready" >/dev/null || { echo "nginx did not answer; see $RUN_DIR/nginx-error.log" >&2; exit 1; }

cat <<INFO

  Matchmaking API (nginx, ${#INSTANCE_PORTS[@]} instances)   http://localhost:$PORT
  Instances       $(for i in "${!INSTANCE_PORTS[@]}"; do printf 'http://127.0.0.1:%s (metrics :%s/metrics)  ' "${INSTANCE_PORTS[$i]}" "${METRICS_PORTS[$i]}"; done)
  Primary         localhost:$PG_PORT    Replica  localhost:$PG_REPLICA_PORT (streaming, lag-tolerant reads)
  Admin API key   $ADMIN_KEY
  Logs            $RUN_DIR/
  Ctrl+C stops what this script started.
INFO
wait "${STARTED[@]}"
