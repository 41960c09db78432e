#!/bin/sh
# Usage: build-deb.sh TREE   (TREE: the tar.gz's folder, made by build-dist.sh; same environment)
# Makes TARGET/macm_DEBVERSION_amd64.deb in two steps:
#  1. jpackage --type deb: the jlink runtime and the jars under /opt/macm, the maintainer scripts
#     of packaging/deb/resources (user macm, /var/lib/macm, systemd reload/stop), Depends
#     computed by jpackage from the runtime's native libraries (libc6 and the like: no JDK).
#  2. The files jpackage cannot place outside /opt, added so that dpkg tracks them (dpkg -S,
#     removed with the package): /usr/bin/macm, the man pages, the bash completion, the unit
#     /lib/systemd/system/macm@.service; /opt/macm/bin/macm becomes the sh launcher (the same as
#     the tar.gz's), and the AOT cache is trained on the jars exactly as they ship.
set -eu
tree=$1
packaging=$(cd "$(dirname "$0")/.." && pwd)
debversion=$(echo "$VERSION" | sed 's/-/~/')
work=$TARGET/deb-work
deb=$TARGET/macm_${debversion}_amd64.deb
rm -rf "$work"
mkdir -p "$work/input"

if [ ! -x "$JDK/bin/jpackage" ]; then
  echo "[dist] ERROR: $JDK has no jpackage; build with a full JDK >= 21" >&2
  exit 1
fi
if [ "$(id -u)" != 0 ] && ! command -v fakeroot >/dev/null 2>&1; then
  if [ "${CI:-}" = true ]; then
    echo "[dist] ERROR: jpackage needs fakeroot to make a .deb (apt-get install fakeroot)" >&2
    exit 1
  fi
  echo "[dist] WARNING: NO .deb: fakeroot is missing (apt-get install fakeroot)" >&2
  exit 0
fi

echo "[dist] jpackage --type deb"
cp "$tree"/lib/*.jar "$work/input/"
"$JDK/bin/jpackage" --type deb --dest "$work/jpackage" --temp "$work/jpackage-temp" \
  --name macm --app-version "$debversion" --vendor "MACM" \
  --description "MACM station: verifiable bilateral hotline and encounter watch" \
  --linux-package-name macm --linux-deb-maintainer macm@localhost \
  --linux-app-category admin --linux-package-deps passwd \
  --input "$work/input" --main-jar "macm-station-$VERSION.jar" \
  --main-class org.macm.station.cli.Main --java-options --enable-native-access=ALL-UNNAMED \
  --runtime-image "$tree/runtime" --install-dir /opt \
  --resource-dir "$packaging/deb/resources"

echo "[dist] adding /usr/bin/macm, man pages, completion, systemd unit; AOT cache"
root=$work/root
dpkg-deb -R "$work"/jpackage/*.deb "$root"
app=$root/opt/macm
cp "$packaging/bin/macm" "$app/bin/macm"
chmod 0755 "$app/bin/macm"
# jpackage's native launcher and its settings: the sh launcher replaces them.
rm -f "$app/lib/libapplauncher.so" "$app/lib/app/macm.cfg"
mkdir -p "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/bash-completion/completions" \
  "$root/lib/systemd/system" "$root/usr/share/doc/macm"
ln -s /opt/macm/bin/macm "$root/usr/bin/macm"
cp "$tree"/share/man/man1/* "$root/usr/share/man/man1/" 2>/dev/null || true
cp "$tree/share/bash-completion/completions/macm" "$root/usr/share/bash-completion/completions/macm"
cp "$tree/share/systemd/macm@.service" "$root/lib/systemd/system/macm@.service"
cp "$packaging/../docs/INSTALL.md" "$root/usr/share/doc/macm/INSTALL.md"
find "$root" -path "$root/DEBIAN" -prune -o -exec touch -h -d "$STAMP" {} +
sh "$packaging/aot-train.sh" "$app/lib/app" "$app/lib/runtime"
touch -d "$STAMP" "$app"/lib/app/macm.*

(cd "$root" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort \
  | xargs md5sum > DEBIAN/md5sums)
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$root/DEBIAN/control"
# gzip: xz would take a minute more on every build for about a third less size.
dpkg-deb --root-owner-group -Zgzip -b "$root" "$deb" >/dev/null
echo "[dist] built $deb"
