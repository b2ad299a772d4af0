#!/usr/bin/env bash
# Builds or tests the Studio's pages with the machine's own npm; the studio module's Maven build runs
# it (generate-resources: build; test: test). `npm ci` runs only when node_modules does not match
# package-lock.json, and the build only when a source is newer than its output, so rebuilds are quick.
# Usage: build.sh build|test [skipTests]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
mode="${1:-build}"
if [ "$mode" = test ] && [ "${2:-false}" = true ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  cat >&2 <<'MSG'
studio/frontend: npm is not installed. The Studio's web pages are built with the machine's Node.js and npm
(Node 20 or newer). Install them (Debian/Ubuntu: apt-get install npm, or scripts/install-test-deps.sh),
or build the Studio without its pages: -Dstudio.frontend.skip=true
MSG
  exit 1
fi
stamp=node_modules/.autogen-package-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "studio/frontend: npm ci (node_modules does not match package-lock.json)" >&2
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
case "$mode" in
  build)
    out=../target/frontend-dist/index.html
    if [ -f "$out" ] && [ -z "$(find src index.html package.json package-lock.json vite.config.ts tsconfig.json -newer "$out" -print -quit)" ]; then
      echo "studio/frontend: pages up to date" >&2
      exit 0
    fi
    npm run --silent build
    ;;
  test)
    npm test --silent
    ;;
  *)
    echo "usage: build.sh build|test [skipTests]" >&2
    exit 2
    ;;
esac
