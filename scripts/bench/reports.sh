#!/usr/bin/env bash
# Times the supervisor reports on a month of generated calls: builds core and its test classes,
# generates CDRS CDRs (default 1,000,000) and their agents' state changes into an H2 file
# database created through the Flyway migrations, then prints the time of the daily summary, the
# volume by day and queue over the month, the agent report of a day and the hourly volume of a day,
# each cold (first run after opening the database) and warm (median, min and max of further runs),
# wall clock and CPU time of the querying thread. The daily summary is expected under a second.
# A benchmark, not a test: it asserts nothing. The database lives in a temporary folder removed at
# the end, whatever happens; the run is stopped after TIMEOUT (default 20m).
#
#   scripts/bench/reports.sh                 # 1,000,000 CDRs, 5 warm runs
#   CDRS=100000 WARM=10 scripts/bench/reports.sh
#
# Environment: CDRS, WARM, TIMEOUT, TMPDIR (where the database goes; needs about 5 GB free for a million CDRs),
# JAVA_HOME (else the one on PATH), MVN_OPTS (extra Maven options, e.g. -o for offline).
set -euo pipefail
if [ "${1:-}" = -h ] || [ "${1:-}" = --help ]; then
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
  exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
cdrs=${CDRS:-1000000}
warm=${WARM:-5}

work=$(mktemp -d "${TMPDIR:-/tmp}/hotline-reports-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
free_kb=$(df -Pk "$work" | awk 'NR == 2 {print $4}')
need_kb=$(( cdrs * 5 + 200000 ))
if [ "$free_kb" -lt "$need_kb" ]; then
  echo "reports.sh: $((free_kb / 1024)) MB free in $work, $((need_kb / 1024)) MB needed for $cdrs CDRs" >&2
  exit 1
fi

# Core's classes and test classes (the benchmark lives beside the reports it measures).
./mvnw -q -B ${MVN_OPTS:-} -pl core -am test-compile
./mvnw -q -B ${MVN_OPTS:-} -pl core dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
cp="$root/core/target/test-classes:$root/core/target/classes:$root/config/target/classes:$(cat "$work/classpath.txt")"
cat >"$work/logback.xml" <<'XML'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="out"/></root>
</configuration>
XML

timeout "${TIMEOUT:-20m}" "$java" -Xmx1g -Dlogback.configurationFile="$work/logback.xml" -cp "$cp" \
  org.hotline.core.report.ReportsBenchmark "$work/db" "$cdrs" "$warm"
echo "database size: $(du -sh "$work/db" | cut -f1) (removed)"
