#!/usr/bin/env python3
"""Prints the SQL that clones the seed complaints of benchmarks/tasklist.sh (real complaints, started over
the API and waiting at their first handler task) into copies FIRST..LAST, set-based: one INSERT ... SELECT
per table over generate_series. Usage: clone-complaints.py FIRST LAST COLUMNS_FILE, where COLUMNS_FILE
lists "table|column" lines of the database (information_schema.columns), so the SQL follows the schema.

Every id a complaint owns gets its last 8 characters replaced by "c<copy in hex>" (Camunda's ids are UUIDs); the business
key and Redress's reference become T-<number>. Definitions, job definitions, deployments are shared.
Copied: the runtime rows a complaint waiting at a task has (executions, tasks, identity links, variables
and their byte arrays, jobs, event subscriptions, authorizations on its instance and tasks, whatever the
version under test created), the history rows Cockpit's instance search reads (act_hi_procinst,
act_hi_taskinst), and Redress's complaint and complaint_status rows."""
import sys

first, last, columns_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
columns = {}
for line in open(columns_file):
    if "|" in line:
        table, column = line.strip().split("|")
        columns.setdefault(table, []).append(column)

# ids a complaint owns: remapped. Everything else (definition ids, names, dates, values) is copied as is.
OWN_IDS = {"id_", "proc_inst_id_", "execution_id_", "parent_id_", "super_exec_", "root_proc_inst_id_",
           "task_id_", "bytearray_id_", "var_scope_", "act_inst_id_", "process_instance_id_",
           "exception_stack_id_", "super_process_instance_id_", "parent_task_id_", "resource_id_"}
# length-preserving (act_inst_id_ "Activity:uuid" may already fill its 64 characters): the last 8 characters
# of a UUID become "c" + the copy number in hex; originals end in their node id's digits, never "c".
SUFFIX = "'c' || lpad(to_hex(g), 7, '0')"
NEWREF = "s.newref"

# table -> (FROM clause joining the seed table s(proc_inst_id, reference, n) and the rows, per table)
SOURCES = {
    "act_ge_bytearray": "bench_seed_copies s JOIN act_ru_variable v ON v.proc_inst_id_ = s.proc_inst_id"
                        " JOIN act_ge_bytearray r ON r.id_ = v.bytearray_id_",
    "act_ru_execution": "bench_seed_copies s JOIN act_ru_execution r ON r.proc_inst_id_ = s.proc_inst_id",
    "act_ru_task": "bench_seed_copies s JOIN act_ru_task r ON r.proc_inst_id_ = s.proc_inst_id",
    "act_ru_identitylink": "bench_seed_copies s JOIN act_ru_task t ON t.proc_inst_id_ = s.proc_inst_id"
                           " JOIN act_ru_identitylink r ON r.task_id_ = t.id_",
    "act_ru_variable": "bench_seed_copies s JOIN act_ru_variable r ON r.proc_inst_id_ = s.proc_inst_id",
    "act_ru_job": "bench_seed_copies s JOIN act_ru_job r ON r.process_instance_id_ = s.proc_inst_id",
    "act_ru_event_subscr": "bench_seed_copies s JOIN act_ru_event_subscr r ON r.proc_inst_id_ = s.proc_inst_id",
    "act_ru_authorization": "bench_seed_copies s JOIN bench_seed_auth a ON a.proc_inst_id = s.proc_inst_id"
                            " JOIN act_ru_authorization r ON r.id_ = a.id_",
    "act_hi_procinst": "bench_seed_copies s JOIN act_hi_procinst r ON r.proc_inst_id_ = s.proc_inst_id",
    "act_hi_taskinst": "bench_seed_copies s JOIN act_hi_taskinst r ON r.proc_inst_id_ = s.proc_inst_id",
    "complaint": "bench_seed_copies s JOIN complaint r ON r.reference = s.reference",
    "complaint_status": "bench_seed_copies s JOIN complaint_status r ON r.reference = s.reference",
}

print("\\timing on")
# the seed complaints once per copy, with the copy's number and reference
print(f"""CREATE TEMP TABLE bench_seed_copies AS
  SELECT s.proc_inst_id, s.reference, g, 'T-' || lpad((g * (SELECT count(*) FROM bench_seed) + s.n)::text, 9, '0') AS newref
  FROM bench_seed s CROSS JOIN generate_series({first}, {last}) AS g;""")
# the grants on a seed complaint's instance or tasks (whatever the version under test created)
print("""CREATE TEMP TABLE bench_seed_auth AS
  SELECT s.proc_inst_id, a.id_ FROM bench_seed s JOIN act_ru_authorization a ON a.resource_id_ = s.proc_inst_id
  UNION ALL
  SELECT s.proc_inst_id, a.id_ FROM bench_seed s JOIN act_ru_task t ON t.proc_inst_id_ = s.proc_inst_id
    JOIN act_ru_authorization a ON a.resource_id_ = t.id_;""")
# FK triggers off for the bulk copy (the copies reference each other within one statement anyway)
print("SET session_replication_role = replica;")
for table, source in SOURCES.items():
    if table not in columns:
        continue
    cols, values = [], []
    for c in columns[table]:
        if table == "complaint" and c == "id":
            continue  # identity
        cols.append(c)
        if c in OWN_IDS:
            values.append(f"CASE WHEN r.{c} IS NULL OR r.{c} = '*' THEN r.{c} ELSE left(r.{c}, -8) || {SUFFIX} END")
        elif c in ("business_key_", "reference"):
            values.append(f"CASE WHEN r.{c} IS NULL THEN NULL ELSE {NEWREF} END")
        elif table == "act_ru_variable" and c == "text_":
            values.append(f"CASE WHEN r.name_ = 'reference' THEN {NEWREF} ELSE r.text_ END")
        elif table in ("act_ru_task", "act_hi_taskinst") and c == "name_":
            values.append(f"replace(r.name_, s.reference, {NEWREF})")
        else:
            values.append(f"r.{c}")
    print(f"INSERT INTO {table} ({', '.join(cols)})\n  SELECT {', '.join(values)}\n  FROM {source};")
print("SET session_replication_role = DEFAULT;")
print("DROP TABLE bench_seed_copies; DROP TABLE bench_seed_auth;")
