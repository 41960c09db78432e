#!/bin/sh
# Builds MACM's distribution; dist/pom.xml runs it in phase package (exec-maven-plugin) with:
#   JDK       the JDK running Maven (its jlink and jpackage; >= 21, AOT cache from 25)
#   VERSION   the project version, e.g. 0.1.0-SNAPSHOT
#   TARGET    dist/target (everything is written there)
#   APP_JARS  macm-station's jar and its runtime dependencies (maven-dependency-plugin)
#   GEN_CP    class path of dist's build-time classes (CliDocs, AotTraining) and picocli-codegen
#   STAMP     the time every shipped file gets (project.build.outputTimestamp)
#   BUILD_DEB true to make the .deb as well (profile deb: dpkg-deb is on this machine)
# Out: TARGET/macm-VERSION.tar.gz, and TARGET/macm_DEBVERSION_amd64.deb when BUILD_DEB=true.
set -eu
: "${JDK:?}" "${STAMP:?}" "${VERSION:?}" "${TARGET:?}" "${APP_JARS:?}" "${GEN_CP:?}"
BUILD_DEB=${BUILD_DEB:-false}
packaging=$(cd "$(dirname "$0")" && pwd)
name=macm-$VERSION
work=$TARGET/dist-work
root=$work/$name
rm -rf "$work" "$TARGET/$name.tar.gz" "$TARGET"/macm_*.deb
mkdir -p "$root/bin" "$root/lib" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/systemd"
say() { echo "[dist] $*"; }

# The Java modules the station needs: jdeps' list for the jars (java.base, java.desktop for
# java.beans, java.instrument, java.management, java.naming, java.net.http, java.rmi,
# java.security.jgss, java.sql) plus what jdeps cannot see: jdk.unsupported (sun.misc.Signal for
# SIGHUP/SIGTERM, Unsafe in libraries), jdk.management (JVM metrics), jdk.crypto.ec (EC keys on
# older JDKs), jdk.zipfs, jdk.localedata (ja and zh dates and numbers).
# Not java.desktop, which jdeps also lists (JTS's debug drawing, Jetty's AWT leak preventer,
# Jackson's optional java.beans): unused here, and it would make the .deb depend on X11 and ALSA.
MODULES=java.base,java.instrument,java.management,java.naming,java.net.http,java.rmi,\
java.security.jgss,java.sql,jdk.unsupported,jdk.management,jdk.crypto.ec,jdk.zipfs,jdk.localedata
say "jlink: runtime with $MODULES"
"$JDK/bin/jlink" --add-modules "$MODULES" --include-locales=en,ja,zh \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive \
  --output "$root/runtime"

say "jars, launcher, systemd unit"
cp "$APP_JARS"/*.jar "$root/lib/"
# AotTraining ships in its own jar: the cache is valid only for the class path it was trained on.
"$JDK/bin/jar" --create --file "$root/lib/macm-aot-training.jar" \
  -C "${GEN_CP%%:*}" org/macm/dist/AotTraining.class
cp "$packaging/bin/macm" "$root/bin/macm"
chmod 0755 "$root/bin/macm"
cp "$packaging/systemd/macm@.service" "$root/share/systemd/"

say "man pages and bash completion from the picocli model"
rm -rf "$TARGET/adoc"
"$JDK/bin/java" -cp "$GEN_CP:$APP_JARS/*" org.macm.dist.CliDocs "$TARGET/adoc" \
  "$root/share/bash-completion/completions/macm"
if command -v asciidoctor >/dev/null 2>&1; then
  asciidoctor --backend manpage --destination-dir "$root/share/man/man1" "$TARGET"/adoc/*.adoc
  gzip -n -9 "$root"/share/man/man1/*.1
elif [ "${CI:-}" = true ]; then
  echo "[dist] ERROR: asciidoctor is missing (apt-get install asciidoctor); CI needs the man pages" >&2
  exit 1
else
  echo "[dist] WARNING: asciidoctor is missing (apt-get install asciidoctor): NO MAN PAGES in this build" >&2
fi

# Fixed file times (the AOT cache checks the jars' times; also a reproducible tar), then the cache.
find "$root" -exec touch -h -d "$STAMP" {} +
sh "$packaging/aot-train.sh" "$root/lib" "$root/runtime"
touch -d "$STAMP" "$root"/lib/macm.*

say "tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner \
  -czf "$TARGET/$name.tar.gz" -C "$work" "$name"
say "built $TARGET/$name.tar.gz"

if [ "$BUILD_DEB" = true ]; then
  sh "$packaging/deb/build-deb.sh" "$root"
else
  echo "[dist] no .deb: profile deb is off (no /usr/bin/dpkg-deb on this machine)"
fi
