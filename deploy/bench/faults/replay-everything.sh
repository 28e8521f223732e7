#!/usr/bin/env bash
# Every consumer group rewound to offset 0 on every topic it reads, then the services started again: nothing may
# happen a second time. On the local stack (deploy/run-local) with a data directory of its own:
#   1. a walk-through that gives every consumer something to do: a catalog track and an album (ingestion-scheduler),
#      an upload deleted and purged (lifecycle-worker, track-api's track-purged), a provider track archived (archiver,
#      track-api's archive-results), a tracklist identified (discovery-service);
#   2. once every group has consumed everything, a snapshot of the effects: the rows of every database, every object
#      in S3 (name, size, modification time), the ingestion requests sent;
#   3. the stack stopped, every group of deploy/scripts/replay's service list rewound to the earliest offset, the stack
#      started again, and once every group has consumed everything again, the same snapshot: it must be identical.
# Results: docs/reliability.md.  Needs psql (the PostgreSQL client).  Usage: deploy/bench/faults/replay-everything.sh
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$repo_root"
api="http://localhost:8080"
discovery="http://localhost:8083"
startup_timeout=300
# deploy.replay.ServiceGroup: each service's consumer group and the topics it reads.
groups=(track-api:track-purged track-api:archive-results lifecycle-worker:track-deleted
        ingestion-scheduler:track-added ingestion-scheduler:track-indexed discovery-service:track-added archiver:archive-due)

command -v psql >/dev/null || { echo "[replay] needs psql, the PostgreSQL client (apt-get install -y postgresql-client)" >&2; exit 2; }
[[ -f deploy/target/deploy.jar ]] || mvn -B -q package -Dmaven.test.skip=true

work="$(mktemp -d -t novatune-replay.XXXXXX)"
data_dir="$work/data"
launcher_pid=""
say() { echo "[replay] $*"; }
fail() { echo "[replay] FAILED: $*" >&2; [[ -n "${launcher_log:-}" ]] && tail -n 40 "$launcher_log" >&2; exit 1; }

stop_stack() {
  [[ -n "$launcher_pid" ]] || return 0
  kill -TERM "$launcher_pid" 2>/dev/null || true
  wait "$launcher_pid" 2>/dev/null || true
  launcher_pid=""
}
finish() {
  local status=$?
  stop_stack
  if [[ $status -eq 0 ]]; then rm -rf "$work"; else echo "[replay] work directory kept: $work" >&2; fi
}
trap finish EXIT

start_stack() {
  launcher_log="$work/launcher-$(date +%s%N).log"
  deploy/run-local --no-build --data-dir "$data_dir" --startup-timeout-seconds "$startup_timeout" "$@" >"$launcher_log" 2>&1 &
  launcher_pid=$!
  for _ in $(seq 1 "$startup_timeout"); do
    grep -qs "NovaTune is up" "$launcher_log" && return 0
    kill -0 "$launcher_pid" 2>/dev/null || fail "the launcher exited: $launcher_log"
    sleep 1
  done
  fail "no 'NovaTune is up' within $startup_timeout s"
}

json_string() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p" | head -n 1; }

# Polls "$@" once a second until it succeeds, for at most $1 seconds.
within() {
  local seconds="$1"; shift
  for _ in $(seq 1 "$seconds"); do "$@" && return 0; sleep 1; done
  return 1
}

# Every group's committed offset is the end of every partition it reads (a replay's dry run prints both, CURRENT
# and END; "-" is a partition the group never committed, behind unless the partition is empty).
caught_up() {
  local pair
  for pair in "${groups[@]}"; do
    deploy/scripts/replay --service "${pair%%:*}" --topic "${pair#*:}" --to-earliest >"$work/plan.txt" 2>&1 \
      || grep -q "has no committed offset" "$work/plan.txt" || return 1
    awk '$1 ~ /^[0-9]+$/ && ($2 == "-" ? $3 > 0 : $2 < $3) { behind = 1 } END { exit behind }' "$work/plan.txt" || return 1
  done
}

# Caught up twice in a row: a result one group publishes while the check passes over its consumer is seen next time.
settled() { caught_up && caught_up; }

records() { # the number of records on a topic
  deploy/scripts/tail-topic "$1" --from-beginning --max 1000000 --timeout-seconds 20 2>/dev/null | grep -c '"key"' || true
}

