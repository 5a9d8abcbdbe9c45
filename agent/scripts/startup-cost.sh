#!/usr/bin/env bash
# Start-up cost of the agent: times a hello-JDBC program (connect to in-memory SQLite, SELECT 1,
# exit) without an agent, with an agent that does nothing (a premain that registers a transformer
# which changes nothing: the JVM's own cost of any agent, the floor) and with safe-jdbc's agent, the
# three alternating, and prints the medians of wall-clock time and of CPU time (user + system, all
# threads) and their differences; then the same for a program that never touches JDBC. CPU time
# shows the work added even on a busy machine, where wall-clock time mostly shows the machine's
# load. Every JDK is measured in turn: by default `java` on the PATH and Temurin 25 where it is
# installed. Build first:
#   mvn -B -q -DskipTests package
#   agent/scripts/startup-cost.sh [runs]                (default: 15 runs of each)
#   JAVA=/usr/lib/jvm/<jdk>/bin/java agent/scripts/startup-cost.sh     (that JDK only)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-15}
javas=${JAVA:-java $(ls /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -n 1)}
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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/log

noop_agent() { # noop_agent <java>: builds the agent that does nothing, for that JDK's javac
  mkdir -p "$work/noop/src" "$work/noop/classes"
  cat >"$work/noop/src/NoOpAgent.java" <<'EOF'
public final class NoOpAgent {
    public static void premain(String arguments, java.lang.instrument.Instrumentation instrumentation) {
        instrumentation.addTransformer(new java.lang.instrument.ClassFileTransformer() { }, true);
    }
}
EOF
  printf 'Premain-Class: NoOpAgent\nCan-Retransform-Classes: true\n' >"$work/noop/manifest"
  "$(dirname "$(readlink -f "$(command -v "$1")")")/javac" --release 17 -d "$work/noop/classes" "$work/noop/src/NoOpAgent.java"
  "$(dirname "$(readlink -f "$(command -v "$1")")")/jar" cfm "$work/noop.jar" "$work/noop/manifest" -C "$work/noop/classes" .
}

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
  local without=() noop=() with=() w0 w1 w2 c0 c1 c2 i
  run "$2" >/dev/null
  run "$2" "-javaagent:$work/noop.jar" >/dev/null
  run "$2" "-javaagent:$jar" >/dev/null # warm the file cache
  for i in $(seq "$runs"); do
    if [ $((i % 2)) -eq 1 ]; then # the order alternates too, so that no variant always follows another
      without+=("$(run "$2")")
      noop+=("$(run "$2" "-javaagent:$work/noop.jar")")
      with+=("$(run "$2" "-javaagent:$jar")")
    else
      with+=("$(run "$2" "-javaagent:$jar")")
      noop+=("$(run "$2" "-javaagent:$work/noop.jar")")
      without+=("$(run "$2")")
    fi
  done
  w0=$(printf '%s\n' "${without[@]}" | cut -d' ' -f1 | median)
  w1=$(printf '%s\n' "${noop[@]}" | cut -d' ' -f1 | median)
  w2=$(printf '%s\n' "${with[@]}" | cut -d' ' -f1 | median)
  c0=$(printf '%s\n' "${without[@]}" | cut -d' ' -f2 | median)
  c1=$(printf '%s\n' "${noop[@]}" | cut -d' ' -f2 | median)
  c2=$(printf '%s\n' "${with[@]}" | cut -d' ' -f2 | median)
  echo "$1"
  echo "  median wall-clock: ${w0} ms without an agent, ${w1} ms with a no-op agent (+$((w1 - w0))), ${w2} ms with safe-jdbc's: $((w2 - w0)) ms added"
  echo "  median CPU time:   ${c0} ms without an agent, ${c1} ms with a no-op agent (+$((c1 - c0))), ${c2} ms with safe-jdbc's: $((c2 - c0)) ms added"
}

for java in $javas; do
  noop_agent "$java"
  echo "java: $("$java" -version 2>&1 | head -n 1); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs of each, alternating"
  compare "hello-JDBC (connect to jdbc:sqlite::memory:, SELECT 1):" "jdbc:sqlite::memory:"
  compare "a program that never touches JDBC:" "--no-jdbc"
done
