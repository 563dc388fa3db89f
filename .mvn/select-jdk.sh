# Sourced by ./mvnw: makes sure Maven runs on JDK 25 or newer, which Canopy is built for.
# Keeps JAVA_HOME when it already points at such a JDK; otherwise looks in the usual install places
# (Debian's /usr/lib/jvm, SDKMAN, /opt) and uses the newest JDK 25+ it finds. See docs/adr/0002.
canopy_required_java=25

canopy_java_major() { # prints the feature version of the JDK at $1, or nothing
  [ -f "$1/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

canopy_ok() { v=$(canopy_java_major "$1"); [ -n "$v" ] && [ "$v" -ge "$canopy_required_java" ]; }

if [ -z "${JAVA_HOME-}" ] || ! canopy_ok "$JAVA_HOME"; then
  canopy_glob_was_off=""
  case $- in *f*) canopy_glob_was_off=1 ;; esac
  set +f # mvnw turns globbing off; the search below needs it (and the sourcing script keeps its own setting)
  canopy_found=""
  canopy_found_v=0
  for candidate in /usr/lib/jvm/* "$HOME"/.sdkman/candidates/java/* /opt/java/* /opt/*jdk*; do
    [ -d "$candidate" ] || continue
    v=$(canopy_java_major "$candidate")
    if [ -n "$v" ] && [ "$v" -ge "$canopy_required_java" ] && [ "$v" -gt "$canopy_found_v" ]; then
      canopy_found="$candidate"
      canopy_found_v="$v"
    fi
  done
  [ -z "$canopy_glob_was_off" ] || set -f
  if [ -z "$canopy_found" ]; then
    echo "Canopy needs JDK $canopy_required_java or newer and found none." >&2
    echo "Install one (e.g. Temurin 25) and set JAVA_HOME to it, e.g. JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64" >&2
    exit 1
  fi
  JAVA_HOME="$canopy_found"
  export JAVA_HOME
fi
