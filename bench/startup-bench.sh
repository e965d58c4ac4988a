#!/usr/bin/env bash
# Start-up benchmark: from launching the console to its usages table populated (the part writes the time to
# -Dcertdesk.startupMarker), against a bare SWT window with a table on the same JVM and display.
# Median of RUNS runs each, after one warm-up run of each.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
RUNS=${RUNS:-7}
certdesk_apt_install xvfb xauth libgtk-3-0
JAVA_HOME=$(certdesk_java_home)
export JAVA_HOME
product=$(certdesk_product "$PWD")
work=$(mktemp -d)
n=60
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY=":$n" NO_AT_BRIDGE=1
sleep 1

# a realistic data folder: one certificate assigned to two usages
export CERTDESK_DATA="$work/data"
./certdesk --data "$CERTDESK_DATA" trust-ca-root >/dev/null
./certdesk --data "$CERTDESK_DATA" request --usage Default --usage WebServicesInternal --key EC-P256 --assign >/dev/null 2>&1

swt_cp=$(ls "$product"/plugins/org.eclipse.swt_*.jar "$product"/plugins/org.eclipse.swt.gtk.linux.x86_64_*.jar | tr '\n' ':')
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

console_once() {
    local marker="$work/marker" start pid
    rm -f "$marker"
    start=$(now_ms)
    CERTDESK_VMARGS="-Dcertdesk.startupMarker=$marker ${BENCH_VMARGS:-}" ./console.sh >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 600); do [ -s "$marker" ] && break; sleep 0.05; done
    pkill -P "$pid" 2>/dev/null; kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    [ -s "$marker" ] || { echo "the console did not show its table" >&2; exit 1; }
    echo $(( $(cat "$marker") - start ))
}

bare_once() {
    local marker="$work/bare" start
    rm -f "$marker"
    start=$(now_ms)
    "$JAVA_HOME/bin/java" -cp "$swt_cp$work/bare-classes" BareWindow "$marker" >/dev/null 2>&1
    echo $(( $(cat "$marker") - start ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mkdir -p "$work/bare-classes"
"$JAVA_HOME/bin/javac" -d "$work/bare-classes" -cp "$swt_cp" bench/BareWindow.java
console_once >/dev/null; bare_once >/dev/null   # warm-up: OSGi caches, page cache
console=$(for i in $(seq "$RUNS"); do console_once; done | median)
bare=$(for i in $(seq "$RUNS"); do bare_once; done | median)
echo "runs=$RUNS"
echo "console, launch to populated usages table: median ${console} ms (target <= 1500 ms)"
echo "bare SWT window with a table:              median ${bare} ms"
awk -v a="$console" -v b="$bare" 'BEGIN { printf "ratio console / bare window: %.2fx (target <= 1.3x)\n", a / b }'
