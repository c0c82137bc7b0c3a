#!/usr/bin/env bash
# What the gateway adds to a trivial route (issue 11, "lean gateway"), side by side in the same run.
# Builds, starts community-service and the gateway with the launcher (its default JVM options unless
# NZC_SERVICE_JAVA_OPTS says otherwise) on a temporary data dir, then with wrk on the public GET ROUTE:
#   - a warm-up of each target (the JIT compiles what runs);
#   - three runs, each through the gateway then directly on community-service, alternating:
#     at 1 connection (latency: p50, p99) and at 16 connections (throughput);
# and prints every run, the medians of the three, the added p50 (gateway - direct) and the throughput ratio
# (gateway / direct at 16 connections), each target's CPU time per request at 16 connections (utime + stime from
# /proc/<pid>/stat over the run / requests), with the load average before and after.
#   bench/gateway-overhead.sh
# Environment (defaults in brackets):
#   BENCH_DURATION [10] seconds per run     BENCH_WARMUP [15] seconds of warm-up per target and connection count
#   BENCH_CONNECTIONS [16] for throughput   BENCH_ROUTE [/api/community/cities] a public GET of community-service
#   BENCH_PORT_OFFSET [0] added to every port (gateway 8080, community-service 8081, MongoDB 27017, ...)
#   BENCH_SKIP_BUILD [unset] use the jars as they are   BENCH_TREE [this checkout] measure another build
#   BENCH_JFR [unset] a directory: record the gateway with JFR during the runs (profile, not figures)
#   BENCH_BASELINE_JAR [unset] another build's gateway jar, started beside this one (gateway port + 10) with the
#                      same JVM options and measured in the same runs as target "baseline": before/after side by side
#   BENCH_KEEP [unset] keep the data dir and logs
# Needs wrk (Debian package; installed with apt-get when missing) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=3
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
ROUTE=${BENCH_ROUTE:-/api/community/cities}
OFFSET=${BENCH_PORT_OFFSET:-0}
GATEWAY=http://localhost:$((8080 + OFFSET))
COMMUNITY=http://localhost:$((8081 + OFFSET))

. bench/wrk-tree.sh

data=$(mktemp -d /tmp/nzc-bench-gateway.XXXXXX)
log="$data/launcher.out"
pid=""
stop_platform() {
  [ -z "${PIDS[baseline]:-}" ] || kill "${PIDS[baseline]}" 2>/dev/null || true
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait "$pid" || true
  fi
  if [ -n "${BENCH_KEEP:-}" ]; then echo "data and logs kept in $data"; else rm -rf "$data"; fi
}
trap stop_platform EXIT
trap 'exit 130' INT TERM

NZC_DATA_DIR="$data" NZC_PORT_OFFSET="$OFFSET" NZC_SERVICES=community,gateway NZC_MONGO_DURABLE=false NZC_RAISE_RATE_LIMITS=true \
  java -cp "$LAUNCHER_CP" org.netzerocities.launcher.LocalStack >"$log" 2>&1 &
pid=$!
echo "starting community-service and the gateway from $TREE ($COMMIT), data dir $data"
until grep -qs "is ready" "$log"; do
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
GATEWAY_PID=$(cat "$data/run/gateway.pid")
declare -A URLS=([gateway]=$GATEWAY [direct]=$COMMUNITY) PIDS=([gateway]=$GATEWAY_PID [direct]=$(cat "$data/run/community-service.pid"))
TARGETS="gateway direct"
# the JVM options the launcher gave, without its class data archive
JAVA_OPTS=$(tr '\0' ' ' <"/proc/$GATEWAY_PID/cmdline" | grep -o -- ' -X[^ ]*' | grep -v -- 'Archive\|Xshare' | tr -d '\n')
if [ -n "${BENCH_BASELINE_JAR:-}" ]; then
  BASELINE=http://localhost:$((8090 + OFFSET))
  # the gateway settings the launcher gave (the raised rate limits among them): the same limits for both
  # shellcheck disable=SC2046
  env $(tr '\0' '\n' <"/proc/$GATEWAY_PID/environ" | grep '^NZC_GATEWAY_') \
    COMMUNITY_SERVICE_URI=$COMMUNITY NZC_JWKS_URI=$COMMUNITY/api/community/.well-known/jwks.json \
    SERVER_PORT=$((8090 + OFFSET)) MANAGEMENT_SERVER_PORT=$((9090 + OFFSET)) \
    java $JAVA_OPTS -jar "$BENCH_BASELINE_JAR" >"$data/baseline-gateway.log" 2>&1 &
  URLS[baseline]=$BASELINE; PIDS[baseline]=$!; TARGETS="baseline gateway direct"
  echo "baseline gateway from $BENCH_BASELINE_JAR on $BASELINE (pid ${PIDS[baseline]})"
  until curl -sf -o /dev/null "$BASELINE$ROUTE"; do
    kill -0 "${PIDS[baseline]}" 2>/dev/null || { cat "$data/baseline-gateway.log"; exit 1; }
    sleep 1
  done
fi

for base in "${URLS[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$ROUTE")
  [ "$status" = 200 ] || { echo "FAILED: GET $base$ROUTE answered $status"; exit 1; }
done
BYTES=$(curl -s "$GATEWAY$ROUTE" | wc -c)

# wrk's latency distribution in ms whatever unit it chose (us, ms, s)
ms() { awk -v p="$1" '$1 == p { v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
  print (u == "us" ? v / 1000 : u == "s" ? v * 1000 : v) }'; }


