#!/usr/bin/env bash
# notification-service on the embedded default (durable store), one fresh platform:
#  1. commit -> inbox / live stream latency of a mention at a fixed rate, side by side: from the post's commit at
#     community-service (the whole path: outbox relay, broker, notification-service) and from the broker's
#     acknowledgement of the MemberMentioned event (notification-service's part alone);
#  2. fan-out of one notification to many members (drafts -> inbox entries).
# A warm-up, then three runs of each; prints every run and the medians of the three.
#   bench/notifications.sh [RATE] [COUNT] [MEMBERS]     (defaults: 100/s, 300 mentions; 10000 members)
# HOPS=1: beside each run from the post, the time of each hop from the broker's timestamps (NotificationHops.java)
# and each process's CPU while the run posts (process-cpu.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-100}
COUNT=${2:-300}
MEMBERS=${3:-10000}
RUNS=3
./mvnw -q -B -ntp -o -DskipTests package
CP="deploy/launcher/target/classes:deploy/launcher/target/lib/*"

median() { sort -n | sed -n "2p"; }

data=$(mktemp -d "${TMPDIR:-/tmp}/nzc-notification-bench.XXXXXX")
log="$data/launcher.out"
# the bench signs its members in once and holds their access tokens for the whole run (15 min by default)
# the bench's members never open their verification emails: their notifications are emailed as if they had (the
# writer's whole path, email budget and requests included), unless NZC_NOTIFICATION_EMAIL_REQUIRE_VERIFIED=true
NZC_DATA_DIR="$data" NZC_RAISE_RATE_LIMITS=true NZC_TOKEN_TTL=${NZC_TOKEN_TTL:-2h} \
  NZC_NOTIFICATION_EMAIL_REQUIRE_VERIFIED=${NZC_NOTIFICATION_EMAIL_REQUIRE_VERIFIED:-false} java -cp "$CP" org.netzerocities.launcher.LocalStack >"$log" 2>&1 &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid" || true; rm -rf "$data"' EXIT
until grep -q "is ready" "$log"; do
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
bootstrap=$(grep -o "kafka: starting on [^ ]*" "$log" | head -1 | awk '{print $4}')

# the services' code is compiled as it runs: measure the platform warm, as it serves
java -cp "$CP" bench/NotificationLatency.java --rate "$RATE" --count "$COUNT" >/dev/null
java -cp "$CP" bench/NotificationLatency.java --rate "$RATE" --count "$COUNT" --bootstrap "$bootstrap" >/dev/null
java -cp "$CP" bench/FanOut.java --bootstrap "$bootstrap" --members 1000 >/dev/null

for from in post event; do
  results=()
  for run in $(seq 1 $RUNS); do
    if [ "$from" = post ]; then
      # the run's set-up (members, a group, a thread) comes first: both watch long enough for it and the posting
      window=$(( COUNT / RATE + 45 ))
      if [ "${HOPS:-}" = 1 ]; then
        java -cp "$CP" bench/NotificationHops.java "$bootstrap" "$window" >"$data/hops" 2>/dev/null &
        hops=$!
        bench/process-cpu.sh "$pid" "$window" >"$data/cpu" &
        cpu=$!
        sleep 3
      fi
      line=$(java -cp "$CP" bench/NotificationLatency.java --rate "$RATE" --count "$COUNT")
      if [ "${HOPS:-}" = 1 ]; then
        wait "$hops" "$cpu"
        line="$line"$'\n'"  $(cat "$data/hops")"$'\n'"  $(cat "$data/cpu")"
      fi
    else
      line=$(java -cp "$CP" bench/NotificationLatency.java --rate "$RATE" --count "$COUNT" --bootstrap "$bootstrap")
    fi
    echo "from=$from run=$run $line"
    results+=("$line")
  done
  printf 'from=%s rate=%s/s median of %s runs:' "$from" "$RATE" "$RUNS"
  for part in inbox live; do
    for p in p50 p90 p99 max; do
      printf ' %s_%s=%s' "$part" "$p" "$(printf '%s\n' "${results[@]}" | grep -o " ${part}_$p=[0-9]*" | cut -d= -f2 | median)"
    done
  done
  echo " (ms)"
done

fan=()
for run in $(seq 1 $RUNS); do
  line=$(java -cp "$CP" bench/FanOut.java --bootstrap "$bootstrap" --members "$MEMBERS")
  echo "run=$run $line"
  fan+=("$line")
done
printf 'fan-out to %s members, median of %s runs: stored in %s ms (drafts acknowledged in %s ms)\n' "$MEMBERS" "$RUNS" \
  "$(printf '%s\n' "${fan[@]}" | grep -o "stored in [0-9]*" | awk '{print $3}' | median)" \
  "$(printf '%s\n' "${fan[@]}" | grep -o "acknowledged in [0-9]*" | awk '{print $3}' | median)"
