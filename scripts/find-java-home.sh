#!/bin/sh
# Prints a JAVA_HOME holding a JDK >= 21: $JAVA_HOME if it qualifies, else the JDK of the
# java on PATH, else the newest under /usr/lib/jvm. Exits 1 with a message if there is none.
major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }
for java in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null)" $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -r); do
  [ -x "$java" ] || continue
  [ -x "$(dirname "$java")/javac" ] || continue
  m=$(major "$java")
  if [ -n "$m" ] && [ "$m" -ge 21 ]; then
    dirname "$(dirname "$(readlink -f "$java")")"
    exit 0
  fi
done
echo "MACM needs a JDK 21 or newer: install one or set JAVA_HOME to it" >&2
exit 1
