# Sourced by ./autogen and ./run-tests: exports JAVA_HOME pointing at a JDK of release 21 or newer.
# Looks at $JAVA_HOME, then `java` on the PATH, then the usual install folders.

autogen_java_release() { # prints the feature release of the java binary $1, or nothing
  # The JDK's `release` file answers without starting a JVM (~50 ms saved on every ./autogen).
  local release_file v
  release_file="$(dirname "$(dirname "$1")")/release"
  if [ -f "$release_file" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9.]*\).*/\1/p' "$release_file" | head -n 1)
    case "$v" in
      1.*) echo "$v"; return ;;
      [0-9]*) echo "${v%%.*}"; return ;;
    esac
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}

autogen_find_jdk() {
  local candidates=() c release
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    release=$(autogen_java_release "$c/bin/java")
    case "$release" in ''|1.*) continue ;; esac
    if [ "$release" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$c"
      return 0
    fi
  done
  cat >&2 <<'MSG'
autogen: no JDK 21 or newer found (looked at $JAVA_HOME, javac on the PATH and /usr/lib/jvm).
Install one, for example on Debian/Ubuntu: sudo apt-get install openjdk-21-jdk-headless
(or any Temurin/Oracle/Zulu JDK 21+), or point JAVA_HOME at it.
MSG
  return 1
}
