#!/usr/bin/env bash
# Runs a JMH benchmark that lives in a module's src/test (e.g. core's AcdBenchmark): builds the
# module and what it needs, puts its test classpath together with Maven, and runs
# org.openjdk.jmh.Main with short settings that still give stable medians and 99th percentiles.
# A benchmark, not a test: it asserts nothing, it prints JMH's figures.
#
#   scripts/bench/jmh.sh core AcdBenchmark                 # sample time: median, p99, ...
#   scripts/bench/jmh.sh core AcdBenchmark.callArrives -p agents=100000
#   JMH_OPTS="-f 2 -wi 5 -i 10" scripts/bench/jmh.sh core AcdBenchmark   # longer, steadier
#
# Arguments: MODULE, then a benchmark regex, then any further JMH options (they win over the
# defaults). Environment: JMH_OPTS (extra JMH options), JAVA_HOME (else the one on PATH),
# MVN_OPTS (extra Maven options, e.g. -o for offline).
set -euo pipefail
if [ $# -lt 2 ] || [ "$1" = -h ] || [ "$1" = --help ]; then
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
  exit 2
fi
module=$1
bench=$2
shift 2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Build the module's classes and test classes (JMH's generated harness comes from the test compile).
./mvnw -q -B ${MVN_OPTS:-} -pl "$module" -am install -DskipTests
./mvnw -q -B ${MVN_OPTS:-} -pl "$module" dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
cp="$root/$module/target/test-classes:$root/$module/target/classes:$(cat "$out/classpath.txt")"

# Defaults: 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement, sample time in ns; -foe stops on error.
# shellcheck disable=SC2086
exec "$java" -cp "$cp" org.openjdk.jmh.Main "$bench" \
  -f 1 -wi 3 -w 1s -i 5 -r 1s -bm sample -tu ns -foe true \
  ${JMH_OPTS:-} "$@"
