#!/usr/bin/env bash
# Installs the outside programs some tests talk to for real (Redis, a Jupyter kernel, PostgreSQL, Chromium, ...), from
# Debian's packages, when they are missing. Idempotent; needs root or sudo to install anything.
# Exit status 0 means every program is present afterwards; otherwise it names what is missing and
# the tests that need it will say they were skipped.
set -uo pipefail

# "command-or-check|debian-package" pairs; a check starting with "py:" imports a module in /usr/bin/python3,
# one starting with "pg:" looks for a PostgreSQL program, which Debian keeps off the PATH.
requirements=(
  "redis-server|redis-server"
  "py:ipykernel|python3-ipykernel"
  "py:jupyter_server|python3-jupyter-server"
  "npm|npm"
  "pg:initdb|postgresql"
  "chromium|chromium"
  "ffmpeg|ffmpeg"
)

present() {
  case "$1" in
    py:*) [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import ${1#py:}" >/dev/null 2>&1 ;;
    pg:*) compgen -G "/usr/lib/postgresql/*/bin/${1#pg:}" >/dev/null ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

missing=()
for r in "${requirements[@]}"; do
  present "${r%%|*}" || missing+=("${r##*|}")
done
# MCP servers from npm for ext/mcp (needs npm, so after the Debian packages).
mcp_servers() { "$(dirname "$(readlink -f "$0")")/install-mcp-test-servers.sh"; }
[ ${#missing[@]} -eq 0 ] && { mcp_servers; exit $?; }

if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
  echo "install-test-deps: missing Debian packages: ${missing[*]} (run as root: apt-get install ${missing[*]})" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: no apt-get here; install these yourself: ${missing[*]}" >&2
  exit 1
fi
echo "install-test-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
status=0
for r in "${requirements[@]}"; do
  present "${r%%|*}" || { echo "install-test-deps: still missing after install: ${r##*|}" >&2; status=1; }
done
[ $status -eq 0 ] && { mcp_servers || status=1; }
exit $status
