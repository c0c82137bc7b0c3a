#!/usr/bin/env bash
# Builds the platform (tests skipped) and runs it locally: a real Kafka broker, the embedded
# MongoDB-wire server persisted under ./data, the four services and the gateway, each in its own JVM.
# Ctrl-C stops everything; data stays in ./data. Set KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI to use your own.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -ntp -DskipTests package
exec java -cp "deploy/launcher/target/classes:deploy/launcher/target/lib/*" org.netzerocities.launcher.LocalStack "$@"
