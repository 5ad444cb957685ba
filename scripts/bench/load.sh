#!/usr/bin/env bash
# Whole-call load benchmark: SIPp callers dial 100, press 2 (English) and 1 (sales) and talk to
# SIPp agents through a real Hotline server on loopback (IVR from scripts/bench/flows.yaml), at
# a fixed call rate. It measures calls attempted, succeeded
# and failed (SIPp's view), the call rate achieved, call-setup latency (INVITE -> 200 OK, the
# rtd on the caller scenario's 200 receive, from SIPp's -trace_rtt) median and 95th percentile,
# the server's CPU (mean/max, % of one core) and RSS (max), and the CDRs the server wrote, by
# outcome, and the screen-pop latency (offer to the CTI message ready, with the customer and history
# looked up; percentiles of hotline.cti.screenpop). It is a benchmark, not a test: it asserts
# nothing, it reports.
#
#   scripts/bench/load.sh                               # 20 calls/s, 400 calls, 8 s on the line
#   scripts/bench/load.sh --rate 50 --calls 1000 --talk 8000
#   RATE=50 CALLS=1000 scripts/bench/load.sh            # the same through the environment
#
# Options (flag, or the environment variable in brackets):
#   --rate N        [RATE]         calls started per second (default 20)
#   --calls N       [CALLS]        calls in all (default 400)
#   --talk MS       [TALK_MS]      how long a caller stays on the line from 0.5 s after the
#                                  answer (SIPp -d; default 8000). The caller's keys (sent
#                                  0.5 s and 1.2 s after the answer) queue the call at once,
#                                  so an agent is on the line for most of it
#   --agents N      [AGENTS]       demo agents to seed and register; default: 1.5 times the
#                                  agents busy at once, rate * (talk - 3 s) * 1.5 + 10
#   --limit N       [LIMIT]        most calls SIPp keeps up at once (default: --calls)
#   --sip-port P    [SIP_PORT]     server SIP port (default: a free one)
#   --http-port P   [HTTP_PORT]    server HTTP port (default: a free one)
#   --rtp-min P     [RTP_PORT_MIN] first server RTP port; the range is RTP_PORTS long
#                                  [RTP_PORTS; default: twice 2 legs of 2 ports for every call
#                                  up at once, rate * (talk + 1 s) * 8 + 200, at most 20000]
#                                  (default: a free range below 32768)
#   --agent-port P  [AGENT_PORT]   port of the answering agents' SIPp (default: a free one)
#   --caller-port P [CALLER_PORT]  port of the callers' SIPp (default: a free one)
#   --parallel N    [PARALLEL]     registrations at a time, one SIPp each (default 16)
#   --customers N   [CUSTOMERS]    import N generated customers (CSV, POST /api/customers/import)
#                                  before the calls, timing the import; callers 1000 to 9999 of
#                                  the run (numbers 1380013NNNN) are among them, so their
#                                  screen-pops find a customer (default 0: none)
#   --flood N       [FLOOD]        overload: once every call has been placed, a second SIPp at the
#                                  same (trusted) address starts N new calls a second to 100 for
#                                  --flood-seconds, while the calls are up (give --talk enough
#                                  for that); the server must refuse them with 503 and keep the
#                                  calls up. Reports the 503s, the drops and the heap (default 0: none)
#   --flood-seconds S [FLOOD_SECONDS] how long the flood lasts (default 20)
#   --out DIR       [OUT_DIR]      where logs, traces and samples go (default: a new /tmp dir)
#   --summary F     [SUMMARY_FILE] also write the results as key=value lines to F
#   --rebuild       [REBUILD=1]    build the server jar even if one exists
#   [HOTLINE_JAVA_OPTS]            JVM options of the server (default -Xmx1g)
#
# Needs a JDK 21+ (found like scripts/hotline does), SIPp and its DTMF pcap (Debian sip-tester),
# curl and ss. Binds 127.0.0.1 only. Everything it starts is stopped when it exits, and every
# step is bounded in time. The server jar and its lib/ are copied into the output folder first,
# so a rebuild in the tree during the run does not pull classes from under the server.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

