#!/usr/bin/env bash
# Benchmark: the analytics dashboards on a generated ecosystem (bench/generate: 10,000 partners, 20,000,000 clicks
# over two years, 1,000,000 customers and their conversions, 100,000 deals by default), in one application on one
# embedded PostgreSQL (fsync on, in a temporary directory). Prints the generation time, each dashboard query's p95
# with warm caches against the same aggregate over the raw tables, and how long a new click takes to show.
# Usage: bench/analytics/run.sh [--clicks=N] [--partners=N] [--customers=N] [--deals=N] [--days=30;365]
#        [--data=DIR: keep the database there; a database kept before is timed again without generating]
set -euo pipefail
cd "$(dirname "$0")/../.."
. .mvn/select-jdk.sh
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > /dev/null
"$JAVA_HOME/bin/javac" -d target/bench-support -cp "target/classes:$(cat target/bench-classpath.txt)" \
  bench/support/Bench.java bench/generate/Ecosystem.java
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/bench-support:target/classes:$(cat target/bench-classpath.txt)" \
  bench/analytics/AnalyticsBench.java "$@"
