#!/usr/bin/env bash
# Renders deploy/k8s with Kustomize (kubectl kustomize; without kubectl, the kustomization's resources as they
# are) and validates every object offline: bash deploy/k8s/validate.sh
set -euo pipefail
cd "$(dirname "$0")"
(cd validate && npm ci --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null)
if command -v kubectl >/dev/null; then
  kubectl kustomize . | node validate/validate.mjs
else
  echo "kubectl not found: validating the listed resources without Kustomize's transformations" >&2
  python3 -c 'import re,sys; print("\n---\n".join(open(f).read() for f in re.findall(r"^  - (\S+\.yaml)$", open("kustomization.yaml").read(), re.M)))' \
    | node validate/validate.mjs
fi
