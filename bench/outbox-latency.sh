#!/usr/bin/env bash
# Commit -> inbox latency of the outbox relay on the embedded default, the durable and the non-durable
# embedded store side by side. For each store: one fresh platform, a warm-up, then three measured runs at
# each rate; prints every run and the median of the three runs' percentiles.
#   bench/outbox-latency.sh [COUNT] [RATES...]      (defaults: 200 registrations, at 5/s and 20/s)
# BENCH_TREE=<another checkout> measures that build instead (e.g. an older commit, for before/after);
# BENCH_STORES chooses the stores ("true false" by default; builds before --mongo-durable have only "false").
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=$PWD/bench/OutboxLatency.java
COUNT=${1:-200}
shift || true
RATES=${*:-5 20}
RUNS=3
cd "${BENCH_TREE:-.}"
./mvnw -q -B -ntp -DskipTests package
CP="deploy/launcher/target/classes:deploy/launcher/target/lib/*"

median() { sort -n | sed -n "2p"; }

for durable in ${BENCH_STORES:-true false}; do
  data=$(mktemp -d)
  log="$data/launcher.out"
  NZC_DATA_DIR="$data" NZC_MONGO_DURABLE="$durable" NZC_RAISE_RATE_LIMITS=true java -cp "$CP" org.netzerocities.launcher.LocalStack >"$log" 2>&1 &
  pid=$!
  until grep -q "is ready" "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 1
  done
  # the services' code is compiled as it runs: measure the platform warm, as it serves
  java "$BENCH" --rate 20 --count 200 >/dev/null
  for rate in $RATES; do
    results=()
    for run in $(seq 1 $RUNS); do
      line=$(java "$BENCH" --rate "$rate" --count "$COUNT")
      echo "durable=$durable run=$run $line"
      results+=("$line")
    done
    printf 'durable=%s rate=%s/s median of %s runs:' "$durable" "$rate" "$RUNS"
    for p in p50 p90 p99 max; do
      printf ' %s=%s' "$p" "$(printf '%s\n' "${results[@]}" | grep -o " $p=[0-9]*" | cut -d= -f2 | median)"
    done
    echo " (ms)"
  done
  kill -TERM "$pid"
  wait "$pid" || true
  rm -rf "$data"
done
