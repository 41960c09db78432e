#!/bin/sh
# Usage: aot-train.sh LIB_DIR RUNTIME_DIR
# Makes the class-data cache the launcher uses, with the bundled runtime and the class path the
# launcher reads (LIB_DIR/classpath, written here): an AOT cache LIB_DIR/macm.aot (JEP 483/514)
# when the runtime has -XX:AOTCacheOutput (JDK 25+), else a dynamic AppCDS archive macm.jsa.
# The JVM rejects a cache when a jar's size or modification time changed: callers fix the jars'
# times first and ship them unchanged (tar and dpkg keep them). A moved folder is fine.
set -eu
lib=$1
java=$2/bin/java
cp=
# The class path, written to LIB/classpath for the launcher to read as it is (no sorting at run
# time, whose order would follow the host's shell and locale): the cache is valid only for it.
# MACM's own jars and picocli first (docs/BENCHMARKS.md, Start-up), then the rest in C order.
(cd "$lib" && { LC_ALL=C ls macm-*.jar picocli-*.jar; LC_ALL=C ls | grep '\.jar$' | grep -v '^macm-\|^picocli-'; }) \
  > "$lib/classpath"
while read -r jar; do
  cp=${cp:+$cp:}$lib/$jar
done < "$lib/classpath"
rm -f "$lib/macm.aot" "$lib/macm.jsa"
# Ask the JVM whether it has the flag; never probe by writing a cache: -XX:AOTCacheOutput=/dev/null
# makes the JVM replace its output file, and as root that turned /dev/null into a regular file.
if "$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -qw AOTCacheOutput; then
  echo "[dist] AOT cache: $lib/macm.aot"
  # -AOTClassLinking: with it (the default) the JVM loads and links every cached class at start,
  # which made 'macm --version' slower than with no cache at all (measured: docs/INSTALL.md).
  "$java" --enable-native-access=ALL-UNNAMED -XX:-AOTClassLinking -XX:AOTCacheOutput="$lib/macm.aot" -Xlog:aot=error \
    -cp "$cp" org.macm.dist.AotTraining >/dev/null
else
  echo "[dist] dynamic AppCDS archive: $lib/macm.jsa"
  "$java" --enable-native-access=ALL-UNNAMED -XX:ArchiveClassesAtExit="$lib/macm.jsa" -Xlog:cds=error \
    -cp "$cp" org.macm.dist.AotTraining >/dev/null
fi
