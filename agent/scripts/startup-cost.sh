#!/usr/bin/env bash
# Start-up cost of the agent: times a hello-JDBC program (connect to in-memory SQLite, SELECT 1,
# exit) with and without -javaagent, the two alternating, and prints the medians of wall-clock
# time and of CPU time (user + system, all threads) and their differences; then the same for a
# program that never touches JDBC. CPU time shows the work added even on a busy machine, where
# wall-clock time mostly shows the machine's load. Build first:
#   mvn -B -q -DskipTests package
#   agent/scripts/startup-cost.sh [runs]                (default: 15 runs of each)
#   JAVA=/usr/lib/jvm/<jdk>/bin/java agent/scripts/startup-cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-15}
java=${JAVA:-java}
jar=$(ls target/safe-jdbc-agent-*.jar 2>/dev/null | grep -v -e original -e sources -e javadoc | head -n 1 || true)
if [ -z "$jar" ] || [ ! -d target/test-classes/legacy ]; then
  echo "build first: mvn -B -q -DskipTests package" >&2
  exit 1
fi

# the program's own class path: the hello program, the SQLite driver and SLF4J, nothing of safe-jdbc
repo=${MAVEN_REPO:-$HOME/.m2/repository}
newest() { find "$repo/$1" -name "$2-*.jar" | sort -V | tail -n 1; }
cp="target/test-classes:$(newest org/xerial/sqlite-jdbc sqlite-jdbc):$(newest org/slf4j/slf4j-api slf4j-api)"
cp="$cp:$(newest org/slf4j/slf4j-simple slf4j-simple)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run() { # run <program argument> [java options...]: "<wall ms> <cpu ms>" of one run
  local argument=$1 times
  shift
  times=$( { TIMEFORMAT='%R %U %S'; time "$java" "$@" -cp "$cp" legacy.Hello "$argument" >"$log" 2>&1; } 2>&1 ) || {
    cat "$log" >&2
    exit 1
  }
  echo "$times" | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

compare() { # compare <label> <program argument>
  local without=() with=() w0 w1 c0 c1
  run "$2" >/dev/null
  run "$2" "-javaagent:$jar" >/dev/null # warm the file cache
  for _ in $(seq "$runs"); do
    without+=("$(run "$2")")
    with+=("$(run "$2" "-javaagent:$jar")")
  done
  w0=$(printf '%s\n' "${without[@]}" | cut -d' ' -f1 | median)
  w1=$(printf '%s\n' "${with[@]}" | cut -d' ' -f1 | median)
  c0=$(printf '%s\n' "${without[@]}" | cut -d' ' -f2 | median)
  c1=$(printf '%s\n' "${with[@]}" | cut -d' ' -f2 | median)
  echo "$1"
  echo "  median wall-clock: ${w0} ms without the agent, ${w1} ms with it: $((w1 - w0)) ms added"
  echo "  median CPU time:   ${c0} ms without the agent, ${c1} ms with it: $((c1 - c0)) ms added"
}

echo "java: $("$java" -version 2>&1 | head -n 1); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs of each, alternating"
compare "hello-JDBC (connect to jdbc:sqlite::memory:, SELECT 1):" "jdbc:sqlite::memory:"
compare "a program that never touches JDBC:" "--no-jdbc"
