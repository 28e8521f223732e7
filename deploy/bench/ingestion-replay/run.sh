#!/usr/bin/env bash
# Benchmark of ingestion-scheduler: decisions/s and memory for a replay of N TrackAdded (default 100,000)
# with 50 % duplicate ISRCs, through the real service (fat jar, child process) against embedded Kafka and
# PostgreSQL. Not part of `mvn verify`. Results: ingestion-scheduler/target/bench-result.txt.
#
#   deploy/bench/ingestion-replay/run.sh [events]
#   SERVICE_JVM="-Xmx256m" deploy/bench/ingestion-replay/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
events="${1:-100000}"
cd "$root"

# The service's fat jar and the benchmark's classes (test sources: it reuses the tests' Kafka probe).
# One reactor build, so a fresh clone needs no `mvn install` of the sibling modules first.
mvn -B -q -pl ingestion-scheduler -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath

cd ingestion-scheduler
exec java -Xmx1g -Dbench.service.jvm="${SERVICE_JVM:--Xmx512m}" \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.novatune.ingestion.bench.IngestionReplayBenchmark "$events"
