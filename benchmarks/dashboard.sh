#!/usr/bin/env bash
# Dashboard benchmark (issue 6): loads 1,000,000 synthetic closed complaints into PostgreSQL, starts
# Redress on the postgres profile against them on a free port, warms up, and reports the response
# times (median and p95) of the dashboard page and its API, for the last 12 months unfiltered and
# filtered, and what a reader pays when complaints changed since the KPI summary last caught up. Not
# part of ./mvnw verify.
#
#   benchmarks/dashboard.sh            # build the jar, (re)load the data, measure
#   SKIP_LOAD=1 benchmarks/dashboard.sh  # measure against the data already loaded
#   FULL=1 ...                         # also the CSV, weekly trend and drill-down endpoints
#
# Needs: PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres (PGHOST/PGUSER to change),
# psql, curl, python3, a JDK 17. Uses (drops and re-creates) the database $BENCH_DB (redress_bench).
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DB=${BENCH_DB:-redress_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
REQUESTS=${REQUESTS:-20}
WARMUP=${WARMUP:-3}
JAR=$(mktemp -d)/redress.jar
LOG=$(mktemp)

if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -B -ntp -q -o package -DskipTests -Dredress.modelcheck.skip=true
fi
cp target/redress-*.jar "$JAR"
source benchmarks/redress-app.sh
trap 'exit 130' INT TERM

if [[ -z "${SKIP_LOAD:-}" ]]; then
  echo "== fresh database $BENCH_DB"
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB"
  echo "== schema (the application creates it at start)"
  start_app --camunda.bpm.job-execution.enabled=false --redress.kpi-summary.catch-up-every=0
  stop_app
  echo "== loading 1,000,000 complaints"
  load_start=$(date +%s)
  psql -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -f benchmarks/load-complaints.sql
  echo "loaded in $(( $(date +%s) - load_start )) s"
fi

echo "== starting Redress on port $PORT"
start_app --camunda.bpm.job-execution.enabled=false --redress.kpi-summary.catch-up-every=0
# The first start on a database without the KPI summary (V12) builds it in the background; until then
# the figures are counted from the complaints. Measure the summary, so wait for it.
for _ in $(seq 1 1800); do
  grep -q 'KPI summary built' "$LOG" && break
  [[ $(psql -qAt -d "$BENCH_DB" -c "SELECT built_for IS NOT NULL FROM kpi_summary_state") == t ]] && break
  sleep 1
done
grep -o 'KPI summary built.*' "$LOG" || echo "KPI summary already built"
# A fresh build leaves the summary without planner statistics (and the rows it replaced dead) until
# autovacuum comes by, a minute or so later in production; do its work now so that runs compare.
psql -q -d "$BENCH_DB" -c "VACUUM ANALYZE kpi_daily"

TO=$(date -u +%F)
FROM=$(date -u -d "$TO -1 year +1 day" +%F)
declare -a NAMES=(
  "API /api/staff/kpis, 12 months, unfiltered"
  "API /api/staff/kpis, 12 months, category+channel"
  "API /api/staff/kpis/trend (monthly), 12 months"
  "API /api/staff/kpis/breakdown?dimension=category"
  "page /staff/dashboard, 12 months, unfiltered"
  "page /staff/dashboard, 12 months, category+channel"
)
declare -a PATHS=(
  "/api/staff/kpis?from=$FROM&to=$TO"
  "/api/staff/kpis?from=$FROM&to=$TO&category=billing&channel=web"
  "/api/staff/kpis/trend?interval=month&from=$FROM&to=$TO"
  "/api/staff/kpis/breakdown?dimension=category&from=$FROM&to=$TO"
  "/staff/dashboard?from=$FROM&to=$TO"
  "/staff/dashboard?from=$FROM&to=$TO&category=billing&channel=web"
)
if [[ -n "${FULL:-}" ]]; then # the other endpoints too
  NAMES+=("API /api/staff/kpis, 12 months, severity+team" "API /api/staff/kpis/trend (weekly), category"
          "API /api/staff/kpis.csv, 12 months" "API /api/staff/kpis/complaints (drill-down, 50 rows)")
  PATHS+=("/api/staff/kpis?from=$FROM&to=$TO&severity=high&team=handlers"
          "/api/staff/kpis/trend?interval=week&from=$FROM&to=$TO&category=delivery"
          "/api/staff/kpis.csv?from=$FROM&to=$TO"
          "/api/staff/kpis/complaints?kpi=escalated&matching=true&from=$FROM&to=$TO")
fi

measure() { # path -> one time in ms per line
  for _ in $(seq 1 "$2"); do
    curl -fsS -o /dev/null -u manager:manager -w '%{time_total}\n' "$BASE$1"
  done
}

echo "== warm-up ($WARMUP requests each)"
for p in "${PATHS[@]}"; do measure "$p" "$WARMUP" >/dev/null; done

echo "== $REQUESTS requests each, one at a time; times in ms"
printf '%-58s %8s %8s %8s\n' "request" "median" "p95" "max"
for i in "${!PATHS[@]}"; do
  measure "${PATHS[$i]}" "$REQUESTS" | python3 -c '
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin)
p95 = t[max(0, int(round(0.95 * len(t))) - 1)]
print("%-58s %8.0f %8.0f %8.0f" % (sys.argv[1], statistics.median(t), p95, t[-1]))' "${NAMES[$i]}"
done

