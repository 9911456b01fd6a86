#!/usr/bin/env bash
# History import: one connpass export of N rows (default 100,000) imported over HTTP into an event, on the embedded H2
# file database and on PostgreSQL; then the floor (psql COPY of the rows the import wrote into a database with the same
# schema) and PostgreSQL COPY of the same file into a table of its columns, as the reference for how fast the rows can
# get into the database at all.
# Needs: a PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres, trust auth), psql, pg_dump and curl.
# Usage: benchmarks/history-import/run.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${1:-100000}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=firstpin_history_bench
PORT=${HISTORY_BENCH_PORT:-18081}
# the bootstrap token must be at least 32 random characters
TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
CSV=target/history-bench/participants-$ROWS.csv
export PGHOST PGPORT PGUSER

for tool in psql pg_dump curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install postgresql-client curl)"; exit 1; }
done

mkdir -p target/history-bench
benchmarks/history-import/generate.sh "$ROWS" > "$CSV"
echo "file: $CSV, $ROWS rows, $(wc -c < "$CSV") bytes"
./mvnw -q -B -DskipTests package
JAR=$(ls target/firstpin-*.jar | grep -v plain | head -1)

APP=
trap '[ -n "$APP" ] && kill $APP 2>/dev/null || true' EXIT

now() { date +%s.%N; }
api() { curl -sf -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$PORT$2" -d "$3"; }

# Starts the app on the given database, makes an event and imports the file into it; prints rows per second.
measure() {
  local label=$1; shift
  env "$@" FIRSTPIN_DEMO=false FIRSTPIN_BOOTSTRAP_TOKEN=$TOKEN SERVER_PORT=$PORT LOGGING_LEVEL_ROOT=warn \
    java -jar "$JAR" > "target/history-bench/app-$label.log" 2>&1 &
  APP=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
    kill -0 $APP 2>/dev/null || { echo "the app did not start, see target/history-bench/app-$label.log"; exit 1; }
    sleep 1
  done
  api $TOKEN /api/v1/organizations '{"slug":"bench","name":"Bench"}' >/dev/null
  local org_token
  org_token=$(api $TOKEN /api/v1/organizations/bench/tokens '{"name":"bench"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
  api "$org_token" /api/v1/organizations/bench/communities '{"slug":"bench","name":"Bench"}' >/dev/null
  local event
  event=$(api "$org_token" /api/v1/communities/bench/events \
    '{"title":"JAWS-UG #100","startsAt":"2024-05-10T19:00:00+09:00","online":true,"frames":[{"name":"一般枠"},{"name":"LT枠"}]}' \
    | sed 's/^{"id":\([0-9]*\).*/\1/')
  local start end answer
  start=$(now)
  answer=$(curl -s -w ' %{http_code}' -H "Authorization: Bearer $org_token" \
    -F format=connpass -F "file=@$CSV;type=text/csv" "http://127.0.0.1:$PORT/api/v1/events/$event/imports")
  end=$(now)
  echo "$label: $answer"
  awk -v s="$start" -v e="$end" -v n="$ROWS" -v l="$label" \
    'BEGIN { printf "%s: %d rows in %.1f s = %.0f rows/s\n", l, n, e - s, n / (e - s) }' | tee -a target/history-bench/results.txt
  kill $APP; wait $APP 2>/dev/null || true; APP=
}

: > target/history-bench/results.txt
rm -rf target/history-bench/h2
measure h2 FIRSTPIN_DATA_DIR="$PWD/target/history-bench/h2"

psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"
measure postgresql FIRSTPIN_DATA_DIR="$PWD/target/history-bench/pg" \
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER"

# The floor: the rows the import wrote (members, identities, registrations, check-ins, answers), copied by psql into a
# database with Firstpin's schema, so with its constraints and indexes: what any import that keeps them costs at least.
floor() {
  local src=$1 floor_db=${1}_floor dir=target/history-bench/floor
  mkdir -p $dir
  psql -q -d postgres -c "drop database if exists $floor_db" -c "create database $floor_db"
  pg_dump -s "$src" | psql -q -d $floor_db >/dev/null
  pg_dump -a -t organization -t community -t event -t frame -t registration_question "$src" 2>/dev/null \
    | psql -q -d $floor_db >/dev/null
  local t
  for t in member member_identity registration attendance registration_answer; do
    psql -q -d "$src" -c "\\copy $t to '$dir/$t.csv' with (format csv)"
  done
  local start end
  start=$(now)
  psql -q -1 -d $floor_db -c "\\copy member from '$dir/member.csv' with (format csv)" \
    -c "\\copy member_identity from '$dir/member_identity.csv' with (format csv)" \
    -c "\\copy registration from '$dir/registration.csv' with (format csv)" \
    -c "\\copy attendance from '$dir/attendance.csv' with (format csv)" \
    -c "\\copy registration_answer from '$dir/registration_answer.csv' with (format csv)"
  end=$(now)
  awk -v s="$start" -v e="$end" -v n="$ROWS" \
    'BEGIN { printf "floor, COPY of the rows the import wrote into the schema'"'"'s tables: %d rows in %.1f s = %.0f rows/s\n", n, e - s, n / (e - s) }' \
    | tee -a target/history-bench/results.txt
  psql -q -d postgres -c "drop database $floor_db"
}
floor $DB

# The reference: the same rows straight into one table by COPY, no checks, no members, no indexes.
psql -q -d $DB -c "drop table if exists copy_reference" -c "create table copy_reference (frame text, user_name text,
  display_name text, since text, comment text, status text, attendance text, checked_in_at text, q1 text, q2 text,
  updated_at text, receipt text)"
start=$(now)
tail -c +4 "$CSV" | psql -q -d $DB -c "\\copy copy_reference from stdin with (format csv, header true)"
end=$(now)
awk -v s="$start" -v e="$end" -v n="$ROWS" \
  'BEGIN { printf "reference, PostgreSQL COPY: %d rows in %.1f s = %.0f rows/s\n", n, e - s, n / (e - s) }' \
  | tee -a target/history-bench/results.txt
