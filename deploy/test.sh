#!/usr/bin/env bash
# The one command that runs every test: bash deploy/test.sh
# Tests take PostgreSQL from MATCHMAKING_TEST_CONNECTION; when it is unset and no Docker engine answers
# (Testcontainers' way), this script starts the machine's own PostgreSQL and points the tests at it.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/postgres.sh

if [ -z "${MATCHMAKING_TEST_CONNECTION:-}" ] && ! docker_answers; then
  ensure_postgres
  export MATCHMAKING_TEST_CONNECTION="$PG_SERVER_CONNECTION"
  # The read-replica tests need a real streaming replica of that server.
  if have_local_server && [ -z "${MATCHMAKING_TEST_REPLICA_CONNECTION:-}" ]; then
    ensure_replica
    export MATCHMAKING_TEST_REPLICA_CONNECTION="$PG_REPLICA_CONNECTION"
  fi
fi

log "Checking formatting (dotnet format --verify-no-changes)"
dotnet format Matchmaking.sln --verify-no-changes -v quiet

log "Building and running the tests"
output=$(mktemp)
export MATCHMAKING_OPENAPI_OUT
MATCHMAKING_OPENAPI_OUT=$(mktemp --suffix=.json)
trap 'rm -f "$output" "$MATCHMAKING_OPENAPI_OUT"' EXIT
set +e
dotnet test Matchmaking.sln --nologo -v quiet "$@" 2>&1 | tee "$output"
status=${PIPESTATUS[0]}
set -e

# The served OpenAPI document (written by OpenApiTests) linted by Spectral with the OWASP ruleset, pinned in
# deploy/openapi/package.json; errors fail the run. Skipped, saying so, where npm is absent or unreachable.
spectral_failed=0
if [ ! -s "$MATCHMAKING_OPENAPI_OUT" ]; then
  log "Spectral: no document was written (OpenApiTests did not run); skipped"
elif ! command -v npm >/dev/null; then
  log "Spectral: npm is not installed; skipped"
elif ! (cd deploy/openapi && npm ci --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null 2>&1); then
  log "Spectral: could not install @stoplight/spectral-cli (no registry and no cache); skipped"
else
  log "Linting the OpenAPI document with Spectral (spectral:oas + OWASP 2.0.1)"
  if ! deploy/openapi/node_modules/.bin/spectral lint "$MATCHMAKING_OPENAPI_OUT" --ruleset deploy/openapi/.spectral.yaml \
      --fail-severity error --display-only-failures --quiet; then
    spectral_failed=1
    echo "Spectral found errors in the OpenAPI document"
  fi
fi
# The Kubernetes manifests, rendered by Kustomize and validated offline (deploy/k8s/validate.sh).
k8s_failed=0
if ! command -v npm >/dev/null; then
  log "Kubernetes manifests: npm is not installed; not validated"
else
  log "Validating the Kubernetes manifests (deploy/k8s/validate.sh)"
  bash deploy/k8s/validate.sh || { k8s_failed=1; echo "The Kubernetes manifests did not validate"; }
fi

# Several instances behind nginx with a streaming replica, checked through the front (deploy/scale/check.sh).
# Runs where this script made the replica on the machine's PostgreSQL; MATCHMAKING_SKIP_SCALE_CHECK=1 skips it.
scale_failed=0
if [ -z "${MATCHMAKING_SKIP_SCALE_CHECK:-}" ] && [ -n "${PG_REPLICA_CONNECTION:-}" ]; then
  log "Scale check: nginx in front of two API instances, a streaming replica (deploy/scale/check.sh)"
  if ! bash deploy/scale/check.sh; then
    scale_failed=1
    echo "The scale check failed"
  fi
fi

# One plain total across the test projects, e.g. "147 passed, 0 failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$output" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$output" | awk '{s+=$2} END {print s+0}')
for check_failed in "$spectral_failed" "$scale_failed" "$k8s_failed"; do
  if [ "$check_failed" = 1 ]; then
    failed=$((failed + 1))
    [ "$status" = 0 ] && status=1
  fi
done
echo "$passed passed, $failed failed"
exit "$status"
