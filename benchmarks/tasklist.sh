#!/usr/bin/env bash
# Tasklist and Cockpit at volume (issue 13): N open complaints, each waiting at its first handler task, then
# the list and count queries Tasklist sends and Cockpit's instance search, timed as handler, supervisor and
# admin (no authorization check: the reference), alternating, with the ratio to admin. Not part of ./mvnw verify.
#
#   benchmarks/tasklist.sh                 # build the jar, N = 10,000 then 100,000
#   N=10000 benchmarks/tasklist.sh         # one size (or several: N="2000 10000")
#   JAR=/path/to/other/redress.jar benchmarks/tasklist.sh   # measure another build (e.g. an older commit)
#
# How the complaints are made: SEED (300) real complaints are submitted over the public API with the job
# executor on, so that Redress assesses them and they reach "Review assessment" exactly as in production
# (with whatever authorizations the version under test creates). Then they are cloned by SQL
# (benchmarks/clone-complaints.py: one INSERT ... SELECT per table over generate_series) up to N, the
# database is ANALYZEd (autovacuum may be off), and Redress is started again without the job executor.
#
# Needs: PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres (PGHOST/PGUSER to change), psql, curl,
# python3, a JDK 17. Uses (drops and re-creates) the database $BENCH_DB (bench_tasklist).
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DB=${BENCH_DB:-bench_tasklist}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
SIZES=${N:-10000 100000}
SEED=${SEED:-300}
REQUESTS=${REQUESTS:-20}
WARMUP=${WARMUP:-3}
MAX_TIME=${MAX_TIME:-120}   # seconds; a request that takes longer fails the run
USERS=(handler supervisor admin)    # demo accounts, password = user name; admin is in camunda-admin
WORK=$(mktemp -d)
LOG=$WORK/app.log

if [[ -z "${JAR:-}" ]]; then
  ./mvnw -B -ntp -q package -DskipTests -Dredress.modelcheck.skip=true
  cp target/redress-*.jar "$WORK/redress.jar"
  JAR=$WORK/redress.jar
fi
source benchmarks/redress-app.sh

echo "== fresh database $BENCH_DB; Redress from $JAR"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB"
start_app --camunda.bpm.job-execution.enabled=true --redress.kpi-summary.catch-up-every=0

echo "== $SEED complaints over the API, until each waits at its first handler task"
seq 1 "$SEED" | xargs -P 4 -I{} curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' "$BASE/api/complaints" \
  -d '{"complainantName":"Bench Complainant","complainantEmail":"bench{}@example.org","preferredChannel":"email",
       "preferredLanguage":"en","productOrService":"Mobile contract","description":"I was charged twice for the same month of my mobile contract.",
       "remedyRequested":"Refund the second charge.","amountAtStake":29.99}'
for _ in $(seq 1 600); do
  waiting=$(sql -c "SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'Task_ReviewAssessment'")
  due=$(sql -c "SELECT count(*) FROM act_ru_job WHERE process_instance_id_ IS NOT NULL AND (duedate_ IS NULL OR duedate_ <= now())")
  [[ $waiting -ge $SEED && $due -eq 0 ]] && break
  sleep 1
done
echo "waiting at Review assessment: $waiting, jobs due: $due"
stop_app
sql -c "SELECT 'authorization rows: ' || count(*) || ' (' || count(*) FILTER (WHERE resource_id_ <> '*') || ' on single instances or tasks)' FROM act_ru_authorization"
sql -c "CREATE TABLE bench_seed AS SELECT id_ AS proc_inst_id, business_key_ AS reference, row_number() OVER (ORDER BY id_) AS n
        FROM act_ru_execution WHERE id_ = proc_inst_id_ AND business_key_ IS NOT NULL
          AND proc_def_id_ IN (SELECT id_ FROM act_re_procdef WHERE key_ = 'complaint-handling')"
SEEDS=$(sql -c "SELECT count(*) FROM bench_seed")
sql -c "SELECT table_name || '|' || column_name FROM information_schema.columns WHERE table_schema = current_schema()
        ORDER BY table_name, ordinal_position" >"$WORK/columns"

