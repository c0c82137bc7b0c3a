#!/bin/bash
# Docker HEALTHCHECK for the service images: exits 0 when GET <path> answers 200 on the service's operations
# port. Plain bash (/dev/tcp), because neither the public JRE image nor a minimal base is sure to carry curl
# or wget, and a second JVM per check would cost seconds and tens of megabytes every ten seconds.
set -u
path=${1:-/actuator/health/readiness}
# the operations port: the gateway's own management port, else the port the service answers on
port=${MANAGEMENT_SERVER_PORT:-${NZC_IMAGE_MANAGEMENT_PORT:-${SERVER_PORT:?SERVER_PORT is not set}}}
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS=' ' read -r -t 5 _ status _ <&3 || exit 1
[ "$status" = 200 ]
