#!/usr/bin/env bash
# A local Firstpin cluster on one machine from Debian's packages, and a chaos run against it.
#
# Starts, in a temporary folder and on spare ports: a PostgreSQL 15 primary and a streaming replica (initdb and
# pg_basebackup), an SMTP sink, two application instances (the packaged jar) reading from the replica, and HAProxy in
# front without sticky sessions. Then deploy/cluster/chaos.sh kills one instance in the middle of a registration rush
# and stops the replica, and checks what must hold. Everything is stopped at the end (KEEP=1 leaves it running).
#
# Needs: postgresql-15 (server binaries), haproxy, wrk, curl, python3 (Debian 12's 3.11), a JDK.
# Usage: deploy/cluster/run.sh [rush seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."

RUSH_SECONDS=${1:-30}
CONNECTIONS=${2:-32}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
BASE_PORT=${CLUSTER_BASE_PORT:-26000}
PRIMARY_PORT=$((BASE_PORT + 1))
REPLICA_PORT=$((BASE_PORT + 2))
SMTP_PORT=$((BASE_PORT + 25))
APP1_PORT=$((BASE_PORT + 81))
APP2_PORT=$((BASE_PORT + 82))
LB_PORT=$((BASE_PORT + 80))
TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
ADMIN_EMAIL=cluster-admin@example.com
ADMIN_PASSWORD="cluster $(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n') staff"

for tool in "$PGBIN/initdb" "$PGBIN/pg_ctl" "$PGBIN/pg_basebackup" haproxy wrk curl psql python3 java; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install postgresql-15 haproxy wrk curl)"; exit 1; }
done

WORK=$(mktemp -d /tmp/firstpin-cluster.XXXXXX)
chmod 755 "$WORK"
PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for dir in replica primary; do
    [ -d "$WORK/$dir" ] && su_pg "$PGBIN/pg_ctl -D $WORK/$dir -m immediate stop" >/dev/null 2>&1 || true
  done
}
# PostgreSQL refuses to run as root: the servers run as the postgres user when started by root
su_pg() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}
if [ "${KEEP:-0}" != 1 ]; then trap stop_all EXIT; fi
echo "cluster folder: $WORK"

echo "== PostgreSQL primary on $PRIMARY_PORT, streaming replica on $REPLICA_PORT =="
if [ "$(id -u)" -eq 0 ]; then chown postgres "$WORK"; fi
su_pg "$PGBIN/initdb -D $WORK/primary -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
cat >> "$WORK/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$WORK'
wal_level = replica
max_wal_senders = 4
max_connections = 200
CONF
echo "host replication postgres 127.0.0.1/32 trust" >> "$WORK/primary/pg_hba.conf"
su_pg "$PGBIN/pg_ctl -D $WORK/primary -l $WORK/primary.log -w start" >/dev/null
psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -q -c "create database firstpin"
su_pg "$PGBIN/pg_basebackup -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -D $WORK/replica -R -X stream --checkpoint=fast"
sed -i "s/^port = .*/port = $REPLICA_PORT/" "$WORK/replica/postgresql.conf"
su_pg "$PGBIN/pg_ctl -D $WORK/replica -l $WORK/replica.log -w start" >/dev/null
psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -tAc "select 'replica in recovery: ' || pg_is_in_recovery()"

echo "== SMTP sink on $SMTP_PORT =="
python3 -W ignore::DeprecationWarning deploy/cluster/smtp_sink.py "$SMTP_PORT" "$WORK/mail.log" &
PIDS+=($!)

if [ -z "${JAR:-}" ]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/firstpin-*.jar | grep -v plain | head -1)
fi
start_app() {
  local name=$1 port=$2
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/firstpin" SPRING_DATASOURCE_USERNAME=postgres \
  FIRSTPIN_REPLICA_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/firstpin" FIRSTPIN_REPLICA_USERNAME=postgres \
  SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=20 FIRSTPIN_DEMO=false FIRSTPIN_BOOTSTRAP_TOKEN=$TOKEN \
  FIRSTPIN_ADMIN_EMAIL=$ADMIN_EMAIL FIRSTPIN_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  FIRSTPIN_BASE_URL="http://127.0.0.1:$LB_PORT" SERVER_FORWARD_HEADERS_STRATEGY=native \
  FIRSTPIN_REGISTRATION_RATE_LIMIT_PER_MINUTE=1000000000 FIRSTPIN_REGISTRATION_RATE_LIMIT_BURST=1000000000 \
  SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$SMTP_PORT SERVER_PORT=$port FIRSTPIN_DATA_DIR="$WORK/$name" \
  LOGGING_LEVEL_ROOT=warn java -XX:MaxRAMPercentage=25 -jar "$JAR" > "$WORK/$name.log" 2>&1 &
  echo $!
}
echo "== two instances on $APP1_PORT and $APP2_PORT =="
APP1=$(start_app app1 "$APP1_PORT"); PIDS+=("$APP1")
# one at a time: the first start migrates the schema
until curl -sf "http://127.0.0.1:$APP1_PORT/actuator/health/readiness" >/dev/null; do sleep 1; done
APP2=$(start_app app2 "$APP2_PORT"); PIDS+=("$APP2")
until curl -sf "http://127.0.0.1:$APP2_PORT/actuator/health/readiness" >/dev/null; do sleep 1; done

echo "== HAProxy on $LB_PORT, round robin, no stickiness =="
cat > "$WORK/haproxy.cfg" <<CONF
global
  maxconn 2000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 3
  option redispatch
frontend firstpin
  bind 127.0.0.1:$LB_PORT
  option forwardfor
  default_backend apps
backend apps
  balance roundrobin
  option httpchk GET /actuator/health/readiness
  default-server inter 1s fall 2 rise 2
  server app1 127.0.0.1:$APP1_PORT check
  server app2 127.0.0.1:$APP2_PORT check
CONF
haproxy -f "$WORK/haproxy.cfg" > "$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
until curl -sf "http://127.0.0.1:$LB_PORT/actuator/health" >/dev/null; do sleep 1; done

WORK=$WORK TOKEN=$TOKEN LB="http://127.0.0.1:$LB_PORT" APP1_PID=$APP1 ADMIN_EMAIL=$ADMIN_EMAIL \
ADMIN_PASSWORD="$ADMIN_PASSWORD" PSQL_PRIMARY="psql -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -d firstpin -tA" \
STOP_REPLICA="su_pg '$PGBIN/pg_ctl -D $WORK/replica -m fast stop'" \
RUSH_SECONDS=$RUSH_SECONDS CONNECTIONS=$CONNECTIONS \
  bash -c "$(declare -f su_pg); source deploy/cluster/chaos.sh"
