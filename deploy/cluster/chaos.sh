# The chaos run, sourced by deploy/cluster/run.sh against the cluster it started (variables from there).
# Kills one instance with SIGKILL in the middle of a registration rush through the load balancer, then stops the
# replica, and checks: nothing acknowledged lost, no frame overbooked, the signed-in staff member still signed in,
# every promised mail out within 30 s of the kill, the KPIs served while the replica is down.
set -euo pipefail
CAPACITY=${CAPACITY:-300}
api() { curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -X "$1" "$LB$2" ${3:+-d "$3"}; }
now() { date +%s.%N; }
verdict() { if [ "$1" = yes ]; then echo "PASS  $2"; else echo "FAIL  $2"; FAILED=1; fi; }
FAILED=0

echo "== an organization, a community and an event with one frame of $CAPACITY seats =="
api POST /api/v1/organizations '{"slug":"chaos","name":"Chaos"}' >/dev/null
api POST /api/v1/organizations/chaos/communities '{"slug":"chaos","name":"Chaos UG"}' >/dev/null
EVENT_ID=$(api POST /api/v1/communities/chaos/events \
  "{\"title\":\"Chaos night\",\"startsAt\":\"2099-01-01T19:00:00+09:00\",\"online\":true,\"frames\":[{\"name\":\"general\",\"capacity\":$CAPACITY}]}" \
  | sed 's/^{"id":\([0-9]*\).*/\1/')

echo "== a staff member signs in through the load balancer =="
JAR_COOKIES="$WORK/staff.cookies"
csrf=$(curl -sf -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$LB/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -sf -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=$ADMIN_EMAIL" \
  --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$LB/login"
signed_in() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" "$LB/manage/chaos")
  [ "$code" = 200 ]
}
signed_in && echo "signed in" || { echo "could not sign in"; exit 1; }

echo "== rush: $CONNECTIONS connections, ${RUSH_SECONDS}s; instance 1 killed after a third of it =="
mkdir -p "$WORK/acks"
RUSH_START=$(now)
wrk -t2 -c"$CONNECTIONS" -d"${RUSH_SECONDS}s" -s deploy/cluster/acknowledged.lua \
  "$LB/api/v1/events/$EVENT_ID/registrations" -- general chaos "$WORK/acks" > "$WORK/wrk.txt" &
WRK=$!
sleep $((RUSH_SECONDS / 3))
kill -9 "$APP1_PID"
KILLED_AT=$(now)
echo "instance 1 killed"
wait $WRK || true
RUSH_END=$(now)
cat "$WORK/wrk.txt"

