#!/usr/bin/env bash
# Steps the call rate with scripts/bench/load.sh (a fresh server for every step, a fixed
# duration each) and reports, per rate, calls attempted/succeeded/failed, the rate achieved,
# call-setup latency (INVITE -> 200 OK) median and p95, server CPU and RSS, and the CDR
# outcomes; then the highest rate held with zero failures: every lower step and this one had
# no failed SIPp call, every call ended 'answered' by an agent in its CDR, and no call was
# left up on the server.
#
#   scripts/bench/find-max-rate.sh                          # 10 20 40 60 80 100 calls/s, 20 s each
#   RATES="20 50 100" DURATION=30 scripts/bench/find-max-rate.sh
#
# Options (flag, or the environment variable in brackets):
#   --rates "R1 R2 ..."  [RATES]       rates to try, in calls/s (default "10 20 40 60 80 100")
#   --duration S         [DURATION]    seconds of calls per step: calls = rate * S (default 20)
#   --talk MS            [TALK_MS]     passed to load.sh (default 8000)
#   --keep-going         [KEEP_GOING=1] try every rate; by default it stops after the first
#                                      step that fails
#   --out DIR            [OUT_DIR]     one folder per step below DIR (default: a new /tmp dir)
#   [PAUSE]              seconds to let the machine settle between steps (default 5)
# Any other environment load.sh reads (AGENTS, PARALLEL, HOTLINE_JAVA_OPTS, ...) passes through.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

rates=${RATES:-10 20 40 60 80 100}
duration=${DURATION:-20}
talk_ms=${TALK_MS:-8000}
keep_going=${KEEP_GOING:-0}
out=${OUT_DIR:-}
pause=${PAUSE:-5}
while [ $# -gt 0 ]; do
  case "$1" in
    --rates) rates=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --talk) talk_ms=$2; shift 2 ;;
    --keep-going) keep_going=1; shift ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "find-max-rate.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] || out=$(mktemp -d "${TMPDIR:-/tmp}/hotline-maxrate.XXXXXX")
mkdir -p "$out"
unset RATE CALLS OUT_DIR SUMMARY_FILE LIMIT # per step, from here

echo "find-max-rate: rates $rates calls/s, ${duration} s each, ${talk_ms} ms talk; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); output in $out" >&2
started=$SECONDS
tried=()
for r in $rates; do
  step="$out/rate-$r"
  mkdir -p "$step"
  echo "find-max-rate: --- $r calls/s ---" >&2
  # bounded: the calls, the talk, server start, registrations and CDR collection
  timeout -k 10 $((duration + talk_ms / 1000 + 300)) "$here/load.sh" --rate "$r" --calls $((r * duration)) \
    --talk "$talk_ms" --out "$step" --summary "$step/summary.txt" 2>&1 | tee "$step/load.log" || true
  tried+=("$r")
  ok=$(sed -n 's/^ok=//p' "$step/summary.txt" 2>/dev/null || true)
  [ "$ok" = yes ] || [ "$keep_going" = 1 ] || { echo "find-max-rate: $r calls/s failed; stopping (--keep-going tries the rest)" >&2; break; }
  sleep "$pause"
done

get() { sed -n "s/^$2=//p" "$1" 2>/dev/null | head -n1; }
held=none; broken=
echo
echo "=================== Hotline: highest call rate with zero failures (${duration} s a step, ${talk_ms} ms talk) ==================="
printf '%6s %9s %9s %7s %8s %7s %9s %8s %12s %8s %6s %6s %s\n' \
  "rate" "attempted" "succeeded" "failed" "cps" "agents" "setup p50" "p95 ms" "CPU mean/max" "RSS MB" "host%" "load" "CDRs"
for r in "${tried[@]}"; do
  f="$out/rate-$r/summary.txt"
  if [ ! -s "$f" ]; then
    printf '%6s %s\n' "$r" "(no result: see $out/rate-$r/load.log)"
    broken=1
    continue
  fi
  printf '%6s %9s %9s %7s %8s %7s %9s %8s %12s %8s %6s %6s %s\n' "$r" "$(get "$f" attempted)" "$(get "$f" succeeded)" \
    "$(get "$f" failed)" "$(get "$f" cps)" "$(get "$f" registered)" "$(get "$f" setup_p50_ms)" "$(get "$f" setup_p95_ms)" \
    "$(get "$f" cpu_mean)/$(get "$f" cpu_max)%" "$(get "$f" rss_max_mb)" "$(get "$f" host_busy)" "$(get "$f" load_before | cut -d' ' -f1)" "$(get "$f" cdrs): $(get "$f" outcomes); active after: $(get "$f" still_active)"
  if [ "$(get "$f" ok)" = yes ] && [ -z "$broken" ]; then held=$r; else broken=1; fi
done
echo "highest rate held with zero failed calls (all CDRs 'answered'): $held calls/s"
echo "(CPU: server, % of one core of $(nproc); host%: whole machine busy during the calls; load: 1-min load average before the step; took $((SECONDS - started)) s; output $out)"
