#!/usr/bin/env bash
# The memory and fresh-process rows of issue 23, measured from outside on the real launcher:
#  1. the 1,000-message RoundRobin team of TeamThroughput (two AssistantAgents on replay models) run by
#     `./autogen run` in a fresh process, REPEATS times: peak RSS (VmHWM), time to the first line and
#     the run after it (messages per second = 1,000 / run seconds); the baseline is a bare JVM printing
#     one line (dev.autogen.benchmarks.Hello), measured the same way in the same run;
#  2. heap retained per idle team after a run (IdleTeams, 10,000 teams; its baseline is the live heap
#     before the teams were built), each team on its own runtime (the default) and all on one.
# Finds a JDK 21+, builds cli/target/autogen.jar (through ./autogen) and benchmarks/target/benchmarks.jar
# when missing or stale, prints JSON lines and writes them to benchmarks/results/footprint.json (or
# $AUTOGEN_FOOTPRINT_RESULT). REPEATS defaults to 5. The launcher's JVM options apply as a user gets
# them; AUTOGEN_JAVA_OPTS adds to them as usual.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(dirname "$here")"
# shellcheck source=../scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
autogen_find_jdk
repeats="${REPEATS:-5}"

bench_jar="$here/target/benchmarks.jar"
if [ ! -f "$bench_jar" ] || [ -n "$(find "$root" -path "$root/.git" -prune -o -path '*/target' -prune \
    -o -path '*/node_modules' -prune -o \( -name '*.java' -o -name 'pom.xml' \) -newer "$bench_jar" -print -quit)" ]; then
  echo "footprint.sh: building $bench_jar" >&2
  (cd "$root" && ./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests)
fi
"$root/autogen" --version >/dev/null   # builds the command line and its class-data archive when stale

result="${AUTOGEN_FOOTPRINT_RESULT:-$here/results/footprint.json}"
mkdir -p "$(dirname "$result")" "$here/target"
team="$here/target/one-run-team.json"
"$JAVA_HOME/bin/java" -cp "$bench_jar" dev.autogen.benchmarks.OneRunConfig 2>/dev/null > "$team"

run() { # label, command...
  local label="$1"; shift
  "$JAVA_HOME/bin/java" -cp "$bench_jar" dev.autogen.benchmarks.LauncherRun "$repeats" "$@" 2>/dev/null \
    | sed "s/^{/{\"measure\": \"$label\", /"
}
{
  run bare-jvm "$JAVA_HOME/bin/java" -cp "$bench_jar" dev.autogen.benchmarks.Hello
  run autogen-run-1000-messages "$root/autogen" run "$team" --task "Write a poem."
  "$JAVA_HOME/bin/java" -cp "$bench_jar" dev.autogen.benchmarks.IdleTeams 10000 2>/dev/null \
    | sed 's/^{/{"measure": "idle-teams", /'
  "$JAVA_HOME/bin/java" -cp "$bench_jar" dev.autogen.benchmarks.IdleTeams 10000 0 shared 2>/dev/null \
    | sed 's/^{/{"measure": "idle-teams-one-runtime", /'
} | tee "$result"
