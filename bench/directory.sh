#!/usr/bin/env bash
# The member directory, registrations and idle CPU with many members, on the embedded default (issue 6).
# Builds, starts one fresh platform with the launcher on a temporary data dir, then for each size: loads members
# straight into the embedded database (bench/MemberLoader.java) up to that size, logs in as the loaded transition
# team member, and
#   - directory search with wrk and bench/directory.lua (a mix of city, topic, language, role, name prefix and
#     page): a warm-up, then three runs through the gateway and directly on community-service, alternating, each
#     at a fixed number of connections for a fixed time; p50/p99 and requests/s per run and the medians;
#   - idle CPU of community-service and of the launcher JVM, which hosts the embedded MongoDB-wire server: after
#     a pause, three windows of utime+stime from /proc/<pid>/stat, as % of one core, and the median;
# then, at the last size, registration throughput (bench/Registrations.java through the gateway: three runs after
# a warm-up). Prints every run, then a summary with the medians and the command that reproduces them.
#   bench/directory.sh [SIZES...]              (default: 10000 100000: load 10,000, measure, load 90,000 more, measure)
# Environment (defaults in brackets):
#   BENCH_DURATION [15] seconds per directory run      BENCH_WARMUP [10] seconds of warm-up per target
#   BENCH_CONNECTIONS [4] / BENCH_THREADS [2] of wrk   BENCH_REGISTRATIONS [300] per run, BENCH_REG_CONCURRENCY [4]
#   BENCH_IDLE_SETTLE [30] seconds before measuring    BENCH_IDLE_WINDOW [30] seconds per window (the relay's
#                                                      safety poll comes every 5 min: see docs/performance.md)
#   BENCH_PORT_OFFSET [0] added to every port (gateway 8080, community-service 8081, MongoDB 27017, ...)
#   BENCH_MONGO_DURABLE [true] the embedded store's mode   BENCH_SKIP_BUILD [unset] use the jars as they are
#   BENCH_TREE [this checkout] measure another build      BENCH_KEEP [unset] keep the data dir and logs
#   BENCH_PATH [/api/community/members] the directory route (another path only to try the tooling out)
# Needs wrk (Debian package; installed with apt-get when missing) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=$PWD/bench
SIZES=${*:-10000 100000}
RUNS=3
DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-4}
THREADS=${BENCH_THREADS:-2}
REGISTRATIONS=${BENCH_REGISTRATIONS:-300}
REG_CONCURRENCY=${BENCH_REG_CONCURRENCY:-4}
IDLE_SETTLE=${BENCH_IDLE_SETTLE:-30}
IDLE_WINDOW=${BENCH_IDLE_WINDOW:-30}
OFFSET=${BENCH_PORT_OFFSET:-0}
DIRECTORY_PATH=${BENCH_PATH:-/api/community/members}
GATEWAY=http://localhost:$((8080 + OFFSET))
COMMUNITY=http://localhost:$((8081 + OFFSET))
MONGO=mongodb://localhost:$((27017 + OFFSET))
CITIES=$(grep -o '"id": *"[^"]*"' community-service/src/main/resources/reference/mission-cities.json \
  | sed 's/.*"\([^"]*\)"$/\1/' | paste -sd, -)
KNOWN_EMAIL=bench.team@bench.example.org
KNOWN_PASSWORD="bench password 2026"

. bench/wrk-tree.sh

data=$(mktemp -d /tmp/nzc-bench-directory.XXXXXX)
log="$data/launcher.out"
pid=""
halt_platform() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    echo "stopping the platform (about 20 s)"
    kill -TERM "$pid"
    wait "$pid" || true
  fi
  pid=""
}
stop_platform() {
  halt_platform
  if [ -n "${BENCH_KEEP:-}" ]; then echo "data and logs kept in $data"; else rm -rf "$data"; fi
}
trap stop_platform EXIT
trap 'exit 130' INT TERM

# the loader runs with community-service's own classes (Keywords) and libraries (MongoDB driver, BCrypt)
java -Djarmode=tools -jar community-service/target/community-service.jar extract --destination "$data/loader" >/dev/null
LOADER_CP="$data/loader/community-service.jar:$data/loader/lib/*"

