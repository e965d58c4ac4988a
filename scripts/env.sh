# Shared set-up for console.sh, test.sh and the benchmarks: a JDK >= 21 and the Debian packages a step needs.
# Sourced, not run.

# Prints a JAVA_HOME with Java >= 21, or explains what to do and returns 1.
certdesk_java_home() {
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*)
    local home version
    for home in "${candidates[@]}"; do
        [ -x "$home/bin/javac" ] || continue
        version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
        if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
            echo "$home"
            return 0
        fi
    done
    echo "Certdesk needs a JDK 21 or newer (SWT requires it). Install one, e.g. Temurin 21+, and set JAVA_HOME." >&2
    return 1
}

# Installs the named Debian packages that are missing (as root, or through sudo).
certdesk_apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing ${missing[*]} ..." >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

# Prints the folder of a materialized product (org.certdesk.app.product, the console, unless another is named),
# building both products first if they are missing or older than the sources.
certdesk_product() {
    local top="$1"
    local product="$top/releng/org.certdesk.product/target/products/${2:-org.certdesk.app.product}/linux/gtk/x86_64"
    local stamp="$top/releng/org.certdesk.product/target/products/.built"
    if [ ! -f "$stamp" ] || [ -n "$(find "$top/bundles" "$top/features" "$top/releng" "$top/target-platform" \
            -newer "$stamp" -type f -not -path '*/target/*' -print -quit 2>/dev/null)" ]; then
        echo "Building Certdesk (first run or sources changed)..." >&2
        (cd "$top" && JAVA_HOME="$(certdesk_java_home)" ./mvnw -B -q -DskipTests \
            -pl releng/org.certdesk.product -am verify >&2)
        touch "$stamp"
    fi
    echo "$product"
}

