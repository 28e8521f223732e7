#!/usr/bin/env bash
# Benchmark of discovery-service's parsing and identification: 10,000 lines of text tracklist parsed (against a
# split-and-one-regex floor measured in the same run), and a 100-entry tracklist identified through the real service
# (Spring context on this JVM's embedded PostgreSQL and Kafka, the MusicBrainz/Discogs stand-in at their real rate
# limits): cold, warm (in-memory cache), warm after a restart (database cache), against a no-lookup job floor and,
# cold, against MusicBrainz's 1 request/s. Prints a Markdown table. Not part of `mvn verify`.
# Results: discovery-service/target/bench-identification.md.
#
#   deploy/bench/discovery-identification/run.sh [lines [entries]]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"

# The service's and the benchmark's classes (test sources: it reuses the stand-in and the Kafka probe).
# One reactor build, so a fresh clone needs no `mvn install` of the sibling modules first.
mvn -B -q ${MVN_OFFLINE:+-o} -pl discovery-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath

cd discovery-service
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.novatune.discovery.bench.IdentificationBenchmark "$@"
