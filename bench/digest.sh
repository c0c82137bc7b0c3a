#!/usr/bin/env bash
# The daily digest run of notification-service for many members (issue 10), in one JVM against the embedded
# MongoDB-wire server as the launcher runs it (durable and not). Builds notification-service and the launcher, then
# runs bench/Digest.java with their classes and dependencies.
#   bench/digest.sh [Digest.java options...]   e.g. bench/digest.sh --members 100000 --per-member 3 --runs 3
# BENCH_TREE=<another checkout> measures that build instead; BENCH_SKIP_BUILD=1 uses the classes as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=$PWD/bench/Digest.java
cd "${BENCH_TREE:-.}"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -ntp -o -Dmaven.test.skip=true install -pl events,service-support,test-support,notification-service
  ./mvnw -q -B -ntp -o -Dmaven.test.skip=true package -pl deploy/launcher
fi
echo "measuring $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes')"
classpath=$(mktemp /tmp/nzc-bench-digest.XXXXXX)
trap 'rm -f "$classpath"' EXIT
./mvnw -q -B -ntp -o dependency:build-classpath -pl notification-service -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath"
java -Xmx4g -cp "notification-service/target/classes:$(cat "$classpath"):deploy/launcher/target/classes:deploy/launcher/target/lib/*" \
  "$BENCH" "$@"
