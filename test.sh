#!/usr/bin/env bash
# Builds Certdesk and runs every test (headless, OSGi and UI under a virtual X display).
# Installs what the tests need on a fresh Debian machine: xvfb, GTK 3, openssl.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/env.sh
certdesk_apt_install xvfb xauth libgtk-3-0 openssl
JAVA_HOME=$(certdesk_java_home)
export JAVA_HOME
# GTK looks for a session bus and themes; neither matters to the tests
export NO_AT_BRIDGE=1
exec xvfb-run -a -s "-screen 0 1280x1024x24" ./mvnw -B verify "$@"
