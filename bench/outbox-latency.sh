#!/usr/bin/env bash
# Commit -> inbox latency of the outbox relay, on the embedded default, with the durable and the
# non-durable embedded store side by side: for each store, three fresh platforms, each registering COUNT
# members at RATE per second; prints each run and the median of the three runs' percentiles.
#   bench/outbox-latency.sh [RATE] [COUNT]      (defaults 20/s and 200)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-20}
COUNT=${2:-200}
RUNS=3
./mvnw -q -B -ntp -DskipTests package
CP="deploy/launcher/target/classes:deploy/launcher/target/lib/*"

run_once() { # durable -> prints one result line
  local data log pid line
  data=$(mktemp -d)
  log="$data/launcher.out"
  NZC_DATA_DIR="$data" NZC_MONGO_DURABLE="$1" java -cp "$CP" org.netzerocities.launcher.LocalStack >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    grep -q "is ready" "$log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.5
  done
  line=$(java bench/OutboxLatency.java --rate "$RATE" --count "$COUNT")
  kill -TERM "$pid"; wait "$pid" || true
  rm -rf "$data"
  echo "$line"
}

median() { sort -n | sed -n "2p"; }

for durable in true false; do
  results=()
  for run in $(seq 1 $RUNS); do
    line=$(run_once "$durable")
    echo "durable=$durable run=$run $line"
    results+=("$line")
  done
  for p in p50 p90 p99 max; do
    printf '%s ' "durable=$durable median $p=$(printf '%s\n' "${results[@]}" | grep -o "$p=[0-9]*" | cut -d= -f2 | median)"
  done
  echo
done
