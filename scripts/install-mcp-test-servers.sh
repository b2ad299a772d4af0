#!/usr/bin/env bash
# Installs the MCP servers the ext/mcp tests run (@modelcontextprotocol/server-everything and
# server-filesystem, pinned) from npm into a cache directory, so the tests start them directly
# instead of through a slow first `npx -y` download. Idempotent. Needs npm and the npm registry.
# The directory is $AUTOGEN_MCP_SERVERS_DIR, by default ~/.cache/autogen-java/mcp-servers; the tests
# look there and fall back to `npx -y` when it is empty.
set -uo pipefail

dir="${AUTOGEN_MCP_SERVERS_DIR:-$HOME/.cache/autogen-java/mcp-servers}"
packages=(
  "@modelcontextprotocol/server-everything@2026.8.31"
  "@modelcontextprotocol/server-filesystem@2026.8.31"
)

if ! command -v npm >/dev/null 2>&1; then
  echo "install-mcp-test-servers: npm is missing; the MCP tests will be skipped (install nodejs and npm)" >&2
  exit 1
fi
if [ -x "$dir/node_modules/.bin/mcp-server-everything" ] && [ -x "$dir/node_modules/.bin/mcp-server-filesystem" ] \
  && [ "$(cat "$dir/.installed" 2>/dev/null)" = "${packages[*]}" ]; then
  exit 0
fi
mkdir -p "$dir" || exit 1
echo "install-mcp-test-servers: installing ${packages[*]} into $dir" >&2
if npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "${packages[@]}" >/dev/null; then
  echo "${packages[*]}" > "$dir/.installed"
else
  echo "install-mcp-test-servers: npm install failed; the MCP tests will fall back to npx -y" >&2
  exit 1
fi
