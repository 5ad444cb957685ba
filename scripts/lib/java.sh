# Finds a JDK 21 or newer and exports JAVA_HOME (its feature version in HOTLINE_JAVA_MAJOR);
# sourced by scripts/hotline and scripts/test.
# Order: $JAVA_HOME, java on PATH, /usr/lib/jvm/*, /opt/java/* and ~/.sdkman.

hotline_java_major() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

hotline_find_java() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(readlink -f "$(command -v java)")")
  for c in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java; do
    [ -x "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c" ] || continue
    major=$(hotline_java_major "$c")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      JAVA_HOME=$(dirname "$(dirname "$c")")
      HOTLINE_JAVA_MAJOR=$major
      export JAVA_HOME
      return 0
    fi
  done
  echo "hotline: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21, or set JAVA_HOME" >&2
  return 1
}

# Quiets the JDK 24+ warnings that Maven's own libraries (Guice, via sun.misc.Unsafe) print on
# every build, by adding --sun-misc-unsafe-memory-access=allow to MAVEN_OPTS. Only on JDK 24 or
# newer: JDK 21 refuses the option, which is why it is not in .mvn/jvm.config. Call after
# hotline_find_java.
hotline_quiet_maven() {
  if [ "${HOTLINE_JAVA_MAJOR:-0}" -ge 24 ]; then
    case " ${MAVEN_OPTS:-} " in
      *" --sun-misc-unsafe-memory-access="*) ;;
      *) MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow" ;;
    esac
    export MAVEN_OPTS
  fi
}
