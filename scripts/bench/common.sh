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
