#!/usr/bin/env bash
# Installs every AutoGen for Java module, with its sources and Javadoc jars and the autogen-bom, into
# the local Maven repository (~/.m2/repository, or the one -Dmaven.repo.local=... names), so that a
# Maven or Gradle project on this machine can depend on them. Finds a JDK 21+ itself, as ./autogen
# and ./run-tests do; Maven comes through the wrapper. Tests are skipped (./run-tests runs them).
# Extra arguments go to Maven, e.g. scripts/install-local.sh -pl bom,core,agentchat -am
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
autogen_find_jdk
echo "install-local: using JDK at $JAVA_HOME" >&2
cd "$root"
./mvnw -B -ntp -q -DskipTests install "$@"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' bom/pom.xml | head -n 1)
echo "install-local: installed dev.autogen:autogen-bom:$version and the modules it lists" >&2
