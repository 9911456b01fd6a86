#!/usr/bin/env bash
# Registration rush: many concurrent clients register for one frame over HTTP, against PostgreSQL; then the same
# registration transaction as a pgbench script against the same database, as the reference.
# Needs: a PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres), wrk and pgbench.
# Usage: benchmarks/registration-rush/run.sh [seconds] [connections]
# JAR=path runs that jar instead of building this checkout (to compare two versions in one session);
# JAVA_OPTS adds JVM options (e.g. -XX:StartFlightRecording=filename=target/rush.jfr to profile).
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_TO_RUN=${1:-30}
CONNECTIONS=${2:-64}
CAPACITY=${CAPACITY:-500}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=firstpin_rush
PORT=${RUSH_PORT:-18080}
# the bootstrap token must be at least 32 random characters
TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
export PGHOST PGPORT PGUSER

for tool in wrk pgbench psql; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install wrk postgresql-client)"; exit 1; }
done

psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"
if [ -z "${JAR:-}" ]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/firstpin-*.jar | grep -v plain | head -1)
fi

SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=20 FIRSTPIN_DEMO=false FIRSTPIN_BOOTSTRAP_TOKEN=$TOKEN \
FIRSTPIN_REGISTRATION_RATE_LIMIT_PER_MINUTE=1000000000 SERVER_PORT=$PORT FIRSTPIN_DATA_DIR=target/rush \
LOGGING_LEVEL_ROOT=warn java ${JAVA_OPTS:-} -jar "$JAR" > target/rush-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 1; done

api() { curl -sf -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$PORT$2" -d "$3"; }
api $TOKEN /api/v1/organizations '{"slug":"rush","name":"Rush"}' >/dev/null
ORG_TOKEN=$(api $TOKEN /api/v1/organizations/rush/tokens '{"name":"rush"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
api "$ORG_TOKEN" /api/v1/organizations/rush/communities '{"slug":"rush","name":"Rush"}' >/dev/null
EVENT=$(api "$ORG_TOKEN" /api/v1/communities/rush/events \
  "{\"title\":\"Rush\",\"startsAt\":\"2099-01-01T19:00:00+09:00\",\"online\":true,\"frames\":[{\"name\":\"app\",\"capacity\":$CAPACITY},{\"name\":\"ref\",\"capacity\":$CAPACITY}]}")
EVENT_ID=$(echo "$EVENT" | sed 's/^{"id":\([0-9]*\).*/\1/')
ORG_ID=$(psql -tA -d $DB -c "select id from organization where slug = 'rush'")
APP_FRAME=$(psql -tA -d $DB -c "select id from frame where event_id = $EVENT_ID and name = 'app'")
REF_FRAME=$(psql -tA -d $DB -c "select id from frame where event_id = $EVENT_ID and name = 'ref'")

# a rush meets a server that has been running: the JIT has compiled the registration path before it is measured
WARMUP=${WARMUP:-30}
echo "== warm-up (${WARMUP} s) =="
wrk -t2 -c16 -d${WARMUP}s -s benchmarks/registration-rush/rush.lua "http://127.0.0.1:$PORT/api/v1/events/$EVENT_ID/registrations" -- app warmup >/dev/null
echo "== application: HTTP, $CONNECTIONS connections, ${SECONDS_TO_RUN}s =="
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency -s benchmarks/registration-rush/rush.lua \
  "http://127.0.0.1:$PORT/api/v1/events/$EVENT_ID/registrations" -- app rush | tee target/rush-wrk.txt

echo "== reference: pgbench, same transaction, $CONNECTIONS clients, ${SECONDS_TO_RUN}s =="
rm -f target/pgbench_log.*
(cd target && pgbench -n -c "$CONNECTIONS" -j 2 -T "$SECONDS_TO_RUN" -l \
  -D org="$ORG_ID" -D event="$EVENT_ID" -D frame="$REF_FRAME" -D capacity="$CAPACITY" \
  -f ../benchmarks/registration-rush/reference.sql "$DB") | tee target/rush-pgbench.txt
cat target/pgbench_log.* | awk '{print $3 / 1000}' | sort -n | awk '{a[NR]=$1} END {
  printf "pgbench latency p50 %.2f ms, p99 %.2f ms (%d transactions)\n", a[int(NR*0.50)], a[int(NR*0.99)], NR }'

echo "== overbooking check =="
psql -d $DB -c "select f.name, f.capacity, count(*) filter (where r.status = 'CONFIRMED') as confirmed,
  count(*) filter (where r.status = 'WAITLISTED') as waitlisted,
  count(distinct r.waitlist_position) filter (where r.status = 'WAITLISTED') as distinct_positions,
  max(r.waitlist_position) filter (where r.status = 'WAITLISTED') as last_position
  from frame f left join registration r on r.frame_id = f.id where f.event_id = $EVENT_ID group by f.name, f.capacity"
