#!/usr/bin/env bash
# Memory of every service of the local stack (each its own JVM, as deploy/run-local starts them): resident set
# size idle, then the largest during a write load on track-api (CLIENTS back-to-back POSTs for SECONDS), their ratio
# (the idle reading of the same run is the ceiling) and each service's heap ceiling (-Xmx). Not part of `mvn verify`.
#
#   deploy/bench/memory/run.sh [clients, default 8] [seconds, default 60]
#   NOVATUNE_SERVICE_JAVA_OPTS="-Xmx256m" deploy/bench/memory/run.sh     (the services' JVM options)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
clients="${1:-8}"
seconds="${2:-60}"
cd "$root"

mvn -B -q -DskipTests package
data="$(mktemp -d /tmp/novatune-memory-bench.XXXXXX)"
# Rate limits off: the load is one user writing as fast as it can.
NOVATUNE_RATELIMITS_ENABLED=false deploy/run-local --no-build --data-dir "$data" > "$data/stack.out" 2>&1 &
stack=$!
# TERM, not INT: a background job of a script ignores SIGINT. run-local stops the services, then the infrastructure;
# then the data directory goes.
trap 'kill -TERM $stack 2>/dev/null; wait $stack 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do
  grep -q "NovaTune is up" "$data/stack.out" && break
  kill -0 $stack 2>/dev/null || { cat "$data/stack.out"; exit 1; }
  sleep 1
done
grep -q "NovaTune is up" "$data/stack.out" || { echo "the stack did not come up in 300 s" >&2; exit 1; }

services=(track-api lifecycle-worker ingestion-scheduler archiver discovery-service web)
declare -A pid idle peak
for service in "${services[@]}"; do
  pid[$service]="$(pgrep -f -- "-Dnovatune.local-stack=.*$data.* -jar .*/$service[^/]*\.jar" | head -1 || true)"
done
rss() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$1/status" 2>/dev/null || echo 0; }
heap_max() { tr '\0' ' ' < "/proc/$1/cmdline" | grep -o -- '-Xmx[0-9]*[mMgG]' | tail -1 | cut -c5-; }

sleep 30 # idle: let start-up work (JIT, first polls) settle before the idle reading; a benchmark, not a test
for service in "${services[@]}"; do
  [[ -n "${pid[$service]}" ]] && idle[$service]="$(rss "${pid[$service]}")" && peak[$service]="${idle[$service]}"
done

token="$(curl -s -X POST localhost:8080/api/v1/dev/token -H 'Content-Type: application/json' \
  -d '{"userId": "memory-bench", "roles": []}' | sed 's/.*"token" *: *"\([^"]*\)".*/\1/')"
load_before="$(cut -d' ' -f1 /proc/loadavg)"
java deploy/bench/memory/WriteLoad.java http://localhost:8080 "$token" "$clients" "$seconds" > "$data/written" &
load=$!
while kill -0 $load 2>/dev/null; do
  for service in "${services[@]}"; do
    [[ -n "${pid[$service]}" ]] || continue
    now="$(rss "${pid[$service]}")"
    (( now > ${peak[$service]} )) && peak[$service]=$now
  done
  sleep 1
done
wait $load
written="$(cat "$data/written")"
load_after="$(cut -d' ' -f1 /proc/loadavg)"

echo "$clients clients for $seconds s: $written tracks written ($((written / seconds)) POST/s); 1-minute load average $load_before before, $load_after after"
echo
echo "| service | RSS idle MiB | RSS max under writes MiB | under writes ÷ idle | heap ceiling (-Xmx) |"
echo "|---|---|---|---|---|"
for service in "${services[@]}"; do
  if [[ -z "${pid[$service]}" ]]; then
    echo "| $service | not running | | | |"
    continue
  fi
  growth="$(awk -v a="${peak[$service]}" -v b="${idle[$service]}" 'BEGIN {printf "%.2f", a / b}')"
  echo "| $service | ${idle[$service]} | ${peak[$service]} | $growth | $(heap_max "${pid[$service]}") |"
done
