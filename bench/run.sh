#!/bin/sh
# Builds MACM and runs the benchmarks: bench/run.sh [quick|full]  (default full, a few minutes).
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
JAVA_HOME=$("$here/scripts/find-java-home.sh")
export JAVA_HOME
cd "$here"
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl bench exec:exec -Dbench.args="${1:-full}"
