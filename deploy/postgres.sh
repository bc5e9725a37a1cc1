#!/usr/bin/env bash
# Sourced by run.sh and test.sh: makes sure a PostgreSQL server answers and a 'matchmaking' role exists.
# Order: a connection string the user gives (MATCHMAKING_CONNECTION) > the machine's own server
# (installed with apt-get when missing) > a Docker container when the machine has no server but Docker runs.

PG_ROLE="${PG_ROLE:-matchmaking}"
PG_PASSWORD="${PG_PASSWORD:-matchmaking}"
PG_HOST="${PG_HOST:-localhost}"
PG_PORT="${PG_PORT:-5432}"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

have_local_server() { command -v pg_lsclusters >/dev/null 2>&1 && [ -n "$(pg_lsclusters -h 2>/dev/null)" ]; }

docker_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

install_local_server() {
  log "PostgreSQL is not installed: installing it with apt-get"
  local sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql postgresql-contrib >/dev/null
}

start_local_server() {
  local version cluster status
  read -r version cluster _ status _ < <(pg_lsclusters -h | head -n 1)
  if [ "$status" != "online" ]; then
    log "Starting PostgreSQL cluster $version/$cluster"
    local sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
    $sudo pg_ctlcluster "$version" "$cluster" start
  fi
  PG_PORT=$(pg_lsclusters -h | head -n 1 | awk '{print $3}')
  for _ in $(seq 1 30); do
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break
    sleep 1
  done
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || { echo "PostgreSQL did not start; see /var/log/postgresql/" >&2; exit 1; }

  # The API's own role: may create databases (the tests make one per run), owns the app database.
  as_postgres psql -q -p "$PG_PORT" -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
SQL
}

start_docker_server() {
  log "No local PostgreSQL server; starting postgres:16 in Docker"
  if ! docker ps -a --format '{{.Names}}' | grep -qx matchmaking-postgres; then
    docker run -d --name matchmaking-postgres -p "$PG_PORT:5432" \
      -e POSTGRES_USER="$PG_ROLE" -e POSTGRES_PASSWORD="$PG_PASSWORD" -e POSTGRES_DB=matchmaking postgres:16 >/dev/null
  else
    docker start matchmaking-postgres >/dev/null
  fi
  for _ in $(seq 1 60); do
    docker exec matchmaking-postgres pg_isready -q -U "$PG_ROLE" && return 0
    sleep 1
  done
  echo "The PostgreSQL container did not become ready" >&2; exit 1
}

# Sets PG_SERVER_CONNECTION: a connection string to the server's 'postgres' database as the matchmaking role.
ensure_postgres() {
  if [ -n "${MATCHMAKING_CONNECTION:-}" ]; then
    log "Using the PostgreSQL server from MATCHMAKING_CONNECTION"
    PG_SERVER_CONNECTION="$MATCHMAKING_CONNECTION"
    return 0
  fi
  if ! have_local_server; then
    if docker_answers; then start_docker_server; else install_local_server; fi
  fi
  if have_local_server; then start_local_server; fi
  PG_SERVER_CONNECTION="Host=$PG_HOST;Port=$PG_PORT;Username=$PG_ROLE;Password=$PG_PASSWORD;Database=postgres"
}

