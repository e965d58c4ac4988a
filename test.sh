#!/usr/bin/env bash
# Builds Certdesk and runs every test: the OSGi and UI tests under a virtual X display, then the materialized
# products as a user runs them (scripts/smoke.sh). Installs what the tests need on a fresh Debian machine.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/env.sh
certdesk_apt_install xvfb xauth libgtk-3-0 openssl softhsm2 opensc
JAVA_HOME=$(certdesk_java_home)
export JAVA_HOME
# GTK looks for an accessibility bus; it does not matter to the tests
export NO_AT_BRIDGE=1
exec xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
    ./mvnw -B verify "$@"
    touch releng/org.certdesk.product/target/products/.built  # the products match the sources just built
    scripts/smoke.sh' test.sh "$@"
