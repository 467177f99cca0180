# Sourced by the benchmarks that start Redress (dashboard.sh, tasklist.sh, timers.sh): one way to start the
# jar on the postgres profile with the demo accounts against $BENCH_DB, wait until it answers, and stop it.
# Needs JAR, LOG, BENCH_DB, PGHOST, PGUSER set; sets PORT and BASE (a free port).
# start_app [extra application arguments…]: ready when the demo manager gets the KPI API's answer (the
# start-up runners create the demo accounts after the port opens and "Started" is logged).

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
APP=

start_app() {
  REDRESS_ADMIN_PASSWORD=benchmark-admin java -Xmx1g -jar "$JAR" --spring.profiles.active=postgres,demo \
    --server.port="$PORT" --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$BENCH_DB" \
    --spring.datasource.username="$PGUSER" --spring.datasource.password= \
    --management.health.mail.enabled=false "$@" >"$LOG" 2>&1 &
  APP=$!
  for _ in $(seq 1 300); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' -u manager:manager "$BASE/api/staff/kpis?from=2000-01-01&to=2000-01-01") == 200 ]]; then
      return 0
    fi
    if ! kill -0 "$APP" 2>/dev/null; then echo "the application did not start:"; tail -50 "$LOG"; exit 1; fi
    sleep 1
  done
  echo "the application did not answer in 5 minutes"; tail -50 "$LOG"; exit 1
}

stop_app() { if [[ -n "$APP" ]]; then kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true; APP=; fi; }
trap stop_app EXIT
trap 'exit 130' INT TERM
