#!/usr/bin/env bash
# Benchmark: the content library. 50,000 assets (by default) with a few hundred words of document text each, made
# in PostgreSQL, searched as staff and as a partner (whose audience hides a third of them): p50 and p95 of a search
# (issue #16's goal: p95 ≤ 300 ms); then a 20 MB PDF uploaded, sniffed, read and indexed through the library.
# Usage: bench/content/run.sh [--assets=N] [--searches=N] [--pdf-mb=N]
set -euo pipefail
cd "$(dirname "$0")/../.."
. .mvn/select-jdk.sh
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > /dev/null
"$JAVA_HOME/bin/javac" -d target/bench-support -cp "target/classes:$(cat target/bench-classpath.txt)" \
  bench/support/Bench.java
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/bench-support:target/classes:$(cat target/bench-classpath.txt)" \
  bench/content/ContentBench.java "$@"
