#!/usr/bin/env bash
# Starts the Certdesk console, building it first if needed. Installs GTK (and Xvfb when there is no display).
# The data folder is $CERTDESK_DATA, else ~/.local/share/certdesk: created on first start, reused afterwards.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/scripts/env.sh"
certdesk_apt_install libgtk-3-0
JAVA_HOME=$(certdesk_java_home)
product=$(certdesk_product "$here")
data="${CERTDESK_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/certdesk}"
if [ -z "${DISPLAY:-}" ]; then
    certdesk_apt_install xvfb xauth
    n=42
    while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    export DISPLAY=":$n"
    trap 'kill %1 2>/dev/null || true' EXIT
    sleep 1
    echo "No display was set: the console runs on a virtual display $DISPLAY (e.g. 'xwd -root -display $DISPLAY')." >&2
fi
export NO_AT_BRIDGE=1
cache="${XDG_CACHE_HOME:-$HOME/.cache}/certdesk"
mkdir -p "$cache"
# a class-data archive made on the first start makes later starts faster
"$JAVA_HOME/bin/java" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$cache/console-$(basename "$JAVA_HOME").jsa" \
    -Xlog:disable -Declipse.registry.MultiLanguage=true -Dcertdesk.data="$data" ${CERTDESK_VMARGS:-} \
    -jar "$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)" \
    -product org.certdesk.app.product -data "$data/console" -nosplash "$@"
