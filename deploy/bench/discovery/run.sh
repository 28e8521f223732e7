#!/usr/bin/env bash
# Benchmark of discovery-service's statistics, trends and catalog export: one user with 100,000 catalog tracks
# (125,000 discoveries in 5,000 mixes over 90 days) and 10,000 want-list entries, seeded with SQL into the embedded
# PostgreSQL; the real service as a child JVM (-Xmx256m unless SERVICE_HEAP says otherwise). Prints a Markdown
# table: p50/p99 cold and warm against the same SQL over JDBC, export time and peak heap against a raw JDBC read.
# Not part of `mvn verify`. Results: discovery-service/target/bench-result.md.
#
#   deploy/bench/discovery/run.sh [tracks [samples]]       (defaults 100000 100)
#   SERVICE_HEAP=128m deploy/bench/discovery/run.sh
#   MVN_FLAGS=-o deploy/bench/discovery/run.sh              (Maven offline)
#   EXPLAIN=true deploy/bench/discovery/run.sh              (also EXPLAIN ANALYZE of each statement: target/bench-explain.txt)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"

# One reactor build, so a fresh clone needs no `mvn install` of the sibling modules first. The classpath comes from
# Surefire running BenchmarkClasspath by name (the dependency plugin may be missing from an offline repository).
# shellcheck disable=SC2086
mvn -B -q ${MVN_FLAGS:-} -pl discovery-service -am test-compile surefire:test -Dtest=BenchmarkClasspath \
    -Dsurefire.failIfNoSpecifiedTests=false

cd discovery-service
exec java -Xmx2g -Dbench.service.heap="${SERVICE_HEAP:-256m}" -Dbench.explain="${EXPLAIN:-false}" \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.novatune.discovery.bench.DiscoveryBenchmark "$@"
