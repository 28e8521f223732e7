#!/usr/bin/env bash
# The write path's fault suite: clients add tracks while track-api is SIGKILLed, the Kafka broker is stopped and
# restarted, and PostgreSQL is stopped and restarted; then every acknowledged write's TrackAdded must be on
# track-added (duplicates counted, losses fail the run). Starts its own PostgreSQL, Kafka and track-api.
# Results: docs/reliability.md.
#
#   deploy/bench/faults/run.sh [clients, default 8] [writes for the SIGKILL run, default 10000; half for the others]
set -euo pipefail
cd "$(dirname "$0")/../../.."
# One reactor build: the sibling modules' classes come from their target/ folders, so a fresh clone needs no
# `mvn install` first.
mvn -B -q -pl track-api -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -cp "track-api/target/test-classes:track-api/target/classes:$(cat track-api/target/bench.classpath)" \
  io.novatune.trackapi.bench.FaultSuite "$@"
