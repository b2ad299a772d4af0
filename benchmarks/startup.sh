#!/usr/bin/env bash
# Measures the command line's start-up (benchmark CliStartup) and prints the ratios to the bare-JVM
# baseline measured in the same run. Each invocation starts a fresh `java -jar cli/target/autogen.jar
# run reflection` and times it until the first line on its stdout. Single shot, one fork per
# benchmark and JVM variant, 3 warm-up + 12 measured invocations: about 2 minutes on 2 cores.
# Finds a JDK 21+, builds cli/target/autogen.jar and benchmarks/target/benchmarks.jar when missing or
# older than the sources, writes JSON to benchmarks/results/startup-result.json (or
# $AUTOGEN_STARTUP_RESULT). JVM variants: default (plain java -jar), cds+oneshot (the launcher's options
# before it started from the class path), cds+oneshot+classpath (the launcher on JDK 21-24), plus
# aot+oneshot+classpath (the launcher on JDK 25+); set AUTOGEN_STARTUP_JVM to choose others (tokens in
# CliStartup's Javadoc), e.g.
#   AUTOGEN_STARTUP_JVM=default,c1,cds+serial benchmarks/startup.sh
# AUTOGEN_STARTUP_JAR=PATH measures another build of the command line (e.g. a copy of an older
# cli/target/autogen.jar) instead of this checkout's.
# Extra arguments go to JMH, e.g. fewer runs: benchmarks/startup.sh -i 5
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(dirname "$here")"
# shellcheck source=../scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
autogen_find_jdk
echo "startup.sh: using JDK at $JAVA_HOME" >&2

cli_jar="$root/cli/target/autogen.jar"
measured_jar="${AUTOGEN_STARTUP_JAR:-$cli_jar}"
bench_jar="$here/target/benchmarks.jar"
stale() { # true when jar $1 is missing or a source, pom or resource outside target/ is newer
  [ -f "$1" ] || return 0
  [ -n "$(find "$root" -path "$root/.git" -prune -o -path '*/target' -prune -o -path '*/node_modules' -prune \
      -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$1" -print -quit)" ]
}
if stale "$cli_jar" || stale "$bench_jar"; then
  echo "startup.sh: building $cli_jar and $bench_jar" >&2
  (cd "$root" && ./mvnw -q -B -ntp -pl cli,benchmarks -am package -DskipTests)
fi

variants="default,cds+oneshot,cds+oneshot+classpath"
if [ "$(autogen_java_release "$JAVA_HOME/bin/java")" -ge 25 ]; then
  variants="$variants,aot+oneshot+classpath"
fi
variants="${AUTOGEN_STARTUP_JVM:-$variants}"

result="${AUTOGEN_STARTUP_RESULT:-$here/results/startup-result.json}"
mkdir -p "$(dirname "$result")"
cd "$root"
"$JAVA_HOME/bin/java" -jar "$bench_jar" 'CliStartup' -p jvm="$variants" \
  -jvmArgsAppend "-Dautogen.cli.jar=$measured_jar" -rf json -rff "$result" "$@"

echo
echo "Start-up ratios (from $result):"
"$JAVA_HOME/bin/java" -cp "$bench_jar" dev.autogen.benchmarks.StartupRatios "$result"