copies=0 # copies made so far, besides the seed itself
declare -a SUMMARY=()
for n in $SIZES; do
  want=$(( (n + SEEDS - 1) / SEEDS - 1 ))
  if (( want > copies )); then
    echo "== cloning to $(( (want + 1) * SEEDS )) open complaints"
    load_start=$(date +%s)
    python3 benchmarks/clone-complaints.py $(( copies + 1 )) "$want" "$WORK/columns" | psql -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" >/dev/null
    copies=$want
    sql -c "ANALYZE"
    echo "loaded in $(( $(date +%s) - load_start )) s"
  fi
  sql -c "SELECT 'open complaints: ' || count(*) FROM act_ru_execution WHERE id_ = proc_inst_id_"
  sql -c "SELECT 'open tasks: ' || count(*) FROM act_ru_task"
  sql -c "SELECT 'authorization rows: ' || count(*) FROM act_ru_authorization"

  start_app --camunda.bpm.job-execution.enabled=false --redress.kpi-summary.catch-up-every=0
  FILTER=$(curl -fsS -u admin:admin "$BASE/engine-rest/filter?name=My%20groups%27%20tasks" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  declare -a NAMES=("Tasklist list: GET /task?sortBy=priority, 15"
                    "Tasklist filter: My groups' tasks, 15"
                    "Tasklist count: GET /task/count"
                    "Cockpit: POST /process-instance, 50"
                    "Cockpit: POST /history/process-instance, 50")
  request() { # index user -> time in seconds
    local u=$2
    case $1 in
      0) curl -fsS --max-time "$MAX_TIME" -o /dev/null -u "$u:$u" -w '%{time_total}\n' "$BASE/engine-rest/task?sortBy=priority&sortOrder=desc&firstResult=0&maxResults=15" ;;
      1) curl -fsS --max-time "$MAX_TIME" -o /dev/null -u "$u:$u" -w '%{time_total}\n' -H 'Content-Type: application/json' -X POST \
           "$BASE/engine-rest/filter/$FILTER/list?firstResult=0&maxResults=15" -d '{"sorting":[{"sortBy":"priority","sortOrder":"desc"}]}' ;;
      2) curl -fsS --max-time "$MAX_TIME" -o /dev/null -u "$u:$u" -w '%{time_total}\n' "$BASE/engine-rest/task/count" ;;
      3) curl -fsS --max-time "$MAX_TIME" -o /dev/null -u "$u:$u" -w '%{time_total}\n' -H 'Content-Type: application/json' -X POST \
           "$BASE/engine-rest/process-instance?firstResult=0&maxResults=50" -d '{"processDefinitionKey":"complaint-handling"}' ;;
      4) curl -fsS --max-time "$MAX_TIME" -o /dev/null -u "$u:$u" -w '%{time_total}\n' -H 'Content-Type: application/json' -X POST \
           "$BASE/engine-rest/history/process-instance?firstResult=0&maxResults=50" \
           -d '{"processDefinitionKey":"complaint-handling","unfinished":true,"sorting":[{"sortBy":"startTime","sortOrder":"desc"}]}' ;;
    esac
  }
  echo "== N=$n: warm-up ($WARMUP rounds), then $REQUESTS rounds, the callers alternating; times in ms"
  for i in "${!NAMES[@]}"; do for _ in $(seq 1 "$WARMUP"); do for u in "${USERS[@]}"; do request "$i" "$u" >/dev/null; done; done; done
  printf '%-46s %-10s %8s %8s %8s %9s\n' "request (N=$n)" caller p50 p95 max "p95/admin"
  for i in "${!NAMES[@]}"; do
    for _ in $(seq 1 "$REQUESTS"); do for u in "${USERS[@]}"; do echo "$u $(request "$i" "$u")"; done; done \
      | python3 -c '
import sys, statistics
times = {}
for line in sys.stdin:
    user, t = line.split()
    times.setdefault(user, []).append(float(t) * 1000)
def p95(t): return sorted(t)[max(0, int(round(0.95 * len(t))) - 1)]
admin = p95(times["admin"])
for user in ("handler", "supervisor", "admin"):
    t = sorted(times[user])
    print("%-46s %-10s %8.0f %8.0f %8.0f %8.1fx" % (sys.argv[1], user, statistics.median(t), p95(t), t[-1], p95(t) / admin))
' "${NAMES[$i]}" | tee -a "$WORK/summary"
  done
  stop_app

  # The task list query as Tasklist sends it for the handler (Camunda 7.24's Task.xml with authorization checks,
  # process tasks only, no revokes: the caller's grants as a derived table joined on task id, definition key or *),
  # under EXPLAIN ANALYZE. The SQL is written out here; the engine sends the same shape with bind parameters.
  echo "== EXPLAIN ANALYZE of the task list query as handler (N=$n)"
  sql -c "EXPLAIN (ANALYZE, COSTS OFF)
    SELECT DISTINCT RES.* FROM act_ru_task RES
      INNER JOIN act_re_procdef D ON RES.proc_def_id_ = D.id_
      INNER JOIN (SELECT A.* FROM act_ru_authorization A WHERE A.type_ < 2
                    AND (A.user_id_ IN ('handler', '*') OR A.group_id_ IN ('handlers'))
                    AND ((A.resource_type_ = 7 AND A.perms_ & 2 = 2) OR (A.resource_type_ = 6 AND A.perms_ & 64 = 64))) AUTH
        ON (AUTH.resource_id_ IN (RES.id_, D.key_, '*'))
      WHERE AUTH.resource_id_ IS NOT NULL
      ORDER BY RES.priority_ DESC LIMIT 15" | grep -E 'Execution Time|Planning Time|Nested Loop|Hash Join|Join Filter' | head -6
done