declare -A PIDS
start_platform() {
  NZC_DATA_DIR="$data" NZC_PORT_OFFSET="$OFFSET" NZC_MONGO_DURABLE="${BENCH_MONGO_DURABLE:-true}" NZC_RAISE_RATE_LIMITS=true \
    java -cp "$LAUNCHER_CP" org.netzerocities.launcher.LocalStack >"$log" 2>&1 &
  pid=$!
  echo "starting the platform from $TREE ($COMMIT), data dir $data"
  until grep -qs "is ready" "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 1
  done
  PIDS[embedded-mongodb]=$pid # the launcher JVM: the embedded MongoDB-wire server runs in it
  for name in community-service gateway kafka learning-service campaign-service notification-service; do
    PIDS[$name]=$(cat "$data/run/$name.pid")
  done
  echo "platform ready: gateway $GATEWAY, community-service $COMMUNITY, MongoDB $MONGO"
  echo "processes: launcher JVM with the embedded MongoDB pid ${PIDS[embedded-mongodb]}, community-service pid" \
    "${PIDS[community-service]}, gateway ${PIDS[gateway]}, kafka ${PIDS[kafka]}"
}
start_platform


SUMMARY=()
FAILED=()

token() {
  curl -sf -X POST "$GATEWAY/api/community/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$KNOWN_EMAIL\", \"password\": \"$KNOWN_PASSWORD\"}" \
    | sed -n 's/.*"accessToken" *: *"\([^"]*\)".*/\1/p'
}

# a few queries on both targets before measuring: a route that answers anything but 200 fails the benchmark here
preflight() {
  local ok=0 base query status
  for base in "$GATEWAY" "$COMMUNITY"; do
    for query in "city=paris&page=0&size=20" "topic=energy&page=1&size=20" "q=ene&page=0&size=20" \
      "city=lyon&role=FRONTRUNNER&page=0&size=20"; do
      status=$(curl -s -o "$data/preflight.body" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
        "$base$DIRECTORY_PATH?$query")
      if [ "$status" != 200 ]; then
        echo "FAILED: GET $base$DIRECTORY_PATH?$query answered $status: $(head -c 300 "$data/preflight.body")"
        ok=1
        break
      fi
      # an empty directory would be fast and wrong: the loaded members must be listed
      if [ "$DIRECTORY_PATH" = /api/community/members ] && [ "${query%%&*}" = city=paris ] \
        && grep -q '"total":0' "$data/preflight.body"; then
        echo "FAILED: GET $base$DIRECTORY_PATH?$query lists nobody: $(head -c 300 "$data/preflight.body")"
        ok=1
        break
      fi
    done
  done
  return $ok
}

wrk_run() { # target-url seconds -> the RESULT line
  BENCH_TOKEN="$TOKEN" BENCH_CITIES="$CITIES" BENCH_PATH="$DIRECTORY_PATH" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --timeout 10s --latency -s "$BENCH/directory.lua" "$1" \
    >"$data/wrk.out" 2>&1 || { cat "$data/wrk.out"; return 1; }
  grep '^RESULT' "$data/wrk.out" | sed 's/^RESULT //'
}

directory() {
  local size=$1 run target url line results=()
  if ! preflight; then
    FAILED+=("directory at $size members: the route answered non-2xx (see above); not measured")
    SUMMARY+=("directory  $size members: NOT MEASURED, $DIRECTORY_PATH answered non-2xx")
    return
  fi
  wrk_run "$GATEWAY" "$WARMUP" >/dev/null
  wrk_run "$COMMUNITY" "$WARMUP" >/dev/null
  for run in $(seq 1 $RUNS); do
    for target in gateway direct; do
      url=$GATEWAY; [ $target = direct ] && url=$COMMUNITY
      line=$(wrk_run "$url" "$DURATION")
      echo "directory size=$size target=$target run=$run $line"
      if [ "$(echo " $line" | field non2xx)" != 0 ] || [ "$(echo " $line" | field socket_errors)" != 0 ]; then
        FAILED+=("directory at $size members, $target run $run: $line")
        echo "FAILED: non-2xx responses or socket errors in this run; wrk's report:"; cat "$data/wrk.out"
      fi
      results+=("$target $line")
    done
  done
  for target in gateway direct; do
    line=$(printf "directory  %6s members  %-8s p50 %7s ms  p99 %7s ms  %7s requests/s" "$size" "$target" \
      "$(printf '%s\n' "${results[@]}" | grep "^$target " | field p50_ms | median)" \
      "$(printf '%s\n' "${results[@]}" | grep "^$target " | field p99_ms | median)" \
      "$(printf '%s\n' "${results[@]}" | grep "^$target " | field rps | median)")
    echo "median of $RUNS: $line"
    SUMMARY+=("$line")
  done
}

