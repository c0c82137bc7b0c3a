# Sourced by the wrk benchmarks (directory.sh, gateway-overhead.sh), from the repository root: installs wrk (Debian)
# when missing, moves to the tree under test (BENCH_TREE, default the current one), builds its jars unless
# BENCH_SKIP_BUILD is set, and sets TREE, COMMIT (with "+changes" for uncommitted work) and LAUNCHER_CP; then the
# helpers both use: median (of numbers on stdin), field NAME (NAME=value out of a line), ticks PID (CPU), HZ.
if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y -q wrk >/dev/null || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q wrk >/dev/null; }
fi

cd "${BENCH_TREE:-.}"
TREE=$PWD
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  # no test compilation: the benchmark needs the jars only
  ./mvnw -q -B -ntp -Dmaven.test.skip=true package
fi
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo '+changes')"
LAUNCHER_CP="deploy/launcher/target/classes:deploy/launcher/target/lib/*"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
field() { grep -o " $1=[-0-9.]*" | cut -d= -f2; }
ticks() { # utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat)
  local stat
  stat=$(cat "/proc/$1/stat")
  stat=${stat##*) }
  set -- $stat
  echo $(( ${12} + ${13} ))
}
HZ=$(getconf CLK_TCK)