# A full dashboard as a browser loads it: the page, then its chart data (trend, 4 breakdowns, KPIs) in parallel.
full() {
  local start end
  start=$(date +%s%N)
  curl -fsS -o /dev/null -u manager:manager "$BASE/staff/dashboard?from=$FROM&to=$TO"
  for q in "kpis/trend?interval=month&" "kpis/breakdown?dimension=category&" "kpis/breakdown?dimension=channel&" \
           "kpis/breakdown?dimension=team&" "kpis/breakdown?dimension=severity&"; do
    curl -fsS -o /dev/null -u manager:manager "$BASE/api/staff/${q}from=$FROM&to=$TO" &
  done
  wait
  end=$(date +%s%N)
  echo "scale=3; ($end - $start) / 1000000000" | bc
}
for _ in $(seq 1 "$REQUESTS"); do full; done | python3 -c '
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin)
p95 = t[max(0, int(round(0.95 * len(t))) - 1)]
print("%-58s %8.0f %8.0f %8.0f" % ("full dashboard (page + chart data in parallel)", statistics.median(t), p95, t[-1]))'

# What a reader pays when complaints changed since the summary last caught up (the background round,
# every 10 s by default, is off here): N random complaints noted as changed in all their milestones (as a
# reclassification notes them; the worst case, since random complaints' days rarely coincide), then the
# unfiltered KPIs, which first recount the days those changes touch.
for changed in 1 10 100; do
  for _ in $(seq 1 $(( changed == 100 ? 3 : REQUESTS ))); do
    psql -qAt -d "$BENCH_DB" -c "INSERT INTO kpi_change (reference, received_at, acknowledged_at, first_response_at,
        decision_communicated_at, closed_at)
      SELECT reference, received_at, acknowledged_at, first_response_at, decision_communicated_at, closed_at
      FROM complaint_status WHERE reference IN (SELECT 'B-' || (1 + floor(random() * 1000000))::int
                                                FROM generate_series(1, $changed))"
    measure "/api/staff/kpis?from=$FROM&to=$TO" 1
  done | python3 -c '
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin)
p95 = t[max(0, int(round(0.95 * len(t))) - 1)]
print("%-58s %8.0f %8.0f %8.0f" % (sys.argv[1], statistics.median(t), p95, t[-1]))' \
    "API /api/staff/kpis after $changed complaint(s) changed"
done

psql -qAt -d "$BENCH_DB" -c "SELECT 'complaints in the database: ' || COUNT(*) FROM complaint_status"
psql -qAt -d "$BENCH_DB" -c "SELECT 'KPI summary rows: ' || COUNT(*) || ', ' || pg_size_pretty(pg_total_relation_size('kpi_daily'))
  || ' (complaint_status: ' || pg_size_pretty(pg_total_relation_size('complaint_status')) || ')' FROM kpi_daily"
