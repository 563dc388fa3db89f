#!/usr/bin/env bash
# Benchmark: webhook fan-out. N domain events (100,000 by default), each committed in its own transaction, to 10
# endpoints on local receivers: deliveries per second and the latency from each event's commit to its arrival at a
# receiver (p50, p99), in one application on one embedded PostgreSQL (fsync on, in a temporary directory).
# Usage: bench/webhooks/run.sh [--events=N] [--endpoints=N]
set -euo pipefail
cd "$(dirname "$0")/../.."
. .mvn/select-jdk.sh
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > /dev/null
"$JAVA_HOME/bin/javac" -d target/bench-support -cp "target/classes:$(cat target/bench-classpath.txt)" \
  bench/support/Bench.java
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/bench-support:target/classes:$(cat target/bench-classpath.txt)" \
  bench/webhooks/WebhooksBench.java "$@"
