#!/usr/bin/env bash
# Benchmark of ingestion-scheduler: decisions/s and memory for N TrackAdded (default 100,000) with 50 %
# duplicate ISRCs, first as new events, then as a replay of the whole topic, through the real service (fat jar,
# child process, -Xmx256m) against embedded Kafka and PostgreSQL; then the ceiling in the same run (plain
# KafkaConsumers running the service's ledger statement once per poll, no service) and the ratio to it, and a
# check that every ISRC was requested exactly once. Prints a Markdown table. Not part of `mvn verify`.
# Results: ingestion-scheduler/target/bench-result.md.
#
#   deploy/bench/ingestion-replay/run.sh [events]
#   SERVICE_JVM="-Xmx512m" deploy/bench/ingestion-replay/run.sh      # other service JVM options
#   SERVICE_JFR=/tmp/profiles deploy/bench/ingestion-replay/run.sh   # a JFR recording of each pass there
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
events="${1:-100000}"
cd "$root"

# The service's fat jar and the benchmark's classes (test sources: it reuses the tests' Kafka probe).
# One reactor build, so a fresh clone needs no `mvn install` of the sibling modules first.
mvn -B -q -pl ingestion-scheduler -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath

cd ingestion-scheduler
mkdir -p "${SERVICE_JFR:-target}"
exec java -Xmx1g -Dbench.service.jvm="${SERVICE_JVM:--Xmx256m}" -Dbench.service.jfr="${SERVICE_JFR:-}" \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.novatune.ingestion.bench.IngestionReplayBenchmark "$events"
