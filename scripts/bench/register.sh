#!/usr/bin/env bash
# REGISTER load benchmark: SIPp phones register with digest authentication (REGISTER, 401,
# REGISTER with credentials, 200) through a real Hotline server on loopback, at rising rates, a
# fixed time each, one server for all steps. Per step it prints registrations offered and answered
# per second, failures (no 200: a 503 of the overload control, or no answer), the time of a whole
# registration (first REGISTER to 200, both round trips) median and p95, the 503s and the
# datagrams dropped, the server's CPU (% of one core) and the largest heap and RSS seen. It is a
# benchmark, not a test: it asserts nothing, it reports.
#
#   scripts/bench/register.sh                                 # 1000 2000 3000 4000 5000 50000 /s, 10 s each
#   scripts/bench/register.sh --rates "1000 16000" --seconds 20
#
# Options (flag, or the environment variable in brackets):
#   --rates "R1 R2 ..."  [RATES]        registrations offered per second, one step each
#                                       (default "1000 2000 3000 4000 5000 50000")
#   --seconds S          [SECONDS_STEP] seconds each step offers its rate (default 10)
#   --users N            [USERS]        demo agents registering in turn (default 200)
#   --pause S            [PAUSE]        seconds between steps, for the server to settle (default 10)
#   --warmup S           [WARMUP]       seconds of registrations at 400/s before the steps, not
#                                       reported, so the steps measure a server past its JIT
#                                       warm-up (default 20; 0: none, the first step meets a cold
#                                       server, as phones do when they all re-register after a restart)
#   --out DIR            [OUT_DIR]      where logs and SIPp traces go (default: a new /tmp dir)
#   [HOTLINE_JAVA_OPTS]                 JVM options of the server (default -Xmx1g)
#
# The phones all send from 127.0.0.1, which the server is told to trust (as it would trust a
# session border controller in front of many phones), so the per-source rate limits stay out of
# the measure and the overload control is what answers past capacity. Needs a JDK 21+, SIPp
# (Debian sip-tester), curl and ss. Binds 127.0.0.1 only; everything it starts is stopped when it
# exits, and every step is bounded in time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

rates=${RATES:-1000 2000 3000 4000 5000 50000}
seconds=${SECONDS_STEP:-10}
users=${USERS:-200}
pause=${PAUSE:-10}
warmup=${WARMUP:-20}
out=${OUT_DIR:-}
sip_port=; http_port=; phone_port=
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rates) rates=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --pause) pause=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "register.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ $warmup =~ ^[0-9]+$ ]] || { echo "register.sh: warmup must be a whole number, got '$warmup'" >&2; exit 2; }
for v in seconds users pause; do
  [[ ${!v} =~ ^[0-9]+$ ]] && [ "${!v}" -gt 0 ] || { echo "register.sh: $v must be a positive whole number, got '${!v}'" >&2; exit 2; }
done
[ "$users" -le 8999 ] || { echo "register.sh: at most 8999 users" >&2; exit 2; }

log() { echo "register.sh: $*" >&2; }
for tool in sipp curl ss; do
  command -v "$tool" >/dev/null 2>&1 || { log "needs '$tool'"; exit 1; }
done

server_pid=; sipp_pid=; sampler_pid=
# shellcheck source=common.sh
. "$root/scripts/bench/common.sh"
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -z "$sampler_pid" ] || { kill "$sampler_pid" 2>/dev/null || true; }
  stop_group "$sipp_pid" 3
  stop_group "$server_pid" 15
  wait 2>/dev/null || true
  [ -z "$out" ] || rm -rf "$out/server/lib" "$out/server/hotline.jar"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck source=../lib/java.sh
. "$root/scripts/lib/java.sh"
hotline_find_java
prepare_out hotline-register 0
cp "$root/scripts/sipp/uac-register-digest-users-expect-200.xml" "$out/sipp/"
{
  echo SEQUENTIAL
  for i in $(seq 1001 $((1000 + users))); do echo "$i;[authentication username=$i password=hotline]"; done
} >"$out/sipp/users.csv"

take sip_port 1
take http_port 1
take phone_port 1
pick 200; rtp_min=$REPLY

admin_password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
start_server "$out" "$sip_port" "$http_port" "$rtp_min" $((rtp_min + 199)) "$users"
jvm=$(pgrep -P "$server_pid" java 2>/dev/null || echo "$server_pid")
log "server up (pid $jvm), SIP 127.0.0.1:$sip_port, $users users; output in $out"

metric() { # name: the sum of a metric's series
  curl -s -u "admin:$admin_password" --max-time 5 "$http/metrics" |
    awk -v n="$1" '$1 == n || index($1, n "{") == 1 { s += $2 } END { print s + 0 }'
}
sample() { # every second: utime+stime ticks, RSS kB, heap used kB
  while kill -0 "$jvm" 2>/dev/null; do
    echo "$(date +%s%N) $(sed 's/.*) //' "/proc/$jvm/stat" | awk '{ print $12 + $13 }') \
$(awk '/^VmRSS:/ { print $2 }' "/proc/$jvm/status") \
$(heap_kb "$jvm")"
    sleep 1
  done
}
pct() { # file p: nearest-rank percentile of sorted numbers
  awk -v p="$2" '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } r = int(p / 100 * NR + 0.999999); if (r < 1) r = 1; printf "%.1f", v[r] }' "$1"
}
stat_col() { # file column: the value in the last line
  awk -F';' -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { if (c) print $c + 0; else print 0 }' "$1" 2>/dev/null || echo 0
}

