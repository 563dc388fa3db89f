#!/usr/bin/env bash
# Benchmark: import a 10,000-row partner CSV through the real UI endpoint of the packaged jar (demo
# profile, embedded PostgreSQL in a temporary directory) and report how long until the import is done.
# Usage: bench/partner-import/run.sh [rows]   (from the project root; builds the jar when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-10000}
port=18080
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

. .mvn/select-jdk.sh
[ -f target/canopy.jar ] || ./mvnw -q -B -DskipTests package

python3 - "$rows" > "$work/partners.csv" <<'PY'
import sys
rows = int(sys.argv[1])
print("name,website,types,regions,verticals,size,status,contact_name,contact_email")
for i in range(rows):
    print(f'"Bench Partner {i}, Ltd.",bench-{i}.example,RESELLER;MSP,EMEA;DACH,Retail,11-50,ACTIVE,Ann {i},ann{i}@bench-{i}.example')
PY

"$JAVA_HOME/bin/java" -Xmx512m -jar target/canopy.jar --spring.profiles.active=demo --server.port=$port \
  --canopy.embedded-postgres.data-dir="$work/pg" --canopy.embedded-postgres.port=0 --canopy.mail.sink.port=0 \
  --canopy.base-url=http://localhost:$port > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$port/actuator/health" > /dev/null && break
  sleep 1
done

jar="$work/cookies"
csrf() { curl -s -b "$jar" -c "$jar" "http://localhost:$port$1" | sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1; }
token=$(csrf /login)
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "email=owner@northwind.example" \
  --data-urlencode "password=canopy-demo-2026" --data-urlencode "_csrf=$token" "http://localhost:$port/login"
token=$(csrf /app/partners/import)

start=$(date +%s.%N)
location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" -F "_csrf=$token" \
  -F "file=@$work/partners.csv;type=text/csv" "http://localhost:$port/app/partners/import")
until curl -s -b "$jar" -H 'HX-Request: true' "$location" | grep -q 'data-status="DONE"'; do sleep 0.2; done
end=$(date +%s.%N)

imported=$(curl -s -b "$jar" -H 'HX-Request: true' "$location" | sed -n 's/.*data-testid="imported-count">\([0-9]*\)<.*/\1/p')
printf 'partner CSV import: %s of %s rows imported in %.1f s (upload to done, 512 MB heap)\n' \
  "$imported" "$rows" "$(echo "$end - $start" | bc -l)"
