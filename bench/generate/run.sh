#!/usr/bin/env bash
# Fills an existing workspace with a generated partner ecosystem (Ecosystem.java: 10,000 partners, 20,000,000 clicks
# over two years, 1,000,000 customers with their conversions, 100,000 deals by default; a few partners bring most),
# by COPY, with a progress bar. bench/analytics/run.sh uses the same generator on a database of its own.
# Usage: bench/generate/run.sh --jdbc=jdbc:postgresql://localhost:5432/canopy --user=… --password=… --workspace=slug
#        [--clicks=N] [--partners=N] [--customers=N] [--deals=N]
set -euo pipefail
cd "$(dirname "$0")/../.."
. .mvn/select-jdk.sh
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt > /dev/null
"$JAVA_HOME/bin/javac" -d target/bench-support -cp "$(cat target/bench-classpath.txt)" bench/generate/Ecosystem.java
"$JAVA_HOME/bin/java" -cp "target/bench-support:$(cat target/bench-classpath.txt)" bench/generate/Generate.java "$@"
