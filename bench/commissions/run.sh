#!/usr/bin/env bash
# Benchmark: Canopy's commission engine (Commissions.price through the real Spring bean) against a
# hand-written INSERT … SELECT computing the same commissions into the same table, alternately, in one
# application on one embedded PostgreSQL (fsync on, in a temporary directory). Prints each run, the
# medians and their ratio (goal: engine <= 2 × hand-written). Loading the sales is not timed.
# Usage: bench/commissions/run.sh [--sales=N] [--partners=N] [--rounds=N] [--explain]
#   --sales=N     sale events to price (default 1000000; N/10 customers paying ten times each)
#   --partners=N  partners the customers are spread over (default 1000)
#   --rounds=N    runs of each, alternately (default 3); the medians are compared
#   --explain     afterwards, print EXPLAIN (ANALYZE, BUFFERS) of the engine's statements and of the
#                 hand-written one (through auto_explain)
# (from the project root or anywhere; compiles first, so a changed engine is what gets measured)
set -euo pipefail
cd "$(dirname "$0")/../.."
. .mvn/select-jdk.sh
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > /dev/null
"$JAVA_HOME/bin/javac" -d target/bench-support -cp "target/classes:$(cat target/bench-classpath.txt)" bench/support/Bench.java
"$JAVA_HOME/bin/java" -Xmx1g -cp "target/bench-support:target/classes:$(cat target/bench-classpath.txt)" \
  bench/commissions/CommissionsBench.java "$@"
