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
fi

log "Checking formatting (dotnet format --verify-no-changes)"
dotnet format Matchmaking.sln --verify-no-changes -v quiet

log "Building and running the tests"
output=$(mktemp)
trap 'rm -f "$output"' EXIT
set +e
dotnet test Matchmaking.sln --nologo -v quiet "$@" 2>&1 | tee "$output"
status=${PIPESTATUS[0]}
set -e
# One plain total across the test projects, e.g. "147 passed, 0 failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$output" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$output" | awk '{s+=$2} END {print s+0}')
echo "$passed passed, $failed failed"
exit "$status"
