#!/usr/bin/env bash
# Intake benchmark (issue 13): Redress's POST /api/complaints against a bare Camunda 7 engine's process
# start (benchmarks/bare-engine: the same Spring Boot and Camunda versions, full history, no authorization,
# a one-user-task process started over REST), each on its own PostgreSQL database and free port, both
# running, measured in alternating bursts (Redress, bare, Redress, bare …) at 4 and at 16 concurrent
# clients. Per burst: sustained rate (2xx answers per second), p50 and p99 latency; after each burst, the
# seconds until the async backlog has drained — no async continuation due with retries left in act_ru_job,
# that is every complaint assessed and acknowledged (the bare engine has no async work: its figure shows
# the same query); and the CPU each request cost (burst and drain) in the JVM and in its PostgreSQL backends,
# from /proc — the figure to compare on a shared machine. Prints the medians over the rounds and the ratio
# Redress/bare. Not part of ./mvnw verify.
#
#   benchmarks/intake.sh                         # build both jars, fresh databases, measure
#   ROUNDS=1 SECONDS_PER_BURST=8 benchmarks/intake.sh   # a quick look while developing
#   REDRESS_JAR=/path/to/redress.jar benchmarks/intake.sh  # another build of Redress (e.g. an older commit)
#   SKIP_BUILD=1 ...                             # use target/redress-*.jar and the bare engine as built
#
# Settings: ROUNDS (2), SECONDS_PER_BURST (20), CLIENTS ("4 16"), PRELOAD (5000 earlier complaints),
# WARMUP_SECONDS (10), BENCH_DB_PREFIX (bench_intake), REDRESS_JAVA_OPTS (extra JVM options for Redress,
# e.g. -XX:StartFlightRecording=filename=/tmp/intake.jfr to profile). Needs: PostgreSQL on 127.0.0.1:5432 with trust auth
# for user postgres (PGHOST/PGUSER to change), psql, curl, python3, a JDK 17. Drops and re-creates the
# databases ${BENCH_DB_PREFIX}_redress and ${BENCH_DB_PREFIX}_bare.
set -euo pipefail
cd "$(dirname "$0")/.."

PREFIX=${BENCH_DB_PREFIX:-bench_intake}
REDRESS_DB=${PREFIX}_redress
BARE_DB=${PREFIX}_bare
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
ROUNDS=${ROUNDS:-2}
BURST=${SECONDS_PER_BURST:-20}
CLIENTS=${CLIENTS:-4 16}
PRELOAD=${PRELOAD:-5000}
WARMUP=${WARMUP_SECONDS:-10}
WORK=$(mktemp -d)
LOAD="python3 benchmarks/intake_load.py"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  if [[ -z "${REDRESS_JAR:-}" ]]; then
    echo "== building Redress"
    ./mvnw -B -ntp -q -o package -DskipTests -Dredress.modelcheck.skip=true
  fi
  echo "== building the bare engine"
  # offline when the Maven cache has its few extra artifacts (the repackage tooling), else from Maven Central
  ./mvnw -B -ntp -q -o -f benchmarks/bare-engine/pom.xml package -DskipTests >/dev/null 2>&1 \
    || ./mvnw -B -ntp -q -f benchmarks/bare-engine/pom.xml package -DskipTests
fi
cp "${REDRESS_JAR:-$(ls target/redress-*.jar | head -1)}" "$WORK/redress.jar"
cp benchmarks/bare-engine/target/bare-engine.jar "$WORK/bare.jar"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
REDRESS_PORT=$(free_port)
BARE_PORT=$(free_port)

for db in "$REDRESS_DB" "$BARE_DB"; do
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
done

REDRESS_PID= BARE_PID=
stop_all() {
  set +e # a killed JVM's exit status must not end the clean-up early
  for pid in $REDRESS_PID $BARE_PID; do kill "$pid" 2>/dev/null; done
  for pid in $REDRESS_PID $BARE_PID; do wait "$pid" 2>/dev/null; done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

wait_for() { # url pid log
  for _ in $(seq 1 300); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$1") == 200 ]] && return 0
    if ! kill -0 "$2" 2>/dev/null; then echo "did not start:"; tail -50 "$3"; exit 1; fi
    sleep 1
  done
  echo "no answer in 5 minutes"; tail -50 "$3"; exit 1
}

echo "== starting Redress on port $REDRESS_PORT and the bare engine on port $BARE_PORT"
# The same heap for both; Redress as in production (postgres profile, job executor on), its letters recorded
# on the timeline (no mail server).
REDRESS_ADMIN_PASSWORD=benchmark-admin java -Xmx1g ${REDRESS_JAVA_OPTS:-} -jar "$WORK/redress.jar" --spring.profiles.active=postgres \
  --server.port="$REDRESS_PORT" --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$REDRESS_DB" \
  --spring.datasource.username="$PGUSER" --spring.datasource.password= \
  --management.health.mail.enabled=false >"$WORK/redress.log" 2>&1 &
REDRESS_PID=$!
java -Xmx1g -jar "$WORK/bare.jar" --server.port="$BARE_PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$BARE_DB" --spring.datasource.username="$PGUSER" \
  >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
wait_for "http://127.0.0.1:$REDRESS_PORT/actuator/health" "$REDRESS_PID" "$WORK/redress.log"
wait_for "http://127.0.0.1:$BARE_PORT/engine-rest/engine" "$BARE_PID" "$WORK/bare.log"

echo "== $PRELOAD earlier complaints for the recurrence count"
psql -q -v ON_ERROR_STOP=1 -v n="$PRELOAD" -d "$REDRESS_DB" -f benchmarks/preload-complaints.sql

# Async work still to do: continuations (assessment, acknowledgement, the step after it) due now with retries
# left, locked (running) or not. Timers (due later) do not count.
backlog() {
  psql -qAt -d "$1" -c "SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ = 'async-continuation'
    AND retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= now())"
}
drain() { # db -> "jobs seconds": the backlog at the end of the burst, and the seconds from then until it is 0
  local start left now
  start=$(date +%s.%N)
  left=$(backlog "$1")
  now=$left
  while (( now > 0 )); do
    sleep 0.2
    now=$(backlog "$1")
    if (( $(echo "$(date +%s.%N) - $start > 600" | bc) )); then break; fi
  done
  if (( left == 0 )); then echo "0 0"; else echo "$left $(echo "$(date +%s.%N) - $start" | bc)"; fi
}
# CPU seconds used so far by a JVM and by the PostgreSQL backends serving a database (from /proc): on a
# shared machine the rates move with the neighbours' load, the CPU each request costs much less.
TICKS=$(getconf CLK_TCK)
cpu_of() { # pid... -> CPU seconds (user + system)
  local total=0 t
  for pid in "$@"; do
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo "scale=3; $total / $TICKS" | bc
}
backends() { psql -qAt -d "$1" -c "SELECT pid FROM pg_stat_activity WHERE datname = '$1' AND pid <> pg_backend_pid()"; }
analyze() { psql -q -d "$REDRESS_DB" -c ANALYZE; psql -q -d "$BARE_DB" -c ANALYZE; }