rate=${RATE:-20}
calls=${CALLS:-400}
talk_ms=${TALK_MS:-8000}
agents=${AGENTS:-}
limit=${LIMIT:-}
sip_port=${SIP_PORT:-}
http_port=${HTTP_PORT:-}
rtp_min=${RTP_PORT_MIN:-}
rtp_ports=${RTP_PORTS:-}
agent_port=${AGENT_PORT:-}
caller_port=${CALLER_PORT:-}
parallel=${PARALLEL:-16}
customers=${CUSTOMERS:-0}
flood=${FLOOD:-0}
flood_s=${FLOOD_SECONDS:-20}
out=${OUT_DIR:-}
summary_file=${SUMMARY_FILE:-}
rebuild=${REBUILD:-0}

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --calls) calls=$2; shift 2 ;;
    --talk) talk_ms=$2; shift 2 ;;
    --agents) agents=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --sip-port) sip_port=$2; shift 2 ;;
    --http-port) http_port=$2; shift 2 ;;
    --rtp-min) rtp_min=$2; shift 2 ;;
    --agent-port) agent_port=$2; shift 2 ;;
    --caller-port) caller_port=$2; shift 2 ;;
    --parallel) parallel=$2; shift 2 ;;
    --customers) customers=$2; shift 2 ;;
    --flood) flood=$2; shift 2 ;;
    --flood-seconds) flood_s=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --summary) summary_file=$2; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "load.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
for v in rate calls talk_ms parallel; do
  [[ ${!v} =~ ^[0-9]+$ ]] && [ "${!v}" -gt 0 ] || { echo "load.sh: $v must be a positive whole number, got '${!v}'" >&2; exit 2; }
done
[[ $flood =~ ^[0-9]+$ ]] || { echo "load.sh: flood must be a whole number, got '$flood'" >&2; exit 2; }
[[ $flood_s =~ ^[0-9]+$ ]] && [ "$flood_s" -gt 0 ] || { echo "load.sh: flood-seconds must be a positive whole number, got '$flood_s'" >&2; exit 2; }
[[ $customers =~ ^[0-9]+$ ]] || { echo "load.sh: customers must be a whole number, got '$customers'" >&2; exit 2; }
[ "$customers" -le 1000000 ] || { echo "load.sh: at most 1000000 customers (one import)" >&2; exit 2; }
[ -n "$limit" ] || limit=$calls
if [ -z "$agents" ]; then
  busy_ms=$(( talk_ms > 4000 ? talk_ms - 3000 : 1000 )) # an agent is busy from the offer to the BYE
  agents=$(( (rate * busy_ms * 3 + 1999) / 2000 + 10 ))
  [ "$agents" -le 8999 ] || agents=8999
fi
# 2 legs of 2 ports for each call up at once, twice over: when the server falls behind, calls
# last longer than planned, and a full range turns INVITEs into 503s that measure the script
[ -n "$rtp_ports" ] || rtp_ports=$(( rate * (talk_ms + 1000) * 8 / 1000 + 200 ))
[ "$rtp_ports" -le 20000 ] || rtp_ports=20000

log() { echo "load.sh: $*" >&2; }
need() { command -v "$1" >/dev/null 2>&1 || { log "needs '$1' ($2)"; exit 1; }; }
need sipp "apt-get install sip-tester"
need curl "apt-get install curl"
need ss "apt-get install iproute2"
dtmf_pcap=/usr/share/sip-tester/dtmf_2833_1.pcap
[ -r "$dtmf_pcap" ] || { log "the caller scenario plays $dtmf_pcap (Debian sip-tester)"; exit 1; }

# --- cleanup: everything started here runs in its own session; stop each group by its id ---
server_pid=; uas_pid=; caller_pid=; reg_pid=; sampler_pid=; flood_pid=
# shellcheck source=common.sh
. "$root/scripts/bench/common.sh"
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -z "$sampler_pid" ] || { kill "$sampler_pid" 2>/dev/null || true; }
  stop_group "$caller_pid" 3
  stop_group "$flood_pid" 3
  stop_group "$reg_pid" 3
  stop_group "$uas_pid" 3
  stop_group "$server_pid" 15
  wait 2>/dev/null || true
  [ -z "$out" ] || rm -rf "$out/server/lib" "$out/server/hotline.jar" # the copies; logs and data stay
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck source=../lib/java.sh
. "$root/scripts/lib/java.sh"
hotline_find_java

