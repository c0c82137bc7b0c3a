#!/usr/bin/env bash
# CPU of the launcher's JVM (with the embedded database) and of each process it started, sampled every second from
# /proc (Linux), averaged over the busy seconds only (the platform's total above one core: a benchmark's load,
# not its set-up). Prints one line: cores per process.
#   bench/process-cpu.sh LAUNCHER_PID SECONDS
set -euo pipefail
root=$1
seconds=$2
declare -A name ticks total
name[$root]=launcher
for pid in $(pgrep -P "$root" || true); do
  name[$pid]=$(tr '\0' '\n' < "/proc/$pid/cmdline" | sed -n 's/^-Dnzc.child=//p' | head -1)
  if [ -z "${name[$pid]}" ]; then
    if grep -q greenmail "/proc/$pid/cmdline"; then name[$pid]=mail-sink; else name[$pid]=child-$pid; fi
  fi
done
cpu() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
hz=$(getconf CLK_TCK)
for pid in "${!name[@]}"; do ticks[$pid]=$(cpu "$pid"); total[$pid]=0; done
busy=0
for _ in $(seq 1 "$seconds"); do
  sleep 1
  declare -A delta=()
  sum=0
  for pid in "${!name[@]}"; do
    now=$(cpu "$pid"); delta[$pid]=$(( now - ticks[$pid] )); ticks[$pid]=$now; sum=$(( sum + delta[$pid] ))
  done
  if [ "$sum" -gt "$hz" ]; then
    busy=$(( busy + 1 ))
    for pid in "${!name[@]}"; do total[$pid]=$(( total[$pid] + delta[$pid] )); done
  fi
done
if [ "$busy" -eq 0 ]; then echo "cpu: no busy second"; exit 0; fi
line="cpu over $busy busy second(s), cores:"
for pid in "${!name[@]}"; do
  line="$line ${name[$pid]}=$(awk -v t="${total[$pid]}" -v b="$busy" -v hz="$hz" 'BEGIN { printf "%.2f", t / b / hz }')"
done
echo "$line"
