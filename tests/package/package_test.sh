#!/usr/bin/env bash
# The .deb of dpm-support-console, made from the build tree in $1, with version $2: its control
# fields, its files, lintian's verdict, and the programs run from an extracted copy.
set -euo pipefail
build=$1
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Into a folder of our own: the build's own package output (cmake --build … --target package)
# is left alone.
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAIL: cpack could not make the package"
    exit 1
fi
deb=$(find "$work/out" -maxdepth 1 -name '*.deb' | head -n 1)
[ -n "$deb" ] || { cat "$work/cpack.log"; echo "FAIL: cpack made no .deb"; exit 1; }
echo "package: $(basename "$deb")"
dpkg-deb --field "$deb" Package Version Architecture Depends

[ "$(dpkg-deb --field "$deb" Version)" = "$version" ] || fail "Version is not $version"
depends=$(dpkg-deb --field "$deb" Depends)
# dpkg-shlibdeps' libraries, and the SQL driver plugins Qt loads at run time.
for needed in libqt6core6 libqt6widgets6 libqt6sql6 libpq5 libsqlite3-0 libgvc6 libqt6sql6-psql libqt6sql6-sqlite; do
    grep -Eq "(^|, )$needed( |,|$)" <<<"$depends" || fail "Depends lacks $needed"
done

dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
for path in /usr/bin/dpmctl /usr/bin/dpm-console \
    /usr/share/applications/org.dpm.SupportConsole.desktop \
    /usr/share/metainfo/org.dpm.SupportConsole.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/org.dpm.SupportConsole.svg \
    /usr/share/icons/hicolor/48x48/apps/org.dpm.SupportConsole.png \
    /usr/share/icons/hicolor/256x256/apps/org.dpm.SupportConsole.png \
    /usr/share/man/man1/dpmctl.1.gz /usr/share/man/man1/dpm-console.1.gz \
    /usr/share/bash-completion/completions/dpmctl \
    /usr/share/doc/dpm-support-console/copyright \
    /usr/share/doc/dpm-support-console/changelog.gz; do
    grep -qx "$path" "$work/contents" || fail "the package lacks $path"
done

if command -v lintian >/dev/null; then
    # Tags are reported; only errors fail the test.
    lintian --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1 || true
    echo "lintian: $(grep -c '^[EWIPX]:' "$work/lintian.log" || true) tags"
    cat "$work/lintian.log"
    if grep -q '^E:' "$work/lintian.log"; then
        fail "lintian reports errors"
    fi
else
    echo "lintian is not installed: not run"
fi

root="$work/root"
dpkg-deb -x "$deb" "$root"
# The extracted files pass the desktop tools' own checks where those tools are installed.
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/org.dpm.SupportConsole.desktop" || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root/usr/share/metainfo/org.dpm.SupportConsole.metainfo.xml" || fail "appstreamcli validate"
fi

home="$work/home"
mkdir -p "$home"
run() { env -i PATH=/usr/bin:/bin HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" "$@"; }
out=$(run "$root/usr/bin/dpmctl" --version) || fail "dpmctl --version exited $?"
echo "$out"
[ "$(head -n 1 <<<"$out")" = "dpmctl $version" ] || fail "dpmctl --version does not start with \"dpmctl $version\""
grep -q '^SQL drivers: .*QPSQL' <<<"$out" && grep -q '^SQL drivers: .*QSQLITE' <<<"$out" || fail "dpmctl finds no QPSQL/QSQLITE driver"
out=$(run "$root/usr/bin/dpmctl" --store memory: summary) || fail "dpmctl --store memory: summary exited $?"
echo "$out" | head -n 5
out=$(run QT_QPA_PLATFORM=offscreen "$root/usr/bin/dpm-console" --version) || fail "dpm-console --version exited $?"
echo "$out"
[ "$(head -n 1 <<<"$out")" = "dpm-console $version" ] || fail "dpm-console --version does not start with \"dpm-console $version\""

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "package ok"
