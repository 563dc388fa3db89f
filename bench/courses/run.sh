#!/usr/bin/env bash
# Benchmark: a SCORM package of 50 MB (by default) imported as a lesson: the zip stored, every entry checked and
# unpacked, the manifest read (issue #16 asks for the figure). Three imports; the median and each one.
# Usage: bench/courses/run.sh [--package-mb=N] [--files=N]
set -euo pipefail
cd "$(dirname "$0")/../.."
. .mvn/select-jdk.sh
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > /dev/null
"$JAVA_HOME/bin/javac" -d target/bench-support -cp "target/classes:$(cat target/bench-classpath.txt)" \
  bench/support/Bench.java
"$JAVA_HOME/bin/java" -Xmx1g -cp "target/bench-support:target/classes:$(cat target/bench-classpath.txt)" \
  bench/courses/CourseBench.java "$@"
