#!/usr/bin/env bash
# Runs the materialized products as a user would, after the build: the command line issues and assigns a
# certificate from the embedded CA, then the console starts and shows its usages table. Needs a display.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
console_pid=""
cleanup() {
    if [ -n "$console_pid" ]; then
        pkill -P "$console_pid" 2>/dev/null || true
        kill "$console_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
export CERTDESK_DATA="$work/data" XDG_CACHE_HOME="$work/cache"

./certdesk trust-ca-root >/dev/null
./certdesk request --usage Default --key EC-P256 --assign >/dev/null 2>&1
./certdesk --json get Default | grep -q '"ok":true' || { echo "smoke: the command line did not assign Default" >&2; exit 1; }
echo "smoke: command line issued and assigned a certificate for Default"

CERTDESK_VMARGS="-Dcertdesk.startupMarker=$work/shown" ./console.sh >"$work/console.log" 2>&1 &
console_pid=$!
for _ in $(seq 600); do
    [ -s "$work/shown" ] && break
    kill -0 "$console_pid" 2>/dev/null || break
    sleep 0.1
done
if [ ! -s "$work/shown" ]; then
    echo "smoke: the console did not show its usages table; its output:" >&2
    cat "$work/console.log" >&2
    exit 1
fi
echo "smoke: console window showed the usages table"