echo "== warm-up, ${WARMUP} s each at 4 clients (JIT, connection pools; not measured)"
$LOAD redress "$REDRESS_PORT" 4 "$WARMUP" 999 >/dev/null
drain "$REDRESS_DB" >/dev/null
$LOAD bare "$BARE_PORT" 4 "$WARMUP" 999 >/dev/null
analyze

RESULTS="$WORK/results"
: >"$RESULTS"
seed=1
for clients in $CLIENTS; do
  for round in $(seq 1 "$ROUNDS"); do
    for app in redress bare; do
      if [[ $app == redress ]]; then port=$REDRESS_PORT db=$REDRESS_DB; else port=$BARE_PORT db=$BARE_DB; fi
      if [[ $app == redress ]]; then pid=$REDRESS_PID; else pid=$BARE_PID; fi
      analyze
      pg_pids=$(backends "$db")
      app_before=$(cpu_of "$pid"); pg_before=$(cpu_of $pg_pids)
      out=$($LOAD "$app" "$port" "$clients" "$BURST" "$seed")
      read -r left secs < <(drain "$db")
      app_cpu=$(echo "$(cpu_of "$pid") - $app_before" | bc); pg_cpu=$(echo "$(cpu_of $pg_pids) - $pg_before" | bc)
      out=$(python3 -c 'import json, sys; r = json.loads(sys.argv[1]); n = max(r["ok"], 1)
r["app_ms"] = round(1000 * float(sys.argv[2]) / n, 1); r["pg_ms"] = round(1000 * float(sys.argv[3]) / n, 1)
print(json.dumps(r))' "$out" "$app_cpu" "$pg_cpu")
      seed=$((seed + 1))
      echo "$app $clients $round $out $left $secs" | tee -a "$RESULTS" | python3 -c '
import json, sys
app, clients, rnd, rest = sys.stdin.read().split(" ", 3)
js, left, secs = rest.rsplit(" ", 2)
r = json.loads(js)
print("  %-8s %2s clients, round %s: %6.1f/s  p50 %6.1f ms  p99 %7.1f ms  errors %d  backlog %s jobs, drained in %.1f s  CPU per request: app %.1f ms, PostgreSQL %.1f ms%s" % (
    app, clients, rnd, r["rate"], r["p50"], r["p99"], r["errors"], left, float(secs), r["app_ms"], r["pg_ms"],
    ("  first error: " + r["first_error"]) if r["first_error"] else ""))'
    done
  done
done

echo
echo "== medians over $ROUNDS round(s) of ${BURST} s; ratio = Redress / bare"
python3 - "$RESULTS" <<'EOF'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    app, clients, rnd, rest = line.split(" ", 3)
    js, left, secs = rest.rsplit(" ", 2)
    r = json.loads(js)
    rows.setdefault((int(clients), app), []).append((r["rate"], r["p50"], r["p99"], float(secs), r["app_ms"], r["pg_ms"]))
med = lambda xs: statistics.median(xs)
print("%-8s %-8s %9s %9s %9s %9s %12s %12s" % ("clients", "engine", "rate /s", "p50 ms", "p99 ms", "drain s",
                                             "app CPU ms", "PG CPU ms"))
for clients in sorted({c for c, _ in rows}):
    figures = {}
    for app in ("redress", "bare"):
        xs = rows.get((clients, app), [])
        if not xs:
            continue
        figures[app] = [med([x[i] for x in xs]) for i in range(6)]
        print("%-8d %-8s %9.1f %9.1f %9.1f %9.1f %12.1f %12.1f" % (clients, app, *figures[app]))
    if len(figures) == 2 and figures["bare"][0] > 0:
        r, b = figures["redress"], figures["bare"]
        ratio = lambda i: "%.2f" % (r[i] / b[i]) if b[i] else "-"
        print("%-8d %-8s %9s %9s %9s %9s %12s %12s" % (clients, "ratio", ratio(0), ratio(1), ratio(2), "-", ratio(4), ratio(5)))
EOF
psql -qAt -d "$REDRESS_DB" -c "SELECT 'Redress: ' || COUNT(*) || ' complaints, ' || COUNT(*) FILTER (WHERE acknowledged_at IS NULL)
  || ' not acknowledged' FROM complaint_status"
