#!/usr/bin/env bash
# Rolls the API out on a cluster with the CloudNativePG operator: database and pooler first, then the
# migration Job (waited for), then the Deployment. Usage: bash deploy/k8s/rollout.sh [KUBECTL_CONTEXT]
set -euo pipefail
cd "$(dirname "$0")"
K=(kubectl ${1:+--context "$1"} -n matchmaking)
kubectl ${1:+--context "$1"} kustomize . > /tmp/matchmaking-k8s.yaml
"${K[@]}" apply -f namespace.yaml
"${K[@]}" apply -f database.yaml -f pooler.yaml
"${K[@]}" wait --for=condition=Ready cluster/matchmaking-db --timeout=15m
"${K[@]}" delete job matchmaking-migrate --ignore-not-found
python3 - /tmp/matchmaking-k8s.yaml <<'PY' | "${K[@]}" apply -f -
import sys
docs = open(sys.argv[1]).read().split("\n---\n")
print("\n---\n".join(d for d in docs if "kind: Job" in d))
PY
"${K[@]}" wait --for=condition=Complete job/matchmaking-migrate --timeout=10m
"${K[@]}" apply -f /tmp/matchmaking-k8s.yaml
"${K[@]}" rollout status deployment/matchmaking-api --timeout=10m
