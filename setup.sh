#!/usr/bin/env bash
# One entry point for people and CI on Debian 12:
#   ./setup.sh run    install what is missing, build, start on the embedded default store
#   ./setup.sh test   install what is missing, build, run every test
# Packages come from Debian only (apt-get); as a normal user the install step uses sudo.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
    cmake ninja-build ccache g++ pkg-config lld
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
    libpq-dev libsqlite3-dev libssl-dev postgresql-15 zlib1g-dev
    libgraphviz-dev qt6-svg-dev
    qt6-charts-dev libqt6opengl6-dev
    libcpp-httplib-dev openssl
    # The package (installer/, tests/package): dpkg-shlibdeps, file (cpack's DEB generator),
    # desktop-file-validate, appstreamcli and rsvg-convert (the icon's PNG sizes).
    dpkg-dev file desktop-file-utils appstream librsvg2-bin
    # The German translation (translations/): lupdate, lrelease and Qt's own qtbase_de.qm.
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
)

usage() {
    echo "usage: $0 run|test" >&2
    exit 2
}

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "Run as root or install sudo: packages ${missing[*]} are missing." >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    cmake --preset ci
    cmake --build --preset ci
}

[ $# -ge 1 ] || usage
case "$1" in
run)
    install_missing
    build
    # With no store named, the console opens its embedded default (a local SQLite demo store,
    # filled with demo data on first start). Extra arguments go to the console (--store URL, …).
    shift
    exec build/ci/bin/dpm-console "$@"
    ;;
test)
    install_missing
    build
    ctest --preset ci
    ;;
*) usage ;;
esac