wrk_run() { # url connections seconds [pid] -> "p50_ms=.. p99_ms=.. rps=.. errors=.. [cpu_us=..]"
  local out=$data/wrk.out threads=$(( $2 < 2 ? 1 : 2 )) before=0 cpu=""
  [ -z "${4:-}" ] || before=$(ticks "$4")
  wrk -t"$threads" -c"$2" -d"$3"s --timeout 5s --latency "$1$ROUTE" >"$out" 2>&1 || { cat "$out"; return 1; }
  local errors
  errors=$(( $(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$out" | grep -o '[0-9]*$' || echo 0) \
    + $(grep -o 'Socket errors: .*' "$out" | grep -o '[0-9]\+' | paste -sd+ | bc 2>/dev/null || echo 0) ))
  local rps
  rps=$(grep -o 'Requests/sec: *[0-9.]*' "$out" | awk '{print $2}')
  [ -z "${4:-}" ] || cpu=" cpu_us=$(awk -v t=$(( $(ticks "$4") - before )) -v hz="$HZ" -v r="$rps" -v s="$3" \
    'BEGIN { printf "%.0f", t / hz * 1e6 / (r * s) }')"
  echo "p50_ms=$(ms 50% <"$out") p99_ms=$(ms 99% <"$out") rps=$rps errors=$errors$cpu"
}

if [ -n "${BENCH_JFR:-}" ]; then
  mkdir -p "$BENCH_JFR"
  jcmd "$GATEWAY_PID" JFR.start name=bench settings=profile >/dev/null
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for c in 1 "$CONNECTIONS"; do
  for target in $TARGETS; do wrk_run "${URLS[$target]}" "$c" "$WARMUP" >/dev/null; done
done
declare -A RESULTS
FAILED=()
for run in $(seq 1 $RUNS); do
  for c in 1 "$CONNECTIONS"; do
    for target in $TARGETS; do
      line=$(wrk_run "${URLS[$target]}" "$c" "$DURATION" "${PIDS[$target]}")
      echo "run=$run connections=$c target=$target $line"
      [ "$(echo " $line" | field errors)" = 0 ] || FAILED+=("run $run, $c connections, $target: $line")
      RESULTS[$target/$c]="${RESULTS[$target/$c]:-} $line"$'\n'
    done
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
if [ -n "${BENCH_JFR:-}" ]; then
  jcmd "$GATEWAY_PID" JFR.dump name=bench filename="$BENCH_JFR/gateway-$COMMIT.jfr" >/dev/null
  echo "JFR recording of the gateway: $BENCH_JFR/gateway-$COMMIT.jfr"
fi

med() { printf '%s' "${RESULTS[$1/$2]}" | field "$3" | median; }
gw50=$(med gateway 1 p50_ms); d50=$(med direct 1 p50_ms)
gw99=$(med gateway 1 p99_ms); d99=$(med direct 1 p99_ms)
gwrps=$(med gateway "$CONNECTIONS" rps); drps=$(med direct "$CONNECTIONS" rps)
reproduce=""
for name in $(compgen -e | grep -E '^(BENCH_|NZC_SERVICE_JAVA_OPTS)' | sort); do reproduce="$reproduce$name='${!name}' "; done
echo
echo "===== gateway overhead on GET $ROUTE ($BYTES bytes): medians of $RUNS runs ====="
echo "build $COMMIT, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "JVM options of the gateway and community-service:$JAVA_OPTS"
echo "wrk ${DURATION} s per run after ${WARMUP} s of warm-up; load average before $LOAD_BEFORE, after $LOAD_AFTER"
printf '1 connection:   gateway p50 %6.3f ms p99 %6.3f ms | direct p50 %6.3f ms p99 %6.3f ms | added p50 %6.3f ms, p99 %6.3f ms\n' \
  "$gw50" "$gw99" "$d50" "$d99" "$(echo "$gw50 - $d50" | bc -l)" "$(echo "$gw99 - $d99" | bc -l)"
printf '%s connections: gateway %8.0f requests/s | direct %8.0f requests/s | ratio %.0f %% | CPU per request: gateway %s us, direct %s us\n' \
  "$CONNECTIONS" "$gwrps" "$drps" "$(echo "100 * $gwrps / $drps" | bc -l)" "$(med gateway "$CONNECTIONS" cpu_us)" \
  "$(med direct "$CONNECTIONS" cpu_us)"
if [ -n "${BENCH_BASELINE_JAR:-}" ]; then
  b50=$(med baseline 1 p50_ms); b99=$(med baseline 1 p99_ms); brps=$(med baseline "$CONNECTIONS" rps)
  printf 'baseline (%s): p50 %6.3f ms p99 %6.3f ms, added p50 %6.3f ms | %s connections: %8.0f requests/s, ratio %.0f %%, CPU per request %s us\n' \
    "$BENCH_BASELINE_JAR" "$b50" "$b99" "$(echo "$b50 - $d50" | bc -l)" "$CONNECTIONS" "$brps" \
    "$(echo "100 * $brps / $drps" | bc -l)" "$(med baseline "$CONNECTIONS" cpu_us)"
fi
echo "reproduce: ${reproduce}bench/gateway-overhead.sh"
if [ ${#FAILED[@]} -gt 0 ]; then
  echo "FAILED (non-2xx or socket errors):"
  printf '  %s\n' "${FAILED[@]}"
  exit 1
fi
