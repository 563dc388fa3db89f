#!/usr/bin/env bash
# Benchmark: a payout run over 10,000 partners through the real PayoutRuns bean, phase by phase
# (start = claim + lines + taxes, approve by a second person, export, markPaid), on an embedded
# PostgreSQL (fsync on, in a temporary directory). Each round is a fresh workspace in the same JVM; the
# data is loaded with SQL and approved with Commissions.approveDue before the clock starts. Prints each
# round's phases and the medians (goal: total < 30 s).
# Usage: bench/payout-run/run.sh [--partners=N] [--commissions=N] [--rounds=N]
#   --partners=N     partners in the run (default 10000; every tenth Indian with a PAN, half of those with GST)
#   --commissions=N  approved commissions per partner (default 3)
#   --rounds=N       runs, each in a new workspace (default 3); the medians are reported
# (from the project root or anywhere; compiles first, so changed code is what gets measured)
set -euo pipefail
cd "$(dirname "$0")/../.."
. .mvn/select-jdk.sh
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > /dev/null
"$JAVA_HOME/bin/javac" -d target/bench-support -cp "target/classes:$(cat target/bench-classpath.txt)" bench/support/Bench.java
"$JAVA_HOME/bin/java" -Xmx1g -cp "target/bench-support:target/classes:$(cat target/bench-classpath.txt)" \
  bench/payout-run/PayoutRunBench.java "$@"
