#!/usr/bin/env bash
# Measures the RTP relay on loopback: bridged pairs of real media endpoints on 127.0.0.1, phone
# A of each pair sending 20 ms RTP that the server relays to phone B. Prints packets relayed per
# second, per core of RTP event loop, and the delay the relay adds (median and 99th percentile,
# next to the same path phone to phone). A measurement, not a test: it asserts nothing.
# The per-packet cost without sockets is the JMH benchmark: scripts/bench/jmh.sh sip RelayBenchmark
#
#   scripts/bench/relay.sh                                  # 200 pairs at 50 packets/s, 10 s
#   scripts/bench/relay.sh --pairs 500 --transcode          # PCMU in, PCMA out
#   scripts/bench/relay.sh --pairs 50 --rate 0 --seconds 5  # flood: the ceiling per core
#
# Options: --pairs N (bridged calls), --rate R (packets/s per stream; 0 floods), --seconds S,
# --threads T (RTP event loops), --transcode, --ports P (first RTP port of the server, 30000).
# Environment: JAVA_HOME (else the one on PATH), MVN_OPTS (extra Maven options, e.g. -o for
# offline), SKIP_BUILD=1 (reuse the last build).
set -euo pipefail
if [ "${1:-}" = -h ] || [ "${1:-}" = --help ]; then
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
  exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B ${MVN_OPTS:-} -pl sip -am install -DskipTests
fi
./mvnw -q -B ${MVN_OPTS:-} -pl sip dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
cp="$root/sip/target/test-classes:$root/sip/target/classes:$(cat "$out/classpath.txt")"

exec "$java" -cp "$cp" org.hotline.sip.media.RelayLoopback "$@"