echo "== checks =="
cat "$WORK"/acks/acknowledged-*.txt | sort -u > "$WORK/acknowledged.txt"
ACKED=$(wc -l < "$WORK/acknowledged.txt")
$PSQL_PRIMARY -c "select id from registration where event_id = $EVENT_ID" | sort -u > "$WORK/stored.txt"
LOST=$(comm -23 "$WORK/acknowledged.txt" "$WORK/stored.txt" | wc -l)
STORED=$(wc -l < "$WORK/stored.txt")
CONFIRMED=$($PSQL_PRIMARY -c "select count(*) from registration where event_id = $EVENT_ID and status = 'CONFIRMED'")
WAITLIST_OK=$($PSQL_PRIMARY -c "select count(*) = coalesce(max(waitlist_position), 0) and count(distinct waitlist_position) = count(*)
  from registration where event_id = $EVENT_ID and status = 'WAITLISTED'")
verdict "$([ "$LOST" -eq 0 ] && echo yes || echo no)" "acknowledged registrations: $ACKED, stored: $STORED, lost: $LOST"
verdict "$([ "$CONFIRMED" -le "$CAPACITY" ] && [ "$WAITLIST_OK" = t ] && echo yes || echo no)" \
  "confirmed $CONFIRMED of $CAPACITY seats, waitlist positions 1..n without gaps: $WAITLIST_OK"
verdict "$(signed_in && echo yes || echo no)" "the staff member is still signed in, served by the surviving instance"

# every registration promises one confirmation email; the sink writes one line per message: time and recipient
$PSQL_PRIMARY -c "select lower(email) from registration where event_id = $EVENT_ID
  and registered_at <= to_timestamp($KILLED_AT)" | sort -u > "$WORK/promised-by-kill.txt"
$PSQL_PRIMARY -c "select lower(email) from registration where event_id = $EVENT_ID" | sort -u > "$WORK/promised.txt"
delivered() { awk '{print tolower($2)}' "$WORK/mail.log" 2>/dev/null | sort -u; }
DEADLINE=$(echo "$KILLED_AT + 30" | bc)
while :; do
  MISSING_BY_KILL=$(comm -23 "$WORK/promised-by-kill.txt" <(delivered) | wc -l)
  MISSING=$(comm -23 "$WORK/promised.txt" <(delivered) | wc -l)
  [ "$MISSING" -eq 0 ] && break
  [ "$(echo "$(now) > $RUSH_END + 120" | bc)" = 1 ] && break
  sleep 0.5
done
# when the last of the emails promised before the kill arrived, and the last of all
last_of() { awk 'NR == FNR { want[$1] = 1; next } (tolower($2) in want) { t = $1 } END { print t }' "$1" "$WORK/mail.log"; }
BY_KILL_OUT=$(echo "$(last_of "$WORK/promised-by-kill.txt") - $KILLED_AT" | bc)
ALL_OUT=$(echo "$(last_of "$WORK/promised.txt") - $KILLED_AT" | bc)
FIRST_AFTER_KILL=$(awk -v k="$KILLED_AT" '$1 > k { print $1; exit }' "$WORK/mail.log")
SENT=$(wc -l < "$WORK/mail.log")
verdict "$([ "$MISSING" -eq 0 ] && [ "$(echo "$BY_KILL_OUT <= 30" | bc)" = 1 ] && echo yes || echo no)" \
  "every promised email out ($SENT messages for $(wc -l < "$WORK/promised.txt") registrations): those promised before the kill by +$(printf '%.1f' "$BY_KILL_OUT") s, all by +$(printf '%.1f' "$ALL_OUT") s (the rush ended at +$(printf '%.1f' "$(echo "$RUSH_END - $KILLED_AT" | bc)") s); first from the survivor at +$(printf '%.1f' "$(echo "$FIRST_AFTER_KILL - $KILLED_AT" | bc)") s"

KPIS="/api/v1/communities/chaos/kpis?from=2098-01-01&to=2099-12-31"
BEFORE=$(api GET "$KPIS")
eval "$STOP_REPLICA" >/dev/null
echo "replica stopped"
AFTER=$(api GET "$KPIS" || echo "failed")
verdict "$([ "$BEFORE" = "$AFTER" ] && echo yes || echo no)" "KPIs served with the replica down, the same answer as before"
echo "readiness with the replica down: $(curl -s -o /dev/null -w '%{http_code}' "$LB/actuator/health/readiness")"

RATE=$(grep "Requests/sec" "$WORK/wrk.txt" | awk '{print $2}')
echo
echo "| registrations/s through the load balancer | acknowledged | lost | overbooked | kill to first mail from the survivor | kill to the last mail promised before it | kill to the last mail | staff session kept | KPIs with the replica down |"
echo "| $RATE | $ACKED | $LOST | $([ "$CONFIRMED" -le "$CAPACITY" ] && echo no || echo yes) | $(printf '%.1f' "$(echo "$FIRST_AFTER_KILL - $KILLED_AT" | bc)") s | $(printf '%.1f' "$BY_KILL_OUT") s | $(printf '%.1f' "$ALL_OUT") s | $(signed_in && echo yes || echo no) | $([ "$BEFORE" = "$AFTER" ] && echo yes || echo no) |"
exit $FAILED
