#!/usr/bin/env bash
# Benchmark: an import from another PRM (Dub's export shapes) of 10,000 partners, 50,000 links, 20,000 customers and
# 200,000 commissions into one programme, for real, then the same files again (every record unchanged): records per
# second of each file, in one application on one embedded PostgreSQL (fsync on, in a temporary directory).
# Usage: bench/imports/run.sh [--partners=N] (links are 5, customers 2 and commissions 20 per partner)
set -euo pipefail
cd "$(dirname "$0")/../.."
. .mvn/select-jdk.sh
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > /dev/null
"$JAVA_HOME/bin/javac" -d target/bench-support -cp "target/classes:$(cat target/bench-classpath.txt)" \
  bench/support/Bench.java
"$JAVA_HOME/bin/java" -Xmx3g -cp "target/bench-support:target/classes:$(cat target/bench-classpath.txt)" \
  bench/imports/ImportsBench.java "$@"
