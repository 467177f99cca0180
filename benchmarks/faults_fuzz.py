#!/usr/bin/env python3
"""10,000 fuzzed requests for benchmarks/faults.sh: random, malformed and hostile bodies to the complainants' API,
the complaint form and the status page, from 8 threads. Prints one JSON object: HTTP statuses seen, the
slowest answer in ms, and the first few 5xx answers.

  faults_fuzz.py PORT [REQUESTS] [SEED]
"""
import http.client
import json
import random
import sys
import threading
import time
import urllib.parse

HOSTILE = ['{"amountAtStake":1e-999999999}', '{"amountAtStake":"1e999999999"}', '{"description":"\\ud800 alone"}',
           '{"complainantName":"x"} trailing', '{} {}', '[' * 5000, '{"a":' * 3000, '\ufeff{}', 'null', '',
           '{"amountAtStake":' + '9' * 5000 + '}', '{"problemDate":"2026-02-30"}', '{"preferredChannel":["email"]}']
FIELDS = ["complainantName", "complainantEmail", "preferredChannel", "productOrService", "description",
          "amountAtStake", "problemDate", "safetyConcern", "preferredLanguage", "namedStaff", "unknown"]


def value(rnd):
    return rnd.choice([None, True, 12, -1, 1e308, "x" * rnd.randint(0, 5000), "\u0000\u0007", "2026-13-40",
                       "<script>alert(1)</script>", {"nested": [1, 2]}, "1e-999999999", "jane@example.org", "email"])


def request(rnd):
    kind = rnd.randrange(4)
    if kind == 0:
        return "POST", "/api/complaints", rnd.choice(HOSTILE).encode("utf-8", "surrogatepass"), "application/json"
    if kind == 1:
        body = {f: value(rnd) for f in rnd.sample(FIELDS, rnd.randint(1, len(FIELDS)))}
        return "POST", "/api/complaints", json.dumps(body).encode(), rnd.choice(
            ["application/json", "text/plain", "application/json; charset=nonsense"])
    if kind == 2:
        form = {f: str(value(rnd)) for f in rnd.sample(FIELDS, rnd.randint(1, len(FIELDS)))}
        return "POST", "/complaints/new", urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"
    query = urllib.parse.urlencode({"reference": rnd.choice(["C-2026-000001", "x" * 300, "'; DROP TABLE--"]),
                                    "code": str(value(rnd))})
    return "GET", "/complaints/status?" + query, None, None


def main():
    port = int(sys.argv[1])
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 17
    statuses, errors, lock, slowest = {}, [], threading.Lock(), [0.0]

    def worker(n, count):
        rnd = random.Random(seed * 100 + n)
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(count):
            method, path, body, ctype = request(rnd)
            headers = {"Accept": rnd.choice(["application/json", "text/html"])}
            if ctype:
                headers["Content-Type"] = ctype
            t0 = time.time()
            try:
                c.request(method, path, body, headers)
                r = c.getresponse()
                answer = r.read()
                status = str(r.status)
                if r.getheader("Connection", "").lower() == "close":
                    c.close()
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            except (OSError, http.client.HTTPException):
                status, answer = "conn", b""
                c.close()
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                slowest[0] = max(slowest[0], (time.time() - t0) * 1000)
                statuses[status] = statuses.get(status, 0) + 1
                if status.startswith("5") and len(errors) < 5:
                    errors.append("%s %s -> %s %s" % (method, path[:80], status, answer[:200].decode("utf-8", "replace")))

    threads = [threading.Thread(target=worker, args=(n, total // 8)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({"statuses": statuses, "slowest_ms": round(slowest[0]), "server_errors": errors}))


if __name__ == "__main__":
    main()