# The benchmarks measure PostgreSQL with the memory settings the Kubernetes cluster runs it with
# (deploy/k8s/database.yaml, read from there); shared_buffers is capped at a quarter of this machine's memory.
# A local server is restarted once when a setting needs it; nothing changes for a server given by connection string.
configure_like_deployment() {
  have_local_server && [ -z "${MATCHMAKING_CONNECTION:-}" ] || return 0
  local manifest setting value restart=0 memory_mb
  manifest="$(dirname "${BASH_SOURCE[0]}")/k8s/database.yaml"
  memory_mb=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
  for setting in shared_buffers effective_cache_size work_mem jit; do
    value=$(sed -nE "s/^ +$setting: \"?([^\"]+)\"?$/\1/p" "$manifest")
    [ -n "$value" ] || continue
    if [ "$setting" = shared_buffers ] && [ "${value%GB}" != "$value" ] && [ $(( ${value%GB} * 1024 )) -gt $(( memory_mb / 4 )) ]; then
      value="$(( memory_mb / 4 ))MB"
    fi
    if [ "$(as_postgres psql -p "$PG_PORT" -tAc "SELECT current_setting('$setting') = '$value'")" != t ]; then
      as_postgres psql -q -p "$PG_PORT" -c "ALTER SYSTEM SET $setting = '$value'"
      [ "$setting" = shared_buffers ] && restart=1
    fi
  done
  if [ "$restart" = 1 ]; then
    local version cluster
    read -r version cluster _ < <(pg_lsclusters -h | head -n 1)
    log "Restarting PostgreSQL $version/$cluster for shared_buffers as deployed"
    local sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
    $sudo pg_ctlcluster "$version" "$cluster" restart
    for _ in $(seq 1 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 1; done
  else
    as_postgres psql -q -p "$PG_PORT" -c "SELECT pg_reload_conf()" >/dev/null
  fi
}

# A streaming replica of the local server: cluster "<version> replica" on PG_REPLICA_PORT (default 5433), made
# with pg_basebackup -R from the primary (Debian's pg_hba.conf lets the postgres user replicate over the local
# socket). Sets PG_REPLICA_CONNECTION. Only for the machine's own server (not MATCHMAKING_CONNECTION or Docker).
replica_streams() {
  for _ in $(seq 1 20); do
    [ "$(as_postgres psql -p "$PG_PORT" -tAc "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" -gt 0 ] && return 0
    sleep 1
  done
  return 1
}

ensure_replica() {
  PG_REPLICA_PORT="${PG_REPLICA_PORT:-5433}"
  local version datadir sudo=""
  [ "$(id -u)" = "0" ] || sudo="sudo"
  version=$(pg_lsclusters -h | head -n 1 | awk '{print $1}')
  if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$version/replica"; then
    log "Creating a streaming replica: cluster $version/replica on port $PG_REPLICA_PORT (pg_basebackup -R)"
    $sudo pg_createcluster "$version" replica -p "$PG_REPLICA_PORT" >/dev/null
    datadir=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "replica" {print $6}')
    $sudo rm -rf "$datadir"
    as_postgres pg_basebackup -p "$PG_PORT" -D "$datadir" -R -X stream -c fast
  fi
  if [[ "$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "replica" {print $4}')" != online* ]]; then
    $sudo pg_ctlcluster "$version" replica start
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h "$PG_HOST" -p "$PG_REPLICA_PORT" && break
    sleep 1
  done
  pg_isready -q -h "$PG_HOST" -p "$PG_REPLICA_PORT" || { echo "The replica did not start; see /var/log/postgresql/" >&2; exit 1; }
  # A replica stopped while the primary wrote a lot (a 1M-row benchmark import) can ask for WAL the primary has
  # already recycled (there is no slot, so a stopped replica never fills the primary's disk): it then never
  # streams again. Take a fresh base backup when it does not stream within 20 s.
  if ! replica_streams; then
    log "The replica is not streaming (its WAL is gone from the primary): taking a fresh base backup"
    $sudo pg_ctlcluster "$version" replica stop || true
    datadir=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "replica" {print $6}')
    $sudo rm -rf "$datadir"
    as_postgres pg_basebackup -p "$PG_PORT" -D "$datadir" -R -X stream -c fast
    $sudo pg_ctlcluster "$version" replica start
    replica_streams || { echo "The replica does not stream; see /var/log/postgresql/" >&2; exit 1; }
  fi
  # Tests pause and resume replay to show which server answered: granted on the primary (the replica follows)
  # in template1, so the databases the tests create have it too.
  for db in postgres template1; do
    as_postgres psql -q -p "$PG_PORT" -d "$db" -c "GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume() TO $PG_ROLE" >/dev/null
  done
  PG_REPLICA_CONNECTION="Host=$PG_HOST;Port=$PG_REPLICA_PORT;Username=$PG_ROLE;Password=$PG_PASSWORD;Database=postgres"
}