idle_cpu() {
  local size=$1 window name before after
  declare -A start
  declare -A samples
  echo "idle CPU at $size members: waiting ${IDLE_SETTLE} s, then $RUNS windows of ${IDLE_WINDOW} s"
  sleep "$IDLE_SETTLE"
  for window in $(seq 1 $RUNS); do
    for name in "${!PIDS[@]}"; do start[$name]=$(ticks "${PIDS[$name]}"); done
    sleep "$IDLE_WINDOW"
    line="idle size=$size window=$window"
    for name in embedded-mongodb community-service gateway kafka learning-service campaign-service notification-service; do
      after=$(ticks "${PIDS[$name]}")
      pct=$(awk -v d=$((after - start[$name])) -v hz="$HZ" -v s="$IDLE_WINDOW" 'BEGIN { printf "%.2f", d / hz / s * 100 }')
      samples[$name]="${samples[$name]:-} $pct"
      line="$line $name=$pct%"
    done
    echo "$line"
  done
  SUMMARY+=("$(printf "idle CPU   %6s members  community-service (pid %s) %s %%, embedded MongoDB (launcher JVM, pid %s) %s %% of one core" \
    "$size" "${PIDS[community-service]}" "$(printf '%s\n' ${samples[community-service]} | median)" \
    "${PIDS[embedded-mongodb]}" "$(printf '%s\n' ${samples[embedded-mongodb]} | median)")")
  SUMMARY+=("$(printf "             (others: gateway %s %%, kafka %s %%, learning %s %%, campaign %s %%, notification %s %%)" \
    "$(printf '%s\n' ${samples[gateway]} | median)" "$(printf '%s\n' ${samples[kafka]} | median)" \
    "$(printf '%s\n' ${samples[learning-service]} | median)" "$(printf '%s\n' ${samples[campaign-service]} | median)" \
    "$(printf '%s\n' ${samples[notification-service]} | median)")")
}

registrations() {
  local size=$1 run line results=()
  java "$BENCH/Registrations.java" --url "$GATEWAY" --count 50 --concurrency "$REG_CONCURRENCY" >/dev/null # warm-up
  for run in $(seq 1 $RUNS); do
    if ! line=$(java "$BENCH/Registrations.java" --url "$GATEWAY" --count "$REGISTRATIONS" \
      --concurrency "$REG_CONCURRENCY" | sed 's/^RESULT //'); then
      FAILED+=("registrations run $run failed")
      return
    fi
    echo "registrations size=$size run=$run $line"
    results+=("$line")
  done
  line=$(printf "registrations at %s members: %s registrations/s (p50 %s ms, p99 %s ms; %s per run, at most %s at a time)" \
    "$size" "$(printf ' %s\n' "${results[@]}" | field rate | median)" \
    "$(printf ' %s\n' "${results[@]}" | field p50_ms | median)" \
    "$(printf ' %s\n' "${results[@]}" | field p99_ms | median)" "$REGISTRATIONS" "$REG_CONCURRENCY")
  echo "median of $RUNS: $line"
  SUMMARY+=("$line")
}

last=""
for size in $SIZES; do
  echo "loading members up to $size"
  line=$(java -cp "$LOADER_CP" "$BENCH/MemberLoader.java" --mongo "$MONGO" --total "$size")
  echo "$line"
  SUMMARY+=("load       $(echo "$line" | sed 's/ | log in as.*//')")
  # members written behind the services' back: measure a platform started on them, as after a restore
  halt_platform
  start_platform
  TOKEN=$(token)
  [ -n "$TOKEN" ] || { echo "FAILED: cannot log in as $KNOWN_EMAIL"; exit 1; }
  directory "$size"
  idle_cpu "$size"
  last=$size
done
registrations "$last"

reproduce=""
for name in $(compgen -e | grep '^BENCH_' | sort); do reproduce="$reproduce$name='${!name}' "; done
reproduce="${reproduce}bench/directory.sh $SIZES"
echo
echo "===== directory, registrations, idle CPU (issue 6): medians of $RUNS runs ====="
echo "build $COMMIT, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)," \
  "embedded store durable=${BENCH_MONGO_DURABLE:-true}"
echo "directory: wrk $CONNECTIONS connections, $THREADS threads, ${DURATION} s per run after ${WARMUP} s of warm-up;" \
  "idle: ${IDLE_WINDOW} s windows after ${IDLE_SETTLE} s"
printf '%s\n' "${SUMMARY[@]}"
echo "reproduce: $reproduce"
if [ ${#FAILED[@]} -gt 0 ]; then
  echo "FAILED:"
  printf '  %s\n' "${FAILED[@]}"
  exit 1
fi