snapshot() {
  local user password
  user="$(sed -n 's/.*PostgreSQL.* user \([^ ]*\) \/ password \([^ ]*\) .*/\1/p' "$launcher_log" | head -n 1)"
  password="$(sed -n 's/.*PostgreSQL.* user \([^ ]*\) \/ password \([^ ]*\) .*/\2/p' "$launcher_log" | head -n 1)"
  local database table
  for database in tracks ingestion discovery; do
    # Every table but the relay's heartbeat, which a live relay rewrites every few seconds.
    for table in $(PGPASSWORD="$password" psql -X -A -t -h localhost -p 54329 -U "$user" -d "$database" -c \
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('relay_heartbeat') ORDER BY 1"); do
      echo "== $database.$table"
      PGPASSWORD="$password" psql -X -A -t -h localhost -p 54329 -U "$user" -d "$database" -c "SELECT * FROM \"$table\" ORDER BY 1"
    done
  done
  echo "== S3 objects"
  (cd "$data_dir/s3" && find . -type f -printf '%P %s %T@\n' | sort)
  echo "== ingestion requests sent: $(records ingestion-requested)"
}

say "starting the stack on $data_dir"
start_stack --reset
token="$(curl -sS -X POST "$api/api/v1/dev/token" -H 'Content-Type: application/json' -d '{"userId":"replay-admin","roles":["user","admin"]}' | json_string token)"
user_token="$(curl -sS -X POST "$api/api/v1/dev/token" -H 'Content-Type: application/json' -d '{"userId":"replay-user","roles":["user"]}' | json_string token)"
auth=(-H "Authorization: Bearer $token")

curl -sS --fail-with-body -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -X POST "$api/api/v1/tracks" \
  -d '{"title":"Around the World","artist":"Daft Punk","isrc":"GBDUW9600012","durationMs":429000,"catalogRef":{"service":"spotify","id":"1pKYYY0dkg23sQQXi0Q5zN"}}'
curl -sS --fail-with-body -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -X POST "$api/api/v1/library/albums" \
  -d '{"catalogRef":{"service":"tidal","id":"70001001"}}'
say "a catalog track and a 12-track album added"

curl -sS --fail -o "$work/tone.wav" http://127.0.0.1:18701/media/smoke-tone.wav
upload="$(curl -sS --fail-with-body -H "Authorization: Bearer $user_token" -X POST "$api/api/v1/tracks" \
  -F 'metadata={"title":"Replayed Upload","artist":"Replay"};type=application/json' -F "file=@$work/tone.wav;type=audio/wav")"
upload_id="$(json_string id <<<"$upload")"
curl -sS --fail-with-body -o /dev/null -H "Authorization: Bearer $user_token" -X DELETE "$api/api/v1/tracks/$upload_id"
curl -sS --fail-with-body -o /dev/null "${auth[@]}" -X POST "$api/api/v1/admin/users/replay-user/purge"
purged() { [[ "$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $user_token" "$api/api/v1/tracks/$upload_id")" == 404 ]]; }
within 120 purged || fail "the uploaded track $upload_id was not purged within 120 s"
say "an upload deleted and purged (its objects are gone)"

expires_at="$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)"
provider="$(curl -sS --fail-with-body "${auth[@]}" -H 'Content-Type: application/json' -X POST "$api/api/v1/tracks" \
  -d "{\"title\":\"Replay Tone\",\"artist\":\"Local Provider\",\"provider\":{\"name\":\"local\",\"audioUrl\":\"http://127.0.0.1:18701/media/smoke-tone.wav\",\"coverUrl\":\"http://127.0.0.1:18701/media/smoke-tone.png\",\"expiresAt\":\"$expires_at\"}}")"
provider_id="$(json_string id <<<"$provider")"
curl -sS --fail-with-body -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -X POST "$api/api/v1/admin/archive/run" -d '{"limit":10}'
archived() { curl -sS "${auth[@]}" "$api/api/v1/tracks/$provider_id" | grep -q '"status":"ARCHIVED"'; }
within 120 archived || fail "the provider track $provider_id was not archived within 120 s"
say "a provider track archived"

tracklist="$(curl -sS --fail-with-body "${auth[@]}" -H 'Content-Type: application/json' -X POST "$discovery/api/v1/tracklists" \
  -d '{"title":"Replay set","format":"TEXT","content":"1. Bicep - Glue\n2. Hot Chip - Flutes (Sasha Remix) [Domino]\n"}')"
tracklist_id="$(json_string id <<<"$tracklist")"
job_id="$(curl -sS --fail-with-body "${auth[@]}" -H 'Content-Type: application/json' -X POST "$discovery/api/v1/tracklists/$tracklist_id/discover-tracks" -d '{"processAll":true}' | json_string jobId)"
completed() { curl -sS "${auth[@]}" "$discovery/api/v1/discovery/jobs/$job_id" | grep -q '"status":"COMPLETED"'; }
within 120 completed || fail "the discovery job $job_id did not complete within 120 s"
say "a tracklist identified"

within 180 settled || fail "the consumer groups did not catch up within 180 s: $(cat "$work/plan.txt")"
snapshot >"$work/before.txt"
say "every group has consumed everything; effects recorded ($(wc -l <"$work/before.txt") lines)"
stop_stack

start_stack --no-services
echo "| service | topic | records consumed again |" >"$work/rewinds.md"
echo "|---|---|---|" >>"$work/rewinds.md"
for pair in "${groups[@]}"; do
  if deploy/scripts/replay --service "${pair%%:*}" --topic "${pair#*:}" --to-earliest --execute >"$work/rewind.txt" 2>&1; then
    again="$(sed -n 's/^In all \([0-9]*\) record.*/\1/p' "$work/rewind.txt")"
  elif grep -q "has no committed offset" "$work/rewind.txt"; then
    again="0 (it never consumed this topic here)"
  else
    fail "replay of ${pair}: $(cat "$work/rewind.txt")"
  fi
  echo "| ${pair%%:*} | ${pair#*:} | $again |" >>"$work/rewinds.md"
done
say "every group rewound to the earliest offset"
stop_stack

start_stack
within 300 settled || fail "the consumer groups did not consume everything again within 300 s: $(cat "$work/plan.txt")"
snapshot >"$work/after.txt"
stop_stack

cat "$work/rewinds.md"
if diff -u "$work/before.txt" "$work/after.txt" >"$work/effects.diff"; then
  say "PASSED: after replaying every topic to every group, rows, objects and requests are exactly as before ($(wc -l <"$work/before.txt") lines compared)"
else
  cat "$work/effects.diff"
  fail "the replay changed something (diff above)"
fi
