#!/usr/bin/env bash
# Benchmark: the link redirect under wrk (64 connections, every request a new visitor and so a counted
# click), against nginx answering the same 302 with the same headers, started here as the baseline.
# Canopy is measured on its dedicated redirect listener (the one links are shared on in production), in two
# JVM settings, each started once and measured in several runs, nginx and Canopy back to back in each run:
#   documented  the flags of the README's production command: the pom's canopy.jvm-options, which the
#               README's run command and the tests that start the packaged jar use too
#   defaults    plain `java -jar`, the JVM's own choices on this machine
#   "-XX:…"     any other flags, quoted as one argument, to compare
# Reports per run requests/s and p50, p99, p99.9 of both, the clicks counted and dropped, how long after the
# run every counted click is in PostgreSQL (and in how many of the writer's batches), the safepoint pauses while
# Canopy was measured (count, total, share of the run, longest), where the cores went during
# each run (user, system and softirq time; the cores the server, PostgreSQL and wrk used), and per setting the
# longest GC pause (from the safepoint log, whatever the collector) and the heap's high-water mark. wrk, the JVM and
# its embedded PostgreSQL share the machine's cores, as they come; the JVM runs in a session of its own, as nginx does.
# Usage: bench/redirect/run.sh [duration] [runs] [settings...]   (from the project root; defaults: 20s 3
#        documented defaults; needs wrk, nginx and psql: apt-get install wrk nginx postgresql-client;
#        builds the jar when missing)
#        WRK_REALTIME=1 runs wrk at real-time priority (chrt -f 10), so that its latencies leave out the time its own
#        threads wait for a core on the shared cores (ADR 36's open question); its figures are then not comparable
#        with runs at normal priority, and since the JVM has a session of its own it starves both servers (ADR 38).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20s}
runs=${2:-3}
shift $(( $# > 2 ? 2 : $# ))
settings=("$@")
[ $# -gt 0 ] || settings=(documented defaults)
connections=64
threads=2
app_port=18090
redirect_port=18092
nginx_port=18091
pg_port=54391
work=$(mktemp -d)
app=""
stop_app() { [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true; app=""; }
cleanup() {
  stop_app
  [ -f "$work/nginx.pid" ] && nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

. .mvn/select-jdk.sh
[ -f target/canopy.jar ] || ./mvnw -q -B -DskipTests package

mkdir -p "$work"/{body,proxy,fastcgi,uwsgi,scgi}
sed "s#__WORK__#$work#g; s#__PORT__#$nginx_port#g" bench/redirect/nginx.conf > "$work/nginx.conf"
nginx -c "$work/nginx.conf"

sql() { psql -h localhost -p $pg_port -U postgres -d postgres -tAc "$1"; }
metric() { curl -s "http://localhost:$app_port/actuator/prometheus" | awk -v m="$1" '$1 == m { printf "%d", $2 }'; }
wrk_priority=()
[ "${WRK_REALTIME:-0}" = 1 ] && wrk_priority=(chrt -f 10)
run_wrk() { "${wrk_priority[@]}" wrk -t$threads -c$connections -d"$2" --latency -s bench/redirect/visitors.lua "$1" -- $links; }
rps() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$1"; }
# A percentile of wrk's latency distribution, in milliseconds.
pct() {
  awk -v p="$2" '$1 == p { v = $2; unit = v; gsub(/[0-9.]/, "", unit); gsub(/[a-z]/, "", v);
        if (unit == "us") v = v / 1000; else if (unit == "s") v = v * 1000; printf "%.2f", v }' "$1"
}
# Where the two cores went during a wrk run: the machine's user, system and softirq time (from /proc/stat), and the
# cores used by the server's processes and by wrk (this shell's waited-for children, which are mostly wrk).
ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); done; echo $t; }
machine() { awk '/^cpu / { print $2 + $3, $4, $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
children() { awk '{ print $16 + $17 }' /proc/$$/stat; }
measured() {   # measured NAME URL "SERVER PIDS" "POSTGRESQL PIDS": wrk into $work/NAME.txt, the CPU split into NAME.cpu
  local name=$1 url=$2 server=$3 pg=$4 before after
  before="$(machine) $(ticks $server) $(ticks $pg) $(children)"
  run_wrk "$url" "$duration" > "$work/$name.txt"
  after="$(machine) $(ticks $server) $(ticks $pg) $(children)"
  echo "$before $after" | awk -v hz="$(getconf CLK_TCK)" -v cpus="$(nproc)" '{
      total = $11 - $4; secs = total / hz / cpus;
      printf "user %d %%, system %d %%, softirq %d %%; server %.2f cores", 100 * ($8 - $1) / total,
        100 * ($9 - $2) / total, 100 * ($10 - $3) / total, ($12 - $5) / hz / secs;
      if ($13 > $6) printf " (PostgreSQL %.2f)", ($13 - $6) / hz / secs;
      printf ", wrk %.2f", ($14 - $7) / hz / secs }' > "$work/$name.cpu"
}
latency() { printf 'p50 %6s  p99 %6s  p99.9 %6s ms' "$(pct "$1" 50%)" "$(pct "$1" 99%)" \
  "$(awk '$1 == "p99.9" { printf "%.2f", $2 / 1000 }' "$1")"; }

for setting in "${settings[@]}"; do
  case $setting in
    documented) read -ra jvm <<< "$(sed -n 's#.*<canopy.jvm-options>\(.*\)</canopy.jvm-options>.*#\1#p' pom.xml)" ;;
    defaults) jvm=() ;;
    -*) read -ra jvm <<< "$setting" ;;
    *) echo "unknown setting $setting (documented, defaults, or JVM flags in quotes)" >&2; exit 2 ;;
  esac
  rm -rf "$work/pg"
  # In a session of its own, as a service manager or a terminal of its own starts it and as nginx puts itself:
  # Linux shares the cores between sessions first (autogroups), so a JVM in this script's session would split one
  # session's share with wrk while nginx had a whole one (ADR 38).
  setsid "$JAVA_HOME/bin/java" "${jvm[@]}" -Xlog:safepoint,gc:file="$work/gc.log" -jar target/canopy.jar \
    --spring.profiles.active=demo --server.port=$app_port --canopy.tracking.redirect-port=$redirect_port \
    --canopy.embedded-postgres.data-dir="$work/pg" --canopy.embedded-postgres.port=$pg_port \
    --canopy.mail.sink.port=0 --canopy.base-url=http://localhost:$app_port > "$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$app_port/actuator/health" > /dev/null && break
    sleep 1
  done
  links=$(sql "select '/r/northwind/' || slug from tracking_link order by slug" | tr '\n' ' ')
  run_wrk "http://127.0.0.1:$redirect_port" 30s > /dev/null    # warm-up: let the JIT compile the hot path
  sleep 3
  warmed=$(grep -c . "$work/gc.log")

  printf '%s\n  (java %s -jar canopy.jar), %s at %d connections, every request a new visitor%s:\n' \
    "$setting" "${jvm[*]:-}" "$duration" $connections "${wrk_priority[*]:+, wrk at real-time priority}"
  for run in $(seq 1 "$runs"); do
    before_rows=$(sql "select count(*) from tracking_click")
    before_accepted=$(metric canopy_clicks_accepted_total)
    before_dropped=$(metric canopy_clicks_dropped_total)
    before_written=$(metric canopy_clicks_written_total)
    before_batches=$(metric canopy_clicks_batches_total)
    measured nginx "http://127.0.0.1:$nginx_port" "$(pgrep -d ' ' -x nginx)" ""
    postgres=$(pgrep -d ' ' -x postgres || true)
    gc_from=$(grep -c . "$work/gc.log")
    measured canopy "http://127.0.0.1:$redirect_port" "$app $postgres" "$postgres"
    ended=$(date +%s.%N)
    gc_pauses=$(tail -n +"$((gc_from + 1))" "$work/gc.log" | grep -oE 'Safepoint ".*Total: [0-9]+ ns' \
      | awk -v d="$duration" '{ n++; t += $(NF - 1); if ($(NF - 1) > m) m = $(NF - 1) }
          END { printf "%d, %.0f ms in all (%.2f %% of the run), longest %.1f ms", n, t / 1e6, t / 1e7 / d, m / 1e6 }')
    accepted=$(( $(metric canopy_clicks_accepted_total) - before_accepted ))
    dropped=$(( $(metric canopy_clicks_dropped_total) - before_dropped ))
    # The writer counts a batch as written once PostgreSQL has committed it; counting the rows every 50 ms instead
    # took a third of a second a time on a table of millions, on the cores the writer needs.
    until [ "$(metric canopy_clicks_written_total)" -ge $((before_written + accepted)) ]; do
      sleep 0.05
      if (( $(echo "$(date +%s.%N) - $ended > 60" | bc -l) )); then echo "clicks still missing after 60 s" >&2; exit 1; fi
    done
    landed=$(echo "$(date +%s.%N) - $ended" | bc -l)
    stored=$(( $(sql "select count(*) from tracking_click") - before_rows ))
    [ "$stored" -eq "$accepted" ] || { echo "$accepted clicks counted but $stored stored" >&2; exit 1; }
    batches=$(( $(metric canopy_clicks_batches_total) - before_batches ))
    errors=$(grep -c "Non-2xx or 3xx" "$work/canopy.txt" || true)
    printf '  run %d  nginx  %7s req/s  %s\n' "$run" "$(rps "$work/nginx.txt")" "$(latency "$work/nginx.txt")"
    printf '         Canopy %7s req/s  %s  (%.2f x req/s, %.2f x p99)%s\n' "$(rps "$work/canopy.txt")" \
      "$(latency "$work/canopy.txt")" "$(echo "$(rps "$work/canopy.txt") / $(rps "$work/nginx.txt")" | bc -l)" \
      "$(echo "$(pct "$work/canopy.txt" 99%) / $(pct "$work/nginx.txt" 99%)" | bc -l)" \
      "$([ "$errors" -gt 0 ] && echo '  NON-3xx ANSWERS' || true)"
    printf '         clicks counted %d, dropped %d, all in PostgreSQL %.2f s after the run, in %d batches\n' \
      "$accepted" "$dropped" "$landed" "$batches"
    printf '         safepoint pauses while Canopy was measured: %s\n' "$gc_pauses"
    printf '         CPU  nginx: %s\n              Canopy: %s\n' "$(cat "$work/nginx.cpu")" "$(cat "$work/canopy.cpu")"
  done
  # Every collector stops the application at a safepoint; the longest one measured is the longest pause.
  pause=$(tail -n +"$warmed" "$work/gc.log" | grep -E 'Safepoint ".*Total: [0-9]+ ns' \
    | sed -E 's/.*Safepoint "([^"]+)".*Total: ([0-9]+) ns.*/\2 \1/' | sort -n | tail -1 | awk '{ printf "%.1f ms (%s)", $1 / 1e6, $2 }')
  heap=$(grep -oE '[0-9]+M\([0-9]+%\)->|[0-9]+M->' "$work/gc.log" | grep -oE '^[0-9]+' | sort -n | tail -1)
  rss=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' /proc/$app/status)
  stalls=$(tail -n +"$warmed" "$work/gc.log" | grep -c "Allocation Stall" || true)
  printf '  longest pause while measured %s (allocation stalls: %d); largest heap before a collection %s MB; peak RSS %s MB\n\n' \
    "$pause" "$stalls" "${heap:-?}" "$rss"
  stop_app
done
