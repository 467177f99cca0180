#!/usr/bin/env python3
"""Intake under faults for benchmarks/faults.sh: CLIENTS threads submit complaints to the nodes at PORTS (comma-
separated) for SECONDS, each complaint with its own Idempotency-Key and a unique e-mail address. A client that
gets no answer or a 5xx retries the same complaint with the same key on the next node until it is accepted (201)
or GIVE_UP seconds pass. Prints one JSON object: every accepted key -> reference, the HTTP statuses seen
(connection errors as "conn"), the slowest answer in ms.

  faults_load.py PORTS CLIENTS SECONDS RUN_ID [GIVE_UP]
"""
import http.client
import json
import sys
import threading
import time
import uuid


def main():
    ports = [int(p) for p in sys.argv[1].split(",")]
    clients, seconds, run = int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    give_up = float(sys.argv[5]) if len(sys.argv) > 5 else 300.0
    accepted, statuses, lock = {}, {}, threading.Lock()
    slowest = [0.0]
    end = time.time() + seconds

    def count(status):
        with lock:
            statuses[status] = statuses.get(status, 0) + 1

    def client(n):
        turn = n
        while time.time() < end:
            key = str(uuid.uuid4())
            body = json.dumps({"complainantName": "Fault Client %d" % n,
                               "complainantEmail": "%s+%s@faults.example" % (run, key),
                               "preferredChannel": "email", "productOrService": "Broadband",
                               "description": "Complaint under faults: the invoice shows a late fee I did not owe."})
            started = time.time()
            while time.time() - started < give_up:
                port = ports[turn % len(ports)]
                turn += 1
                try:
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    t0 = time.time()
                    c.request("POST", "/api/complaints", body, {"Content-Type": "application/json",
                                                                "Idempotency-Key": key})
                    r = c.getresponse()
                    answer = r.read()
                    with lock:
                        slowest[0] = max(slowest[0], (time.time() - t0) * 1000)
                    c.close()
                    count(str(r.status))
                    if r.status == 201:
                        with lock:
                            accepted[key] = json.loads(answer)["reference"]
                        break
                    if r.status < 500 and r.status not in (409, 429):
                        break  # refused: a client error would be a bug of this script (409: same key in progress)
                except (OSError, http.client.HTTPException):
                    count("conn")
                time.sleep(0.5)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({"accepted": accepted, "statuses": statuses, "slowest_ms": round(slowest[0])}))


if __name__ == "__main__":
    main()
