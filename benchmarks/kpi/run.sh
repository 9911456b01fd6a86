#!/usr/bin/env bash
# KPIs on the large demo organization (200,000 members, 5,000 events, about 977,000 attendances) on PostgreSQL: the
# KPI API call for the root community with its branches and for one branch, the signed-in dashboard page and the
# organization overview page, over the last twelve months; then the same numbers by hand-written SQL through pgbench,
# as the reference: from the history's own tables (reference.sql) and from the attendee rows the application keeps
# (reference-kept.sql).
# The database is kept between runs: it is loaded (about 4 minutes) only when it does not hold the demo organization.
# Needs: a PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres), curl and pgbench.
# Usage: benchmarks/kpi/run.sh [runs] [branch slug]
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${1:-30}
BRANCH=${2:-jaws-ug-tokyo}
ROOT=jaws-ug
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=${KPI_DB:-firstpin_kpi}
PORT=${KPI_PORT:-18090}
# the bootstrap token must be at least 32 random characters
TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
BASE="http://127.0.0.1:$PORT"
export PGHOST PGPORT PGUSER

for tool in curl pgbench psql; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install curl postgresql-client)"; exit 1; }
done

if [ -z "${JAR:-}" ]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/firstpin-*.jar | grep -v plain | head -1)
fi
mkdir -p target/kpi

psql -q -d postgres -tA -c "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
  || psql -q -d postgres -c "create database $DB"
LOADED=$(psql -tA -d "$DB" -c "select count(*) from information_schema.tables where table_name = 'organization'")
if [ "$LOADED" = 1 ]; then
  LOADED=$(psql -tA -d "$DB" -c "select count(*) from organization where slug = 'jaws-demo'")
fi

SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
FIRSTPIN_DEMO=true FIRSTPIN_DEMO_SIZE=large FIRSTPIN_BOOTSTRAP_TOKEN=$TOKEN SERVER_PORT=$PORT \
FIRSTPIN_DATA_DIR=target/kpi/data LOGGING_LEVEL_ROOT=warn LOGGING_LEVEL_IO_FIRSTPIN_DEMO=info \
java -jar "$JAR" > target/kpi/app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
# the demo organization is written in one transaction, so it is there once it is complete
until curl -sf "$BASE/actuator/health" >/dev/null \
    && [ "$(psql -tA -d "$DB" -c "select count(*) from organization where slug = 'jaws-demo'" 2>/dev/null)" = 1 ]; do
  kill -0 $APP 2>/dev/null || { echo "the application stopped; see target/kpi/app.log"; exit 1; }
  sleep 2
done
if [ "$LOADED" != 1 ]; then
  grep 'Demo organization' target/kpi/app.log || true
  psql -q -d "$DB" -c "vacuum analyze"
fi
# the kept attendee rows as autovacuum leaves them between writes (visible to index-only scans, fresh statistics)
for table in attendee attendee_event attendee_walk; do psql -q -d "$DB" -c "vacuum analyze $table"; done

# the last twelve months in the community's zone (Asia/Tokyo), both dates inclusive, as the API reads them
TO=$(TZ=Asia/Tokyo date +%F)
FROM=$(date -d "$TO -1 year +1 day" +%F)
FROM_EPOCH=$(date -d "$FROM 00:00 +0900" +%s)
TO_EPOCH=$(date -d "$TO 00:00 +0900 +1 day" +%s)
ROOT_ID=$(psql -tA -d "$DB" -c "select id from community where slug = '$ROOT'")
BRANCH_ID=$(psql -tA -d "$DB" -c "select id from community where slug = '$BRANCH'")
echo "period $FROM .. $TO (Asia/Tokyo); $(psql -tA -d "$DB" -c "select count(*) from attendance") attendances"
uptime

ORG_TOKEN=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -X POST "$BASE/api/v1/organizations/jaws-demo/tokens" -d '{"name":"kpi benchmark"}' \
  | sed 's/.*"token":"\([^"]*\)".*/\1/')

# form login as the demo administrator, with the CSRF token of the login page
JAR_FILE=target/kpi/cookies
rm -f $JAR_FILE
CSRF=$(curl -sf -c $JAR_FILE "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -sf -b $JAR_FILE -c $JAR_FILE -o /dev/null -X POST "$BASE/login" \
  --data-urlencode username=demo@firstpin.example --data-urlencode password=firstpin-demo --data-urlencode "_csrf=$CSRF"
# a session that did not sign in is redirected to the login page, which curl would time as well
[ "$(curl -s -b $JAR_FILE -o /dev/null -w '%{http_code}' "$BASE/manage/jaws-demo/communities/$ROOT/dashboard")" = 200 ] \
  || { echo "demo login failed"; exit 1; }

percentiles() {
  sort -n | awk -v name="$1" '{a[NR]=$1} END {
    p50 = a[int((NR + 1) * 0.50)]; p95 = a[int((NR * 0.95) + 0.999)]
    printf "%-44s p50 %7.1f ms  p95 %7.1f ms  (%d runs)\n", name, p50, p95, NR }'
}
measure() {
  local name=$1; shift
  for _ in 1 2 3; do curl -sf -o /dev/null "$@"; done
  for _ in $(seq "$RUNS"); do
    curl -sf -o /dev/null -w '%{time_total}\n' "$@" | awk '{print $1 * 1000}'
  done | percentiles "$name" | tee -a target/kpi/results.txt
}