prepare_out hotline-bench "$rebuild"
cp "$root"/scripts/sipp/*.xml "$out/sipp/" # SIPp writes its traces beside the scenario
cp -r "$root"/scripts/sipp/pcap "$out/sipp/" # the key presses the callers play

take sip_port 1
take http_port 1
take agent_port 1
take caller_port 1
take rtp_min "$rtp_ports"
pick 4; agent_media=$REPLY
pick 4; caller_media=$REPLY
flood_port=; [ "$flood" = 0 ] || { take flood_port 1; pick 4; flood_media=$REPLY; }
rtp_max=$((rtp_min + rtp_ports - 1))


# --- server ----------------------------------------------------------------------------------
# The administrator's password of this run: the reads of CDRs and metrics and the import log in.
admin_password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
log "output in $out"
log "server: SIP 127.0.0.1:$sip_port, HTTP $http_port, RTP $rtp_min-$rtp_max, $agents demo agents"
start_server "$out" "$sip_port" "$http_port" "$rtp_min" "$rtp_max" "$agents" -Dhotline.ivr.flows="$root/scripts/bench/flows.yaml"
jvm=$(pgrep -P "$server_pid" java 2>/dev/null || echo "$server_pid")
log "server up (pid $server_pid)"

# --- customers: a directory of the size asked, imported as an operator would -----------------
import_line="none imported"
if [ "$customers" -gt 0 ]; then
  # Callers 1000-9999 of the run call from 1380013NNNN: those numbers come first, the rest are
  # other valid mobiles (139...), each customer one number, levels spread as a contact center's.
  awk -v n="$customers" 'BEGIN {
    print "name,phone,level,category"
    split("VIP gold silver normal normal normal", levels, " ")
    for (i = 0; i < n; i++) {
      phone = i < 9000 ? sprintf("1380013%04d", 1000 + i) : sprintf("139%08d", i)
      printf "客户%d,%s,%s,retail\n", i, phone, levels[i % 6 + 1]
    }
  }' >"$out/customers.csv"
  log "importing $customers customers..."
  import_started=$(date +%s%N)
  import_status=$(curl -s -u "admin:$admin_password" -o "$out/import.json" -w '%{http_code}' --max-time 600 \
    -H 'Content-Type: text/csv; charset=utf-8' --data-binary @"$out/customers.csv" "$http/api/customers/import" || true)
  import_s=$(awk -v a="$import_started" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  [ "$import_status" = 200 ] || { log "the import answered $import_status: $(head -c 300 "$out/import.json")"; exit 1; }
  import_line="$customers rows ($(stat -c %s "$out/customers.csv") bytes) in ${import_s} s: $(head -c 200 "$out/import.json")"
  log "imported: $import_line"
fi

# --- agents: one SIPp answers for all; each agent registers with its own SIPp --------------
run_s=$(( (calls + rate - 1) / rate + talk_ms / 1000 + 10 ))
expires=300
[ $((run_s + 120)) -le 300 ] || expires=$(( run_s + 120 > 3600 ? 3600 : run_s + 120 ))
(
  cd "$out/sipp"
  exec setsid timeout -k 5 $((run_s + 300)) sipp -sf uas-agent-answer.xml -i 127.0.0.1 -p "$agent_port" \
    -mp "$agent_media" -nostdin -trace_stat -stf agents_stat.csv -fd 1 -trace_screen -screen_file agents_screen.log
) >"$out/sipp-agents.log" 2>&1 &
uas_pid=$!

log "registering $agents agents, $parallel at a time..."
reg_started=$SECONDS
(
  cd "$out/sipp"
  # one SIPp per agent; prints "ok USER" or "failed USER rc" for each
  exec setsid timeout -k 5 $((agents / parallel * 20 + 120)) xargs -P "$parallel" -I{} sh -c '
    if timeout -k 2 25 sipp 127.0.0.1:'"$sip_port"' -sf uac-register-agent-expect-200.xml -i 127.0.0.1 \
        -s {} -au {} -ap hotline -key contact_port '"$agent_port"' -key expires '"$expires"' \
        -m 1 -nostdin -timeout 20s >/dev/null 2>&1; then echo "ok {}"; else echo "failed {} $?"; fi' \
    < <(seq 1001 $((1000 + agents)))
) >"$out/registrations.log" 2>&1 &
reg_pid=$!
wait "$reg_pid" || true
reg_pid=
registered=$(grep -c '^ok ' "$out/registrations.log" || true)
reg_s=$((SECONDS - reg_started))
log "registered $registered of $agents agents in ${reg_s} s"
[ "$registered" -gt 0 ] || { log "no agent registered; see $out/registrations.log and $out/server.log"; exit 1; }
kill -0 "$uas_pid" 2>/dev/null || { log "the agents' SIPp is not running:"; tail -n 20 "$out/sipp-agents.log" >&2; exit 1; }

# --- sampler: server CPU ticks and RSS, and the whole machine's CPU, every second -----------
clk_tck=$(getconf CLK_TCK)
sample() {
  local t stat rss host
  while kill -0 "$server_pid" 2>/dev/null; do
    t=$(date +%s%N)
    stat=$(sed 's/.*) //' "/proc/$server_pid/stat" 2>/dev/null) || break
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status" 2>/dev/null) || break
    host=$(awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6 }' /proc/stat)
    # time_ns utime+stime_ticks rss_kb host_busy_ticks host_total_ticks heap_kb
    echo "$t $(echo "$stat" | awk '{ print $12 + $13 }') $rss $host $(heap_kb "$jvm")"
    sleep 1
  done
}

# --- callers ----------------------------------------------------------------------------------
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "calling: $calls calls at $rate/s, $talk_ms ms talk (load average before: $load_before)"
sample >"$out/samples.txt" 2>/dev/null &
sampler_pid=$!
call_started=$(date +%s%N)
(
  cd "$out/sipp"
  exec setsid timeout -k 5 $((run_s + 120)) sipp "127.0.0.1:$sip_port" -sf uac-call-100-english-sales-expect-agent.xml \
    -s 100 -i 127.0.0.1 -p "$caller_port" -mp "$caller_media" -nostdin \
    -r "$rate" -m "$calls" -l "$limit" -d "$talk_ms" -recv_timeout 30s -timeout "$((run_s + 90))s" \
    -trace_stat -stf callers_stat.csv -fd 1 -trace_rtt -rtt_freq 1 \
    -trace_screen -screen_file callers_screen.log -trace_err -error_file callers_errors.log
) >"$out/sipp-callers.log" 2>&1 &
caller_pid=$!
if [ "$flood" -gt 0 ]; then
  (
    sleep $(( (calls + rate - 1) / rate + 2 )) # every call placed
    cd "$out/sipp"
    exec setsid timeout -k 5 $((flood_s + 60)) sipp "127.0.0.1:$sip_port" -sf uac-invite-flood.xml \
      -s 100 -i 127.0.0.1 -p "$flood_port" -mp "$flood_media" -nostdin \
      -r "$flood" -m $((flood * flood_s)) -l $((flood * flood_s)) -recv_timeout 5s -timeout "$((flood_s + 40))s" \
      -trace_stat -stf flood_stat.csv -fd 1
  ) >"$out/sipp-flood.log" 2>&1 &
  flood_pid=$!
fi
caller_rc=0
wait "$caller_pid" || caller_rc=$?
[ -z "$flood_pid" ] || { wait "$flood_pid" || true; flood_pid=; }
caller_pid=
call_s=$(awk -v a="$call_started" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
kill "$sampler_pid" 2>/dev/null || true
wait "$sampler_pid" 2>/dev/null || true
sampler_pid=
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- results -----------------------------------------------------------------------------------
# SIPp's cumulative counters: the last line of the statistics file, columns found by name.
stat_col() { # file column-name: the value in the last line
  awk -F';' -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { if (c) print $c + 0; else print 0 }' "$1" 2>/dev/null || echo 0
}
stats="$out/sipp/callers_stat.csv"
attempted=$(stat_col "$stats" "OutgoingCall(C)")
succeeded=$(stat_col "$stats" "SuccessfulCall(C)")
failed=$(stat_col "$stats" "FailedCall(C)")
[ "$attempted" -gt 0 ] || attempted=$(stat_col "$stats" "TotalCallCreated")
agent_calls=$(stat_col "$out/sipp/agents_stat.csv" "IncomingCall(C)")

# INVITE -> 200 OK per call (ms): SIPp's rtt trace, "date_ms;response_time_ms;rtd_name" lines.
rtt=$(ls "$out"/sipp/uac-call-100-english-sales-expect-agent_*_rtt.csv 2>/dev/null | head -n1 || true)
if [ -n "$rtt" ]; then
  awk -F';' '$1 ~ /^[0-9.]+$/ { print $2 }' "$rtt" | sort -g >"$out/setup_ms.txt"
  awk -F';' '$1 ~ /^[0-9.]+$/ { print $1 }' "$rtt" | sort -g >"$out/setup_at_ms.txt"
else
  : >"$out/setup_ms.txt"; : >"$out/setup_at_ms.txt"
fi
pct() { # file p: nearest-rank percentile of sorted numbers
  awk -v p="$2" '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } r = int(p / 100 * NR + 0.999999); if (r < 1) r = 1; printf "%.1f", v[r] }' "$1"
}
setup_n=$(wc -l <"$out/setup_ms.txt")
setup_p50=$(pct "$out/setup_ms.txt" 50)
setup_p95=$(pct "$out/setup_ms.txt" 95)
setup_max=$(pct "$out/setup_ms.txt" 100)
# achieved rate: answered INVITEs per second over the span in which they were answered
cps=$(awk 'NR == 1 { a = $1 } { b = $1 } END { if (NR > 1 && b > a) printf "%.1f", (NR - 1) * 1000 / (b - a); else print "n/a" }' "$out/setup_at_ms.txt")

read -r cpu_mean cpu_max rss_max host_busy samples heap_max < <(awk -v hz="$clk_tck" '
  NR > 1 && $1 > t {
    c = ($2 - k) / hz / (($1 - t) / 1e9) * 100; n++; s += c; if (c > m) m = c
    if ($5 > ht) { hb += $4 - hb0; htt += $5 - ht }
  }
  { t = $1; k = $2; if ($3 > r) r = $3; hb0 = $4; ht = $5; if ($6 > h) h = $6 }
  END { if (n == 0) { print "n/a n/a", (r ? sprintf("%.0f", r / 1024) : "n/a"), "n/a", 0, "n/a"; exit }
        printf "%.0f %.0f %.0f %.0f %d %s\n", s / n, m, r / 1024, (htt ? hb / htt * 100 : 0), n, (h ? sprintf("%.0f", h / 1024) : "n/a") }' "$out/samples.txt")

# CDRs: wait (bounded) until every attempted call has one, or the count stops growing.
cdr_json=
cdrs=0; last=-1; stable=0; deadline=$((SECONDS + 30))
while [ "$SECONDS" -lt "$deadline" ]; do
  cdr_json=$(curl -s -u "admin:$admin_password" --max-time 10 "$http/api/cdrs" || true)
  cdrs=$(printf '%s' "$cdr_json" | { grep -o '"outcome":"[^"]*"' || true; } | wc -l)
  [ "$cdrs" -lt "$attempted" ] || break
  if [ "$cdrs" = "$last" ]; then stable=$((stable + 1)); [ "$stable" -lt 10 ] || break; else stable=0; fi
  last=$cdrs
  sleep 0.5
done
printf '%s' "$cdr_json" >"$out/cdrs.json"
outcomes=$(printf '%s' "$cdr_json" | { grep -o '"outcome":"[^"]*"' || true; } | sed 's/"outcome":"\(.*\)"/\1/' | sort | uniq -c |
  awk '{ printf "%s%s=%s", sep, $2, $1; sep = " " }')
answered=$(printf '%s' "$cdr_json" | { grep -o '"outcome":"answered"' || true; } | wc -l)
# Calls still ending (a flood's, their CDRs queued behind the others): wait, bounded, for none.
deadline=$((SECONDS + 60))
while :; do
  curl -s -u "admin:$admin_password" --max-time 10 "$http/metrics" >"$out/metrics.txt" || true
  awk '$1 == "hotline_calls_active" || index($1, "hotline_calls_active{") == 1 { s += $2 } END { exit !(s == 0) }' "$out/metrics.txt" &&
    break
  [ "$SECONDS" -lt "$deadline" ] || break
  sleep 1
done
metric() { awk -v n="$1" '$1 == n || index($1, n "{") == 1 { s += $2 } END { print s + 0 }' "$out/metrics.txt"; }
cdr_lost=$(metric hotline_cdr_lost_total)
flood_line="no flood"
if [ "$flood" -gt 0 ]; then
  flood_line="$flood new calls/s for ${flood_s} s beside the calls up: $(stat_col "$out/sipp/flood_stat.csv" "OutgoingCall(C)") sent;\
 server refused $(metric hotline_sip_refused_total) with 503 ($(awk '/^hotline_sip_refused_total\{/ { sub(/.*reason="/, ""); sub(/".*} /, "="); printf "%s ", $0 }' "$out/metrics.txt")), dropped $(metric hotline_sip_dropped_total) unread"
fi
listener_errors=$(metric hotline_sip_listener_errors_total)
still_active=$(metric hotline_calls_active) # calls the server still holds after the callers ended
srv_answer=$(awk '$1 == "hotline_sip_invite_answer_seconds_count" { n = $2 } $1 == "hotline_sip_invite_answer_seconds_sum" { s = $2 }
  $1 == "hotline_sip_invite_answer_seconds_max" { m = $2 } END { if (n > 0) printf "mean %.1f ms, max %.1f ms", s / n * 1000, m * 1000; else print "n/a" }' "$out/metrics.txt")
# Screen-pops: offer to the CTI message ready (customer, tickets and history looked up), the
# timer's percentiles as the server publishes them.
screenpop=$(awk '
  index($1, "hotline_cti_screenpop_seconds{") == 1 && match($1, /quantile="[0-9.]+"/) {
    q = substr($1, RSTART + 10, RLENGTH - 11); v[q] = $2 }
  $1 == "hotline_cti_screenpop_seconds_count" { n = $2 }
  $1 == "hotline_cti_screenpop_seconds_max" { m = $2 }
  END { if (n > 0) printf "p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   max %.1f ms   (%d pops)", v["0.5"] * 1000, v["0.95"] * 1000, v["0.99"] * 1000, m * 1000, n; else print "n/a" }' "$out/metrics.txt")
screenpop_failed=$(metric hotline_cti_screenpop_failed_total)
# WARN/ERROR lines once the server is up (JAIN-SIP warns about TLS defaults while starting)
sed -n '/Hotline is up/,$p' "$out/server.log" | { grep -E '^[0-9:.]+ +(WARN|ERROR) ' || true; } >"$out/server-warnings.log"
server_warn=$(wc -l <"$out/server-warnings.log")

ok=yes
[ "$failed" -eq 0 ] && [ "$succeeded" -eq "$calls" ] && [ "$answered" -eq "$calls" ] && [ "$still_active" = 0 ] || ok=no

cat <<EOF

===================== Hotline load: $rate calls/s, $calls calls, ${talk_ms} ms talk =====================
 machine          $(nproc) cores; load average before $load_before, after $load_after; whole-machine CPU busy ${host_busy}% during calls
 agents           $registered of $agents registered (in ${reg_s} s); agents' SIPp took $agent_calls calls
 calls            attempted $attempted   succeeded $succeeded   failed $failed   (SIPp exit $caller_rc)
 rate             achieved $cps calls/s (INVITEs answered per second; asked $rate); callers ran ${call_s} s
 call setup       INVITE -> 200 OK: median $setup_p50 ms   p95 $setup_p95 ms   max $setup_max ms   ($setup_n samples)
 server CPU       mean ${cpu_mean}%   max ${cpu_max}%   (% of one core, $samples one-second samples)
 server memory    RSS max $rss_max MB   heap in use max $heap_max MB
 overload         $flood_line
 CDRs             $cdrs   ${outcomes:-none}
 server side      INVITE received -> 200 OK sent: $srv_answer (hotline.sip.invite.answer)
 screen-pops      offer -> message ready: $screenpop; without lookups $screenpop_failed
 customers        $import_line
 server health    calls still active $still_active   WARN/ERROR log lines $server_warn   cdr lost $cdr_lost   SIP listener errors $listener_errors
 all answered     $ok
 output           $out
=========================================================================================================
EOF
if [ "$ok" = no ] || [ "$server_warn" -gt 0 ]; then
  echo "Most frequent WARN/ERROR lines of the server (time, thread and call id left out):"
  sed -E 's/^[0-9:.]+ +//; s/\[[^]]*\] //' "$out/server-warnings.log" | sort | uniq -c | sort -rn | head -n 8 || true
  [ ! -s "$out/sipp/callers_errors.log" ] || echo "SIPp callers' unexpected messages: $out/sipp/callers_errors.log"
fi

if [ -n "$summary_file" ]; then
  cat >"$summary_file" <<EOF
rate=$rate
calls=$calls
talk_ms=$talk_ms
agents=$agents
registered=$registered
attempted=$attempted
succeeded=$succeeded
failed=$failed
cps=$cps
setup_p50_ms=$setup_p50
setup_p95_ms=$setup_p95
setup_max_ms=$setup_max
cpu_mean=$cpu_mean
cpu_max=$cpu_max
rss_max_mb=$rss_max
heap_max_mb=$heap_max
host_busy=$host_busy
load_before=$load_before
cdrs=$cdrs
outcomes=$outcomes
answered=$answered
server_warn=$server_warn
still_active=$still_active
ok=$ok
out=$out
EOF
fi
