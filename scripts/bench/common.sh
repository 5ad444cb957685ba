# Shell functions the benchmark scripts share: stopping what they started, and picking free
# loopback ports. Sourced, not run.


stop_group() { # pid [grace seconds]: TERM the process group, KILL it if still there
  local pid=$1 grace=${2:-5} i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq $((grace * 10))); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

# --- ports: free now on loopback (UDP and TCP), and not overlapping each other -------------
reserved=()
in_use() { # ports in use on this machine, one a line
  ss -Hantu 2>/dev/null | awk '{ n = split($5, a, ":"); print a[n] }' | sort -un
}
range_free() { # base n: true when [base, base+n) is unused and unreserved
  local base=$1 n=$2 r
  for r in "${reserved[@]}"; do
    local rb=${r%:*} rn=${r#*:}
    [ $((base + n)) -le "$rb" ] || [ "$base" -ge $((rb + rn)) ] || return 1
  done
  ! in_use | awk -v lo="$base" -v hi=$((base + n)) '$1 >= lo && $1 < hi { found = 1 } END { exit !found }'
}
pick() { # n: sets REPLY to the first port of n free ones (even)
  local n=$1 base attempt
  for attempt in $(seq 200); do
    # below the kernel's ephemeral range (32768-), so other programs' outgoing sockets do not
    # land in it while the benchmark runs
    base=$(( (10000 + ((RANDOM << 15 | RANDOM) % (22768 - n))) & ~1 ))
    if range_free "$base" "$n"; then
      reserved+=("$base:$n")
      REPLY=$base
      return 0
    fi
  done
  log "no free range of $n ports found"
  exit 1
}
take() { # varname n: keeps a given port (reserving it) or picks a free one
  local var=$1 n=$2
  if [ -n "${!var}" ]; then
    reserved+=("${!var}:$n")
  else
    pick "$n"
    printf -v "$var" '%s' "$REPLY"
  fi
}

# --- the server under test ---------------------------------------------------------------------
# copy_server OUT REBUILD: builds the server jar when it is missing (or REBUILD is 1) and copies it
# and its lib/ into OUT/server, so a rebuild in the tree during the run does not pull classes from
# under the server. Needs $root and a log function.
copy_server() {
  local jar="$root/admin/target/hotline.jar"
  if [ ! -f "$jar" ] || [ "$2" = 1 ]; then
    log "building the server jar..."
    (cd "$root" && timeout 900 ./mvnw -o -B -q package -DskipTests)
  fi
  mkdir -p "$1/server"
  cp "$jar" "$1/server/hotline.jar"
  cp -r "$root/admin/target/lib" "$1/server/lib"
}

heap_kb() { # pid: the JVM's heap in use now, kB (jcmd GC.heap_info), empty when it cannot tell
  "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info 2>/dev/null |
    awk '/ heap / && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); print v; exit } }'
}

# prepare_out NAME REBUILD: sets out to the run's folder (the one asked for, or a new one under
# $TMPDIR named after NAME), made absolute with its sipp/ folder, and copies the server into it.
prepare_out() {
  [ -n "$out" ] || out=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  mkdir -p "$out/sipp"
  out=$(cd "$out" && pwd)
  copy_server "$out" "$2"
}

# start_server OUT SIP_PORT HTTP_PORT RTP_MIN RTP_MAX AGENTS [-Dkey=value ...]: starts the copied
# server on 127.0.0.1 in its own session (demo agents with password 'hotline', the admin password
# $admin_password, 127.0.0.1 trusted: the load comes from one address that stands for many phones),
# sets server_pid and http, and waits (90 s at most) for /health to answer 200.
start_server() {
  local dir=$1 sip=$2 web=$3 rtp_lo=$4 rtp_hi=$5 demo=$6
  shift 6
  (
    cd "$dir/server"
    # shellcheck disable=SC2086 # HOTLINE_JAVA_OPTS is a list of JVM options
    exec setsid "$JAVA_HOME/bin/java" ${HOTLINE_JAVA_OPTS:--Xmx1g} \
      -Dhotline.sip.host=127.0.0.1 -Dhotline.sip.port="$sip" \
      -Dhotline.http.host=127.0.0.1 -Dhotline.http.port="$web" \
      -Dhotline.rtp.host=127.0.0.1 -Dhotline.rtp.port-min="$rtp_lo" -Dhotline.rtp.port-max="$rtp_hi" \
      -Dhotline.data.dir="$dir/server/data" -Dhotline.shutdown.grace=0 \
      -Dhotline.demo.enabled=true -Dhotline.demo.password=hotline -Dhotline.demo.agents="$demo" \
      -Dhotline.admin.password="$admin_password" -Dhotline.security.sip.trusted=127.0.0.1/32 \
      "$@" -jar hotline.jar
  ) >"$dir/server.log" 2>&1 &
  server_pid=$!
  http="http://127.0.0.1:$web"
  local deadline=$((SECONDS + 90))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$http/health" || true)" = 200 ]; do
    kill -0 "$server_pid" 2>/dev/null || { log "the server exited while starting:"; tail -n 30 "$dir/server.log" >&2; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { log "no 200 from $http/health within 90 s:"; tail -n 30 "$dir/server.log" >&2; exit 1; }
    sleep 0.5
  done
}
