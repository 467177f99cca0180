#!/usr/bin/env bash
# Timers benchmark (issue 13): N open complaints, each waiting with its progress-update timer
# (StartEvent_ProgressUpdateDue in processes/complaint-handling.bpmn), all made due at once. Measures
# the seconds until every timer has fired and until every progress update has been sent (the timer job,
# then Task_SendProgressUpdate's async-before and async-after jobs), the rate, and proves that none was
# sent twice or not at all (each complaint has exactly one PROGRESS_UPDATE_SENT timeline event per round).
#
# Each round runs against Redress with its own job-executor settings (application.yaml) and, alternating,
# against the same jar with Camunda's default job-executor settings given on the command line, and
# prints the ratio. Not part of ./mvnw verify.
#
#   benchmarks/timers.sh                    # build the jar, load 10,000 complaints, 1 pair of rounds
#   N=1000 PAIRS=2 benchmarks/timers.sh     # smaller, two pairs (redress, defaults, redress, defaults)
#   REDRESS_JAR=/path/redress.jar ...       # measure that jar instead of building this checkout
#   SKIP_LOAD=1 ...                         # reuse the complaints loaded by an earlier run (same N)
#
# Loading: the public intake API (POST /api/complaints) with $CLIENTS parallel clients, then the async
# jobs (acknowledgement, assessment) drain; a complaint then waits in "Review assessment" with its
# progress-update timer due in 7 days. Needs: PostgreSQL on 127.0.0.1:5432 with trust auth for user
# postgres (PGHOST/PGUSER to change), psql, curl, python3, a JDK 17. No mail server: without
# spring.mail.host Redress records each letter on the complaint's timeline (RecordingComplainantNotifier).
# Uses (drops and re-creates) the database $BENCH_DB (bench_timers).
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DB=${BENCH_DB:-bench_timers}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
N=${N:-10000}
CLIENTS=${CLIENTS:-16}
PAIRS=${PAIRS:-1}
TIMEOUT=${TIMEOUT:-900}
JAR=$(mktemp -d)/redress.jar
LOG=$(mktemp)

if [[ -n "${REDRESS_JAR:-}" ]]; then
  cp "$REDRESS_JAR" "$JAR"
else
  ./mvnw -B -ntp -q -o package -DskipTests -Dredress.modelcheck.skip=true
  cp target/redress-*.jar "$JAR"
fi
sql() { psql -qAt -v ON_ERROR_STOP=1 -d "$BENCH_DB" -c "$1"; }

# Camunda 7.24's own job-executor defaults (JobExecutor, the Spring Boot starter's JobExecutionProperty), given
# explicitly so that they override whatever the jar's application.yaml tunes.
CAMUNDA_DEFAULTS=(
  --camunda.bpm.job-execution.core-pool-size=3 --camunda.bpm.job-execution.max-pool-size=10
  --camunda.bpm.job-execution.queue-capacity=3 --camunda.bpm.job-execution.max-jobs-per-acquisition=3
  --camunda.bpm.job-execution.wait-time-in-millis=5000 --camunda.bpm.job-execution.max-wait=60000
  --camunda.bpm.job-execution.backoff-time-in-millis=0 --camunda.bpm.job-execution.max-backoff=0
  --camunda.bpm.job-execution.lock-time-in-millis=300000
  --camunda.bpm.job-executor-acquire-by-priority=false
)

source benchmarks/redress-app.sh

# Jobs that are due now and can still run (not failed for good, not suspended: the mailbox poll without a mailbox).
DUE_JOBS="SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1
  AND (duedate_ IS NULL OR duedate_ <= now())"
wait_for_jobs() { # seconds
  local start=$SECONDS
  while (( SECONDS - start < $1 )); do
    [[ $(sql "$DUE_JOBS") == 0 ]] && return 0
    sleep 1
  done
  echo "jobs still due after $1 s: $(sql "$DUE_JOBS")"; return 1
}

if [[ -z "${SKIP_LOAD:-}" ]]; then
  echo "== fresh database $BENCH_DB"
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB"
  echo "== starting Redress on port $PORT"
  start_app
  echo "== loading $N complaints through POST /api/complaints, $CLIENTS clients"
  load_start=$SECONDS
  python3 - "$BASE" "$N" "$CLIENTS" <<'PY'
import http.client, json, sys, threading, time, urllib.parse
base, n, clients = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
url = urllib.parse.urlparse(base)
lock = threading.Lock()
state = {"next": 0, "failed": 0}
def take():
    with lock:
        if state["next"] >= n:
            return None
        state["next"] += 1
        return state["next"]
