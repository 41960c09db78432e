#!/bin/sh
# Builds MACM and runs the benchmarks (see docs/BENCHMARKS.md):
#   bench/run.sh [quick|full] [all|storage|link|postgres|encounter|console] [SECONDS]
#   bench/run.sh startup [--macm PATH-TO-LAUNCHER-OR-JAR] [--runs N] [--dir STATION]
# startup: java -version, macm --version and macm status, median of N runs each (default 20),
# interleaved; the target defaults to the unpacked package (dist/target/macm-*/bin/macm, run on
# its bundled runtime) if it is there, else the repo's jar (station/target/macm.jar).
# quick|full: rough answer or the figures docs/BENCHMARKS.md reports (default full).
# all (default): everything; storage: durable appends and signing; link: the durable round
# trip beside Mosquitto and RabbitMQ, link failure detection and failover cost; postgres: the
# durable round trip with cn-mnd's store on PostgreSQL (a throwaway local cluster, then one with
# a synchronous standby) beside SQLite, in the same run; encounter: the engine
# (grid vs naive) and AIS decoding against gpsd's gpsdecode (package gpsd-clients), Mode S
# (AVR) decoding against dump1090-mutability; console:
# 20 consoles' event streams while the link carries 200 messages/s (SECONDS measured, default
# 30, quick 10).
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
JAVA_HOME=$("$here/scripts/find-java-home.sh")
export JAVA_HOME
if [ "${1:-}" = startup ]; then
  shift
  cd "$here"
  target=
  for a in "$@"; do [ "$a" = --macm ] && target=given; done
  if [ -z "$target" ]; then
    for launcher in dist/target/macm-*/bin/macm; do [ -x "$launcher" ] && target=$launcher; done
  fi
  if [ -z "$target" ]; then
    ./mvnw -q -B -DskipTests -pl station -am package
    set -- --macm station/target/macm.jar "$@"
  elif [ "$target" != given ]; then
    set -- --macm "$target" "$@"
  fi
  mkdir -p bench/target/startup-classes
  "$JAVA_HOME/bin/javac" -d bench/target/startup-classes bench/src/main/java/org/macm/bench/StartupRace.java
  echo "load before: $(uptime)"
  "$JAVA_HOME/bin/java" -cp bench/target/startup-classes org.macm.bench.StartupRace "$@"
  echo "load after:  $(uptime)"
  exit 0
fi
mode=${1:-full}
only=${2:-all}
seconds=${3:-0}
usage="usage: bench/run.sh [quick|full] [all|storage|link|postgres|encounter|console] [SECONDS]"
case "$mode" in quick|full) ;; *) echo "$usage" >&2; exit 2 ;; esac
case "$only" in all|storage|link|postgres|encounter|console) ;; *) echo "$usage" >&2; exit 2 ;; esac
case "$seconds" in ''|*[!0-9]*) echo "$usage" >&2; exit 2 ;; esac
# The round trip is compared with Mosquitto (Debian package). Machines start clean, so install
# it when missing; if that fails the bench runs MACM alone and says Mosquitto was skipped.
if { [ "$only" = all ] || [ "$only" = link ]; } && ! command -v mosquitto >/dev/null 2>&1 && [ ! -x /usr/sbin/mosquitto ]; then
  echo "installing mosquitto (Debian package) for the round-trip comparison..." >&2
  if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq mosquitto; } >/dev/null 2>&1 \
    || echo "could not install mosquitto: the comparison will be skipped" >&2
fi
# The second yardstick, one that fsyncs: RabbitMQ's quorum queues (Debian package). The bench
# starts its own node on free loopback ports and stops it; a system service, if the package
# starts one, is left alone (it listens on other ports). Installed when missing, as above.
if { [ "$only" = all ] || [ "$only" = link ]; } && [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  echo "installing rabbitmq-server (Debian package) for the round-trip comparison..." >&2
  if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq rabbitmq-server; } >/dev/null 2>&1 \
    || echo "could not install rabbitmq-server: the RabbitMQ comparison will be skipped" >&2
fi
# PostgreSQL (Debian package): the bench runs its own throwaway clusters (initdb in a temporary
# folder, free loopback port, as the tests do) and removes them; a system cluster, if the package
# starts one, is left alone. Installed when missing, as above.
if { [ "$only" = all ] || [ "$only" = postgres ]; } && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing postgresql (Debian package) for the PostgreSQL round trip..." >&2
  if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql; } >/dev/null 2>&1 \
    || echo "could not install postgresql: the PostgreSQL round trip will be skipped" >&2
fi
if [ "$only" = all ] || [ "$only" = encounter ]; then
  if [ ! -x /usr/bin/gpsdecode ]; then
    echo "installing gpsd-clients (Debian package) for the decoding comparison..." >&2
    if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq gpsd-clients; } >/dev/null 2>&1 \
      || echo "could not install gpsd-clients: the decoding comparison will be skipped" >&2
  fi
  # Mode S: dump1090-mutability, the C decoder Debian has, reads AVR on a TCP port (not a file).
  if [ ! -x /usr/bin/dump1090-mutability ]; then
    echo "installing dump1090-mutability (Debian package) for the Mode S comparison..." >&2
    if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq dump1090-mutability; } >/dev/null 2>&1 \
      || echo "could not install dump1090-mutability: the Mode S comparison will be skipped" >&2
  fi
fi
cd "$here"
# Only the modules the bench needs (and what they depend on), so that work in progress
# elsewhere in the reactor does not stop it. Built in the reactor and run from target/ (nothing
# is installed into ~/.m2), so two working copies on one machine never run each other's classes.
# Tests are compiled but not run: modules share test fixtures as test-jars (store uses core's),
# which -Dmaven.test.skip=true would not build, and nothing else provides them.
./mvnw -q -B -DskipTests -pl bench -am package dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
echo "load before: $(uptime)"
MACM_LOG_LEVEL=${MACM_LOG_LEVEL:-ERROR} "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" org.macm.bench.BenchMain "$mode" "$only" "$seconds"
echo "load after:  $(uptime)"
