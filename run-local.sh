#!/usr/bin/env bash
# Builds the platform (tests skipped) and runs it locally: a real Kafka broker, the embedded
# MongoDB-wire server persisted under ./data, the four services and the gateway, each in its own JVM.
# Ctrl-C stops everything; data stays in ./data. --help lists the options; `redrive` moves dead letters back.
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${1:-}" == "redrive" ]]; then
  # only the launcher: rebuilding the service jars could pull them from under services that are running
  ./mvnw -q -B -ntp -DskipTests -pl deploy/launcher package
else
  ./mvnw -q -B -ntp -DskipTests package
fi
exec java -cp "deploy/launcher/target/classes:deploy/launcher/target/lib/*" org.netzerocities.launcher.LocalStack "$@"
