#!/usr/bin/env bash
# Runs the JMH benchmarks of the in-process runtime and prints their ratios to the bare-JDK baselines.
# Sized for a small machine (2 cores): one fork per benchmark, 3 x 2 s warm-up, 5 x 3 s measurement,
# about 5 minutes in all. Finds a JDK 21+, builds benchmarks/target/benchmarks.jar when it is missing
# or older than the sources, writes JSON to benchmarks/results/jmh-result.json (or $AUTOGEN_BENCH_RESULT).
# The start-up benchmark CliStartup is left out: benchmarks/startup.sh runs it. So are VectorMemory (minutes of
# indexing in its setup) and MiniLmEmbedding: name them to run them, e.g. benchmarks/run.sh VectorMemory.
# Extra arguments go to JMH, e.g. a filter: benchmarks/run.sh 'RpcFromVirtualThread' -prof gc
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(dirname "$here")"
# shellcheck source=../scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
autogen_find_jdk
echo "run.sh: using JDK at $JAVA_HOME" >&2

jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/core/pom.xml" "$root/core/src/main" "$root/ext/grpc/src/main" "$root/ext/memory-lucene/src/main" \
        "$here/pom.xml" "$here/src" -newer "$jar" -type f -print -quit)" ]; then
  echo "run.sh: building $jar" >&2
  (cd "$root" && ./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests)
fi

result="${AUTOGEN_BENCH_RESULT:-$here/results/jmh-result.json}"
mkdir -p "$(dirname "$result")"
excluded='CliStartup|VectorMemory|MiniLmEmbedding'
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then excluded='CliStartup'; fi   # a filter given: run what it names
"$JAVA_HOME/bin/java" -jar "$jar" -e "$excluded" -f 1 -wi 3 -i 5 -w 2s -r 3s -bm thrpt -tu s -rf json -rff "$result" "$@"

echo
echo "Ratios (from $result):"
"$JAVA_HOME/bin/java" -cp "$jar" dev.autogen.benchmarks.Ratios "$result"
