#!/usr/bin/env bash
# The message boards on the embedded default (issue 7): a busy thread read and written through the gateway and
# directly, and commit -> notification for mentions at 100/s. Builds, starts one fresh platform with the launcher
# (durable embedded store, the default) on a temporary data dir, runs bench/Boards.java against it, stops it.
#   bench/boards.sh [Boards.java options...]   e.g. bench/boards.sh --fill 5000 --runs 3 --mention-rate 100
# BENCH_TREE=<another checkout> measures that build instead; BENCH_SKIP_BUILD=1 uses the jars as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=$PWD/bench/Boards.java
cd "${BENCH_TREE:-.}"
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -ntp -Dmaven.test.skip=true package
echo "measuring $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes')"
data=$(mktemp -d /tmp/nzc-bench-boards.XXXXXX)
log="$data/launcher.out"
# the bench signs its members in once and holds their access tokens for the whole run (15 min by default)
NZC_DATA_DIR="$data" NZC_RAISE_RATE_LIMITS=true NZC_TOKEN_TTL=${NZC_TOKEN_TTL:-2h} java -cp "deploy/launcher/target/classes:deploy/launcher/target/lib/*" \
  org.netzerocities.launcher.LocalStack >"$log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid || true; rm -rf "$data"' EXIT
until grep -qs "is ready" "$log"; do
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
java "$BENCH" "$@"
