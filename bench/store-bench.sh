#!/usr/bin/env bash
# Store benchmark: N certificates (default 10,000) in a Certdesk store, then "open + list" through the command
# line against `keytool -list` on the very same PKCS#12 file. Median of RUNS runs each; peak RSS of the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
N=${1:-10000}
RUNS=${RUNS:-5}
JAVA_HOME=$(certdesk_java_home)
export JAVA_HOME
certdesk_apt_install time
product=$(certdesk_product "$PWD" org.certdesk.cli.product)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CERTDESK_STORE_PASSWORD="bench-$RANDOM-$RANDOM"
cp=$(ls bundles/org.certdesk.api/target/*.jar bundles/org.certdesk.crypto/target/*.jar \
      bundles/org.certdesk.store.file/target/*.jar | grep -v sources | tr '\n' ':')
cp+=$(ls "$product"/plugins/bcprov*.jar "$product"/plugins/bcpkix*.jar "$product"/plugins/bcutil*.jar | tr '\n' ':')
echo "Populating $N certificates..." >&2
"$JAVA_HOME/bin/java" -cp "$cp" bench/StorePopulate.java "$work/data/store" "$N" >&2
ls -l "$work/data/store/stores.p12" >&2

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { local s e; s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

export CERTDESK_VMARGS="-Xmx200m"
lines=$(./certdesk --data "$work/data" list --store personal | wc -l)
[ "$lines" -eq "$N" ] || { echo "certdesk listed $lines certificates, expected $N" >&2; exit 1; }
keytool_lines=$("$JAVA_HOME/bin/keytool" -list -storetype PKCS12 -keystore "$work/data/store/stores.p12" \
    -storepass:env CERTDESK_STORE_PASSWORD | grep -c 'Entry,' || true)
[ "$keytool_lines" -eq "$N" ] || { echo "keytool listed $keytool_lines entries, expected $N" >&2; exit 1; }

cd_ms=$(for i in $(seq "$RUNS"); do ms ./certdesk --data "$work/data" list --store personal; done | median)
kt_ms=$(for i in $(seq "$RUNS"); do ms "$JAVA_HOME/bin/keytool" -list -storetype PKCS12 \
    -keystore "$work/data/store/stores.p12" -storepass:env CERTDESK_STORE_PASSWORD; done | median)
rss_kb=$(/usr/bin/time -f %M ./certdesk --data "$work/data" list --store personal 2>&1 >/dev/null | tail -n 1)
echo "certificates=$N runs=$RUNS"
echo "certdesk list (with -Xmx200m): median ${cd_ms} ms, peak RSS $((rss_kb / 1024)) MB"
echo "keytool -list:                 median ${kt_ms} ms"
awk -v a="$kt_ms" -v b="$cd_ms" 'BEGIN { printf "speed-up over keytool: %.2fx (target >= 5x)\n", a / b }'