def client():
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    while (i := take()) is not None:
        body = json.dumps({
            "complainantName": "Bench Complainant %d" % i,
            "complainantEmail": "bench%d@example.org" % i,
            "preferredChannel": "email", "preferredLanguage": "en",
            "productOrService": "Broadband contract %d" % (i % 500),
            "description": "My broadband connection drops every evening, complaint number %d." % i,
            "remedyRequested": "Fix the line."})
        for attempt in range(3):
            try:
                conn.request("POST", "/api/complaints", body, {"Content-Type": "application/json"})
                r = conn.getresponse(); r.read()
                if r.status == 201:
                    break
            except (OSError, http.client.HTTPException):
                conn.close(); conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
        else:
            with lock:
                state["failed"] += 1
start = time.time()
threads = [threading.Thread(target=client) for _ in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
took = time.time() - start
print("submitted %d in %.0f s (%.0f /s), %d failed" % (n, took, n / took, state["failed"]))
PY
  echo "== waiting for the load's async jobs (acknowledgement, assessment)"
  wait_for_jobs "$TIMEOUT"
  echo "loaded and settled in $(( SECONDS - load_start )) s"
  stop_app
fi

PROGRESS_TIMERS="SELECT j.id_ FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
  WHERE d.act_id_ = 'StartEvent_ProgressUpdateDue'"
timers=$(sql "SELECT COUNT(*) FROM ($PROGRESS_TIMERS) t")
open=$(sql "SELECT COUNT(*) FROM complaint_status WHERE closed_at IS NULL")
echo "open complaints: $open, progress-update timers waiting: $timers"
if (( timers != N )); then echo "expected $N progress-update timers"; exit 1; fi

# One round: all progress-update timers due now; poll until every one fired and every update was sent.
round() { # name; prints one table row
  local name=$1
  # Each round is a complaint's first progress update (its first response, a KPI milestone), as in round 1.
  sql "UPDATE complaint_status SET first_response_at = NULL" >/dev/null
  sql "ANALYZE" >/dev/null
  local sent_before; sent_before=$(sql "SELECT COUNT(*) FROM complaint_event WHERE type = 'PROGRESS_UPDATE_SENT'")
  local r=$(( sent_before / N + 1 )) # progress updates per complaint after this round
  local t0; t0=$(date +%s.%N)
  sql "UPDATE act_ru_job SET duedate_ = now() WHERE id_ IN ($PROGRESS_TIMERS)" >/dev/null
  local fired= sent_at= now
  while :; do
    now=$(date +%s.%N)
    # a timer that fired is replaced by the next one, due in 7 days
    if [[ -z "$fired" && $(sql "SELECT COUNT(*) FROM act_ru_job WHERE duedate_ <= now()
          AND id_ IN ($PROGRESS_TIMERS)") == 0 ]]; then
      fired=$(echo "$now - $t0" | bc)
    fi
    if [[ -n "$fired" && $(sql "SELECT COUNT(*) FROM complaint_event WHERE type = 'PROGRESS_UPDATE_SENT'") -ge $(( sent_before + N )) \
          && $(sql "$DUE_JOBS") == 0 ]]; then
      sent_at=$(echo "$now - $t0" | bc)
      break
    fi
    if (( $(echo "$now - $t0 > $TIMEOUT" | bc) )); then echo "round ($name) not done after $TIMEOUT s"; return 1; fi
    sleep 0.5
  done
  # exactly r progress updates (timeline events and letters) per complaint by now: none twice, none missed
  local wrong letters
  wrong=$(sql "SELECT COUNT(*) FROM complaint_status s WHERE (SELECT COUNT(*) FROM complaint_event e
      WHERE e.reference = s.reference AND e.type = 'PROGRESS_UPDATE_SENT') <> $r")
  letters=$(sql "SELECT COUNT(*) FROM complaint_status s WHERE (SELECT COUNT(*) FROM complaint_event e
      WHERE e.reference = s.reference AND e.type = 'MESSAGE_SENT' AND e.details LIKE '%\"PROGRESS_UPDATE\"%') <> $r")
  printf '%-20s %7d %10.1f %10.1f %9.0f %11d %11d\n' "$name" "$N" "$fired" "$sent_at" \
    "$(echo "$N / $sent_at" | bc -l)" "$wrong" "$letters" | tee -a "$RESULTS"
}

RESULTS=$(mktemp)
echo "== $PAIRS pair(s) of rounds, alternating; seconds from 'all due' (the application restarts between)"
printf '%-20s %7s %10s %10s %9s %11s %11s\n' "job executor" "N" "all fired" "all sent" "sent/s" \
  "not 1 event" "not 1 letter"
for _ in $(seq 1 "$PAIRS"); do
  start_app; round "redress"; stop_app
  start_app "${CAMUNDA_DEFAULTS[@]}"; round "camunda-defaults"; stop_app
done
python3 - "$RESULTS" <<'PY'
import sys, statistics
rows = [line.split() for line in open(sys.argv[1])]
def med(name, col): return statistics.median(float(r[col]) for r in rows if r[0] == name)
print("median seconds until all sent: redress %.1f, camunda-defaults %.1f, ratio %.2f"
      % (med("redress", 3), med("camunda-defaults", 3), med("redress", 3) / med("camunda-defaults", 3)))
PY
