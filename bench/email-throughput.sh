#!/usr/bin/env bash
# Email sending throughput (issue 10): starts MongoDB, Kafka and notification-service alone with the launcher on a
# temporary data dir (durable embedded store, the default), its SMTP pointed at a discarding SMTP sink that
# bench/EmailThroughput.java runs, then a warm-up and three runs; prints emails/s per run and the median.
#   bench/email-throughput.sh [EmailThroughput.java options...]   e.g. bench/email-throughput.sh --count 3000
# BENCH_SKIP_BUILD=1 uses the jars as they are. Ports: the launcher's defaults + 20000 (NZC_BENCH_PORT_OFFSET).
# BENCH_CONSUMERS="1 3" (the default) measures with 1 and then 3 email consumers (a fresh service for each).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=$PWD/bench/EmailThroughput.java
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -ntp -Dmaven.test.skip=true package -pl notification-service,deploy/launcher -am
echo "measuring $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
offset=${NZC_BENCH_PORT_OFFSET:-20000}
smtp_port=$((2525 + offset))
for consumers in ${BENCH_CONSUMERS:-1 3}; do
  data=$(mktemp -d /tmp/nzc-bench-email.XXXXXX)
  log="$data/launcher.out"
  java -Djarmode=tools -jar notification-service/target/notification-service.jar extract --destination "$data/loader" >/dev/null
  SMTP_HOST=localhost SMTP_PORT=$smtp_port NZC_NOTIFICATION_EMAIL_CONSUMERS=$consumers NZC_DATA_DIR="$data" \
    java -cp "deploy/launcher/target/classes:deploy/launcher/target/lib/*" org.netzerocities.launcher.LocalStack \
    --services notification --port-offset "$offset" >"$log" 2>&1 &
  pid=$!
  trap 'kill -TERM $pid 2>/dev/null; wait $pid || true; rm -rf "$data"' EXIT
  until grep -qs "is ready" "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 1
  done
  echo "== $consumers email consumer(s)"
  java -cp "$data/loader/lib/*" "$BENCH" --smtp-port "$smtp_port" --mongo "mongodb://localhost:$((27017 + offset))" \
    --kafka "localhost:$((9092 + offset))" "$@"
  kill -TERM $pid; wait $pid || true; rm -rf "$data"; trap - EXIT
done