clk_tck=$(getconf CLK_TCK)
if [ "$warmup" -gt 0 ]; then
  log "warming up: $warmup s at 400 registrations/s"
  (cd "$out/sipp" && timeout -k 5 $((warmup + 40)) sipp "127.0.0.1:$sip_port" -sf uac-register-digest-users-expect-200.xml \
    -inf users.csv -i 127.0.0.1 -p "$phone_port" -r 400 -m $((400 * warmup)) -nostdin -timeout $((warmup + 30))s \
    >"$out/warmup.log" 2>&1) || true
  sleep "$pause"
fi
printf '\n%-8s %-10s %-8s %-8s %-9s %-9s %-9s %-9s %-8s %-9s %-8s\n' \
  offered answered/s failed p50_ms p95_ms refused dropped cpu_% heap_MB rss_MB health
for rate in $rates; do
  [[ $rate =~ ^[0-9]+$ ]] && [ "$rate" -gt 0 ] || { log "a rate must be a positive whole number, got '$rate'"; exit 2; }
  step="$out/step-$rate"
  mkdir -p "$step"
  refused_before=$(metric hotline_sip_refused_total)
  dropped_before=$(metric hotline_sip_dropped_total)
  sample >"$step/samples.txt" 2>/dev/null &
  sampler_pid=$!
  (
    cd "$out/sipp"
    exec setsid timeout -k 5 $((seconds + 40)) sipp "127.0.0.1:$sip_port" -sf uac-register-digest-users-expect-200.xml \
      -inf users.csv -i 127.0.0.1 -p "$phone_port" -r "$rate" -m $((rate * seconds)) -l $((rate * 10)) \
      -nostdin -timeout $((seconds + 30))s -recv_timeout 5s -max_recv_loops 10000 -max_sched_loops 10000 \
      -trace_stat -stf "$step/stat.csv" -fd 1 -trace_rtt -rtt_freq 1
  ) >"$step/sipp.log" 2>&1 &
  sipp_pid=$!
  wait "$sipp_pid" || true
  sipp_pid=
  # SIPp names its latency trace after the scenario and its pid, beside the scenario
  mv "$out"/sipp/uac-register-digest-users-expect-200_*_rtt.csv "$step/rtt.csv" 2>/dev/null || : >"$step/rtt.csv"
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  sampler_pid=
  ok=$(stat_col "$step/stat.csv" "SuccessfulCall(C)")
  failed=$(stat_col "$step/stat.csv" "FailedCall(C)")
  awk -F';' '$1 ~ /^[0-9.]+$/ { print $2 }' "$step/rtt.csv" 2>/dev/null | sort -g >"$step/ms.txt" || : >"$step/ms.txt"
  span=$(awk -F';' '$1 ~ /^[0-9.]+$/ { if (!a) a = $1; b = $1 } END { print (b > a ? (b - a) / 1000 : 0) }' "$step/rtt.csv" 2>/dev/null || echo 0)
  per_s=$(awk -v n="$ok" -v s="$span" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
  read -r cpu heap rss < <(awk -v hz="$clk_tck" '
    NR > 1 && $1 > t { c = ($2 - k) / hz / (($1 - t) / 1e9) * 100; n++; s += c }
    { t = $1; k = $2; if ($3 > r) r = $3; if ($4 > h) h = $4 }
    END { printf "%.0f %.0f %.0f\n", (n ? s / n : 0), h / 1024, r / 1024 }' "$step/samples.txt")
  health=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$http/health" || true)
  printf '%-8s %-10s %-8s %-8s %-9s %-9s %-9s %-9s %-8s %-9s %-8s\n' "$rate" "$per_s" "$failed" \
    "$(pct "$step/ms.txt" 50)" "$(pct "$step/ms.txt" 95)" \
    "$(awk -v a="$(metric hotline_sip_refused_total)" -v b="$refused_before" 'BEGIN { print a - b }')" \
    "$(awk -v a="$(metric hotline_sip_dropped_total)" -v b="$dropped_before" 'BEGIN { print a - b }')" \
    "$cpu" "$heap" "$rss" "$health"
  kill -0 "$jvm" 2>/dev/null || { log "the server died:"; tail -n 20 "$out/server.log" >&2; exit 1; }
  sleep "$pause"
done
echo
echo "answered/s: successful registrations per second; failed: SIPp calls without a 200 (503s, timeouts);"
echo "p50/p95: first REGISTER to 200 OK; refused: 503s sent; dropped: datagrams dropped unread; output in $out"
