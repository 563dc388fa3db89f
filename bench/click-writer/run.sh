#!/usr/bin/env bash
# Benchmark: the click writer alone, sustained over N clicks (default 1,000,000) into a real PostgreSQL.
# Usage: bench/click-writer/run.sh [clicks]   (from the project root; compiles when needed)
set -euo pipefail
cd "$(dirname "$0")/../.."
. .mvn/select-jdk.sh
[ -d target/classes/dev ] || ./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > /dev/null
"$JAVA_HOME/bin/java" -Xmx1g -cp "target/classes:$(cat target/bench-classpath.txt)" \
  bench/click-writer/ClickWriterBench.java "${1:-1000000}"
