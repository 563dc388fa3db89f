#!/usr/bin/env bash
# Benchmark: the link redirect under wrk (64 connections, every request a new visitor and so a counted
# click), against nginx answering the same 302 with the same headers, started here as the baseline.
# Reports requests/s and p99 of both, how long after the run every counted click is in PostgreSQL, and
# the JVM's memory under a 512 MB heap. wrk, the server under test and (for Canopy) its PostgreSQL share
# the machine's cores, as they come. Canopy is measured on its dedicated redirect listener (the one links
# are shared on in production) and, for comparison, on the application's own port.
# Usage: bench/redirect/run.sh [duration]   (from the project root; needs wrk, nginx and psql:
#        apt-get install wrk nginx postgresql-client; builds the jar when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20s}
connections=64
threads=2
app_port=18090
redirect_port=18092
nginx_port=18091
pg_port=54391
work=$(mktemp -d)
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true
  [ -n "${KEEP:-}" ] && cp "$work"/gc.log /tmp/prof/gc-last.log; rm -rf "$work"
}
trap cleanup EXIT

. .mvn/select-jdk.sh
[ -f target/canopy.jar ] || ./mvnw -q -B -DskipTests package

mkdir -p "$work"/{body,proxy,fastcgi,uwsgi,scgi}
sed "s#__WORK__#$work#g; s#__PORT__#$nginx_port#g" bench/redirect/nginx.conf > "$work/nginx.conf"
nginx -c "$work/nginx.conf"

"$JAVA_HOME/bin/java" -XX:+UseParallelGC -Xms512m -Xmx512m -Xmn300m -Xlog:gc:file="$work/gc.log" -jar target/canopy.jar \
  --spring.profiles.active=demo --server.port=$app_port --canopy.tracking.redirect-port=$redirect_port \
  --canopy.embedded-postgres.data-dir="$work/pg" --canopy.embedded-postgres.port=$pg_port \
  --canopy.mail.sink.port=0 --canopy.base-url=http://localhost:$app_port > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$app_port/actuator/health" > /dev/null && break
  sleep 1
done

sql() { psql -h localhost -p $pg_port -U postgres -d postgres -tAc "$1"; }
metric() { curl -s "http://localhost:$app_port/actuator/prometheus" | awk -v m="$1" '$1 == m { printf "%d", $2 }'; }
links=$(sql "select '/r/northwind/' || slug from tracking_link order by slug" | tr '\n' ' ')
demo_clicks=$(sql "select count(*) from tracking_click")

run_wrk() { wrk -t$threads -c$connections -d"$2" --latency -s bench/redirect/visitors.lua "$1" -- $links; }
rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
p99() {
  awk '$1 == "99%" { v = $2; unit = v; gsub(/[0-9.]/, "", unit); gsub(/[a-z]/, "", v);
        if (unit == "us") v = v / 1000; else if (unit == "s") v = v * 1000; printf "%.2f", v }' "$1"
}

run_wrk "http://127.0.0.1:$redirect_port" 10s > /dev/null    # warm-up: let the JIT compile the hot path
run_wrk "http://127.0.0.1:$app_port" 5s > /dev/null
run_wrk "http://127.0.0.1:$nginx_port" "$duration" > "$work/nginx.txt"
run_wrk "http://127.0.0.1:$app_port" "$duration" > "$work/tomcat.txt"
run_wrk "http://127.0.0.1:$redirect_port" "$duration" > "$work/canopy.txt"
ended=$(date +%s.%N)
accepted=$(metric canopy_clicks_accepted_total)
dropped=$(metric canopy_clicks_dropped_total)
expected=$((demo_clicks + accepted))
until [ "$(sql "select count(*) from tracking_click")" -ge "$expected" ]; do
  sleep 0.05
  if (( $(echo "$(date +%s.%N) - $ended > 30" | bc -l) )); then echo "clicks still missing after 30 s" >&2; exit 1; fi
done
landed=$(echo "$(date +%s.%N) - $ended" | bc -l)

canopy_rps=$(rps "$work/canopy.txt"); nginx_rps=$(rps "$work/nginx.txt")
errors=$(cat "$work/canopy.txt" "$work/tomcat.txt" | grep -c "Non-2xx or 3xx" || true)
heap_peak=$(grep -oE '[0-9]+M\([0-9]+%\)->[0-9]+M|[0-9]+M->[0-9]+M' "$work/gc.log" | sed -E 's/M.*//' | sort -n | tail -1)
rss_peak=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' /proc/$app/status)

printf 'redirect, %s at %d connections, every request a new visitor:\n' "$duration" $connections
printf '  nginx return 302:          %8.0f req/s  p99 %s ms\n' "$nginx_rps" "$(p99 "$work/nginx.txt")"
printf '  Canopy redirect listener: %8.0f req/s  p99 %s ms  (%.2f x nginx)%s\n' "$canopy_rps" "$(p99 "$work/canopy.txt")" \
  "$(echo "$canopy_rps / $nginx_rps" | bc -l)" "$([ "$errors" -gt 0 ] && echo '  NON-3xx ANSWERS' || true)"
printf '  Canopy on the app port:   %8.0f req/s  p99 %s ms\n' "$(rps "$work/tomcat.txt")" "$(p99 "$work/tomcat.txt")"
printf '  clicks counted: %d (dropped: %d); all in PostgreSQL %.2f s after the run\n' "$accepted" "$dropped" "$landed"
printf '  JVM: heap limit 512 MB, largest heap before a GC %s MB, peak RSS %s MB\n' "${heap_peak:-?}" "$rss_peak"
