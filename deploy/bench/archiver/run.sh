#!/usr/bin/env bash
# Benchmark of the archiver: N tracks (default 200) × (8 MiB audio + 300 KiB cover) from a local provider into S3,
# through the real service (child JVM, -Xmx256m unless SERVICE_HEAP says otherwise) and, in the same run, as a raw
# copy of the same bytes with the same SDK. Prints both throughputs and their ratio. Not part of `mvn verify`.
# Results: archiver/target/bench-result.txt.
#
#   deploy/bench/archiver/run.sh [tracks [audio-MiB [cover-KiB]]]
#   SERVICE_HEAP=128m deploy/bench/archiver/run.sh
#   PART_SIZE=5MB deploy/bench/archiver/run.sh     (default 8MB, production's: the 8 MiB audio is one put; 5MB: multipart + self-copy)
#   WARM_UP=0 deploy/bench/archiver/run.sh         (tracks each side copies unmeasured first, default 40)
#   ROUNDS=1 deploy/bench/archiver/run.sh          (turns the two sides take over the tracks, default 4)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"

# The service's and the benchmark's classes (test sources: it reuses the tests' provider stand-in and Kafka probe).
# One reactor build, so a fresh clone needs no `mvn install` of the sibling modules first.
mvn -B -q -pl archiver -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath

cd archiver
exec java -Xmx2g -Dbench.service.heap="${SERVICE_HEAP:-256m}" -Dbench.part-size="${PART_SIZE:-8MB}" \
    -Dbench.warm-up="${WARM_UP:-40}" -Dbench.rounds="${ROUNDS:-4}" \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.novatune.archiver.bench.ArchiverBenchmark "$@"
