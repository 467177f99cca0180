#!/usr/bin/env bash
# Redress under faults (issue 17): two nodes on a PostgreSQL cluster of its own (initdb/pg_ctl in a temp dir,
# own port, so it may restart it) and a local SMTP server it can stop (GreenMail from the Maven cache,
# benchmarks/FaultSmtpServer.java). Four runs, 8 clients each (benchmarks/faults_load.py: every complaint with
# its own Idempotency-Key, retried with the same key on a connection error or 5xx):
#   kill-9     kill -9 of node 2 during intake; node 2 restarted 30 s later
#   smtp-down  the mail server stopped for 2 minutes during intake
#   pg-outage  PostgreSQL restarted, then stopped for 15 s, during intake
#   fuzz       10,000 fuzzed requests (benchmarks/faults_fuzz.py)
# Prints per run: complaints accepted, lost, duplicated, acknowledgements missing or sent twice, incidents,
# seconds until every accepted complaint was acknowledged after the fault ended, HTTP statuses seen.
#   benchmarks/faults.sh            (builds the jar offline when target/ has none; takes about 15 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/redress-faults.XXXXXX)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port); SMTPPORT=$(free_port); PORT1=$(free_port); PORT2=$(free_port)
JAR=$(ls target/redress-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$JAR" ]]; then ./mvnw -B -ntp -q -o -DskipTests package; JAR=$(ls target/redress-*.jar | grep -v original | head -1); fi
M2=~/.m2/repository
MAILCP=$M2/com/icegreen/greenmail/2.1.5/greenmail-2.1.5.jar:$(ls $M2/jakarta/mail/jakarta.mail-api/2.1.*/*.jar | tail -1)
MAILCP=$MAILCP:$(ls $M2/org/eclipse/angus/jakarta.mail/*/*.jar | tail -1):$(ls $M2/jakarta/activation/jakarta.activation-api/2.1.*/*.jar | tail -1)
MAILCP=$MAILCP:$(ls $M2/org/eclipse/angus/angus-activation/*/*.jar | tail -1):$(ls $M2/org/slf4j/slf4j-api/2.*/*.jar | tail -1)
MAILLOG=$WORK/letters.log; touch "$MAILLOG"
# initdb and postgres refuse to run as root: then the cluster belongs to the system user postgres
PGRUN=(); if [[ $(id -u) == 0 ]]; then PGRUN=(runuser -u postgres --); fi
mkdir -p "$WORK/pg" "$WORK/sock"; [[ $(id -u) == 0 ]] && chown postgres "$WORK/pg" "$WORK/sock" && chmod 755 "$WORK"
declare -A NODE_PID
SMTP_PID=

PGOPTS="-p $PGPORT -k $WORK/sock -c listen_addresses=127.0.0.1 -c max_connections=100"
pg() { "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d redress -Atq -c "$1"; }
pg_start() { "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/sock/pg.log" -o "$PGOPTS" -w start >/dev/null; }
pg_stop() { "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null; }
smtp_start() { java -cp "$MAILCP" "$ROOT/benchmarks/FaultSmtpServer.java" "$SMTPPORT" "$MAILLOG" >"$WORK/smtp.log" 2>&1 & SMTP_PID=$!; sleep 3; }
smtp_stop() { if [[ -n "$SMTP_PID" ]]; then kill "$SMTP_PID" 2>/dev/null; wait "$SMTP_PID" 2>/dev/null || true; SMTP_PID=; fi; }
node_start() { # node_start N PORT
  java -Xmx768m -jar "$JAR" --spring.profiles.active=postgres,demo --server.port="$2" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/redress" --spring.datasource.username=postgres \
    --spring.datasource.password= --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTPPORT" \
    --redress.kpi-summary.catch-up-every=PT30S >>"$WORK/node$1.log" 2>&1 &
  NODE_PID[$1]=$!
}
node_ready() { # node_ready PORT: waits up to 5 minutes for readiness
  for _ in $(seq 1 300); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/actuator/health/readiness") == 200 ]] && return 0
    sleep 1
  done
  echo "node on port $1 did not become ready"; exit 1
}
node_stop() { local pid=${NODE_PID[$1]:-}; if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; NODE_PID[$1]=; fi; }
cleanup() {
  for n in 1 2; do node_stop $n; done
  smtp_stop
  "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  echo "logs: $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# report RUN LOADFILE FAULT_END_EPOCH: waits (up to 10 minutes) until every accepted complaint was acknowledged
report() {
  python3 - "$1" "$2" "$3" "$MAILLOG" "$WORK" "$PGBIN" "$PGPORT" <<'PY'
import json, subprocess, sys, time
run, loadfile, fault_end, maillog, work, pgbin, pgport = sys.argv[1:8]
load = json.load(open(loadfile))
def sql(q):
    return subprocess.run([pgbin + "/psql", "-h", "127.0.0.1", "-p", pgport, "-U", "postgres", "-d", "redress", "-Atq", "-c", q],
                          capture_output=True, text=True, check=True).stdout.split()
accepted = set(load["accepted"].values())
def acks():
    counts = {}
    for line in open(maillog):
        ref, _, subject = line.rstrip("\n").partition("\t")
        if ref in accepted and subject.startswith("We have received your complaint"):
            counts[ref] = counts.get(ref, 0) + 1
    return counts
deadline = time.time() + 600
while time.time() < deadline and len(acks()) < len(accepted):
    time.sleep(1)
recovered = time.time()
counts = acks()
stored = sql("SELECT complainant_email FROM complaint WHERE complainant_email LIKE '%s+%%'" % run)
stored_refs = set(sql("SELECT reference FROM complaint WHERE complainant_email LIKE '%s+%%'" % run))
incidents = sql("SELECT COUNT(*) FROM act_ru_incident")[0]
print("%-10s %8d %5d %10d %12d %10d %9s %9s  %s" % (
    run, len(accepted), len(accepted - stored_refs), len(stored) - len(set(stored)),
    len(accepted - set(counts)), sum(1 for c in counts.values() if c > 1), incidents,
    ("%.0f" % (recovered - float(fault_end))) if len(counts) == len(accepted) else "> 600",
    " ".join("%s:%d" % kv for kv in sorted(load["statuses"].items()))))
PY
}

echo "PostgreSQL on port $PGPORT, SMTP on $SMTPPORT, nodes on $PORT1 and $PORT2; work dir $WORK"
"${PGRUN[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >"$WORK/initdb.log"
pg_start
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres redress
smtp_start
node_start 1 "$PORT1"; node_start 2 "$PORT2"   # at the same moment, on an empty database
node_ready "$PORT1"; node_ready "$PORT2"
echo "deployments: $(pg "SELECT COUNT(*) FROM act_re_deployment WHERE name_ = 'redress'"), filters: $(pg 'SELECT COUNT(*) FROM act_ru_filter')"
printf '%-10s %8s %5s %10s %12s %10s %9s %9s  %s\n' run accepted lost duplicated acks-missing acks-twice incidents recovery statuses

# 1. kill -9 of node 2 during intake, restarted 30 s later
python3 benchmarks/faults_load.py "$PORT1,$PORT2" 8 60 kill9 >"$WORK/kill9.json" & LOAD=$!
sleep 20; kill -9 "${NODE_PID[2]}"; NODE_PID[2]=; FAULT_END=$(date +%s)
sleep 30; node_start 2 "$PORT2"; wait $LOAD; node_ready "$PORT2"
report kill9 "$WORK/kill9.json" "$FAULT_END"

# 2. the mail server down for 2 minutes during intake
smtp_stop
python3 benchmarks/faults_load.py "$PORT1,$PORT2" 8 60 smtp >"$WORK/smtp.json" & LOAD=$!
sleep 120; smtp_start; FAULT_END=$(date +%s); wait $LOAD
report smtp "$WORK/smtp.json" "$FAULT_END"

# 3. PostgreSQL restarted, then stopped for 15 s, during intake
python3 benchmarks/faults_load.py "$PORT1,$PORT2" 8 60 pgout >"$WORK/pgout.json" & LOAD=$!
sleep 10; "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w restart -o "$PGOPTS" >/dev/null
sleep 10; pg_stop; sleep 15; pg_start; FAULT_END=$(date +%s); wait $LOAD
report pgout "$WORK/pgout.json" "$FAULT_END"

# 4. 10,000 fuzzed requests
python3 benchmarks/faults_fuzz.py "$PORT1" 10000 >"$WORK/fuzz.json"
python3 -c 'import json,sys; f=json.load(open(sys.argv[1])); print("%-10s %s  slowest %d ms  5xx: %s" % ("fuzz", " ".join("%s:%d" % kv for kv in sorted(f["statuses"].items())), f["slowest_ms"], f["server_errors"] or "none"))' "$WORK/fuzz.json"