: > target/kpi/results.txt
KPIS="$BASE/api/v1/communities"
AUTH="Authorization: Bearer $ORG_TOKEN"
curl -sf -H "$AUTH" "$KPIS/$ROOT/kpis?from=$FROM&to=$TO&includeBranches=true" > target/kpi/root.json
curl -sf -H "$AUTH" "$KPIS/$BRANCH/kpis?from=$FROM&to=$TO" > target/kpi/branch.json
echo "== application =="
measure "API $ROOT with branches" -H "$AUTH" "$KPIS/$ROOT/kpis?from=$FROM&to=$TO&includeBranches=true"
measure "API $BRANCH" -H "$AUTH" "$KPIS/$BRANCH/kpis?from=$FROM&to=$TO"
measure "dashboard $ROOT with branches" -b $JAR_FILE \
  "$BASE/manage/jaws-demo/communities/$ROOT/dashboard?from=$FROM&to=$TO&branches=true"
measure "dashboard $BRANCH" -b $JAR_FILE "$BASE/manage/jaws-demo/communities/$ROOT/dashboard?from=$FROM&to=$TO&branch=$BRANCH&branches=false"
# the organization overview: every community of the organization side by side, with the totals row
measure "overview page (all communities, totals)" -b $JAR_FILE "$BASE/manage/jaws-demo/insight?from=$FROM&to=$TO"

# sub-events count in no KPI (docs/kpis.md); a database from before sub-events has none
if psql -tA -d "$DB" -c "select 1 from information_schema.columns where table_name = 'event' and column_name = 'parent_event_id'" | grep -q 1; then
  OWN="parent_event_id is null"
else
  OWN="true"
fi
echo "== reference: reference.sql through pgbench, one client =="
reference() {
  local name=$1 root=$2 branches=$3 sql=${4:-reference.sql}
  rm -f target/kpi/pgbench_log.*
  (cd target/kpi && pgbench -n -c 1 -t "$RUNS" -l -D root="$root" -D branches="$branches" -D from="$FROM_EPOCH" -D own="$OWN" \
    -D to="$TO_EPOCH" -f "../../benchmarks/kpi/$sql" "$DB" >/dev/null)
  awk '{print $3 / 1000}' target/kpi/pgbench_log.* | percentiles "$name" | tee -a target/kpi/results.txt
}
reference "reference $ROOT with branches" "$ROOT_ID" true
reference "reference $BRANCH" "$BRANCH_ID" false
echo "== reference over the kept attendee rows: reference-kept.sql through pgbench, one client =="
reference "reference (kept rows) $ROOT with branches" "$ROOT_ID" true reference-kept.sql
reference "reference (kept rows) $BRANCH" "$BRANCH_ID" false reference-kept.sql

echo "== same numbers? (application JSON vs reference.sql) =="
summary() {
  psql -tA -d "$DB" -v root="$1" -v branches="$2" -v from="$FROM_EPOCH" -v to="$TO_EPOCH" -v own="$OWN" \
    -f benchmarks/kpi/reference.sql | awk -F'|' 'NF == 3 {e++; a += $2; r += $3}
      NF == 7 && $1 != "" && $1 != 0 {n += $2} NF == 7 && $1 == "" {p = $2; rep = $3}
      END {print "events", e, "attendees", a, "newcomers", n, "returning", r, "participants", p, "repeaters", rep}'
}
kept_summary() {
  psql -tA -d "$DB" -v root="$1" -v branches="$2" -v from="$FROM_EPOCH" -v to="$TO_EPOCH" -v own="$OWN" \
    -f benchmarks/kpi/reference-kept.sql | awk -F'|' 'NF == 10 {e++; a += $2; n += $3; r += $4; p += $5; rep += $6}
      END {print "events", e, "attendees", a, "newcomers", n, "returning", r, "participants", p, "repeaters", rep}'
}
json_sum() {
  sed 's/"cohorts".*//' "$1" | grep -o "\"$2\":[0-9]*" | awk -F: '{s += $2} END {print s + 0}'
}
for pair in "$ROOT:$ROOT_ID:true:root" "$BRANCH:$BRANCH_ID:false:branch"; do
  IFS=: read -r slug id branches file <<< "$pair"
  echo "$slug app: events $(grep -o '"events":[0-9]*' target/kpi/$file.json | head -1 | cut -d: -f2)" \
    "attendees $(json_sum target/kpi/$file.json attendees) newcomers $(json_sum target/kpi/$file.json newcomers)" \
    "returning $(json_sum target/kpi/$file.json returningFromPrevious)" \
    "participants $(grep -o '"uniqueParticipants":[0-9]*' target/kpi/$file.json | cut -d: -f2)" \
    "repeaters $(grep -o '"repeaters":[0-9]*' target/kpi/$file.json | cut -d: -f2)"
  echo "$slug ref: $(summary "$id" "$branches")"
  echo "$slug kept: $(kept_summary "$id" "$branches")"
done
uptime
