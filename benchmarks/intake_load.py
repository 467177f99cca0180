#!/usr/bin/env python3
"""Load generator for benchmarks/intake.sh: N client threads, each with one keep-alive HTTP connection,
send requests back to back for S seconds. Prints one JSON line: requests answered, sustained rate (answered
with 2xx per second of the burst), p50/p99 latency in ms, and the error count with the first error seen.

  intake_load.py redress|bare PORT CLIENTS SECONDS [SEED]

redress: POST /api/complaints with a valid complaint (e-mails from a pool of 2,000 complainants and products
from the same list as the pre-loaded complaints, so the recurrence count finds earlier complaints);
bare: POST /engine-rest/process-definition/key/one-user-task/start with a business key.
"""
import http.client
import json
import random
import sys
import threading
import time

PRODUCTS = ["Broadband", "broadband", "Mobile contract", "Electricity tariff", "Gas supply", "Online shop",
            "Delivery service", "Billing account", "Customer service", "Savings account", "Credit card",
            "Mortgage", "Car insurance", "Home insurance", "Travel insurance", "Current account", "TV package",
            "Smart meter", "Parcel delivery", "Store card", "Loan", "Pension", "Water supply", "Heating repair",
            "Kitchen appliance", "Laptop", "Phone repair", "Subscription", "Gift voucher", "Loyalty points"]
DESCRIPTIONS = ["I was charged twice for the same month and nobody answers my e-mails.",
                "The order arrived two weeks late and the box was damaged.",
                "Your staff promised a call back three times and never called.",
                "The invoice shows services I never ordered; please correct it.",
                "The product stopped working after one week and the shop refuses a refund."]


def body(kind, rnd, n):
    if kind == "bare":
        return "/engine-rest/process-definition/key/one-user-task/start", {"businessKey": "bench-%d" % n}
    amount = rnd.choice([None, None, "12.50", "80.00", "250.00", "900.00", "7500.00"])
    complaint = {
        "complainantName": "Bench Complainant %d" % rnd.randint(1, 2000),
        "complainantEmail": "client%d@example.org" % rnd.randint(1, 2000),
        "preferredChannel": "email",
        "preferredLanguage": rnd.choice(["en", "de"]),
        "productOrService": rnd.choice(PRODUCTS),
        "orderReference": "ORD-%06d" % rnd.randint(1, 999999),
        "description": rnd.choice(DESCRIPTIONS),
        "remedyRequested": "A refund and an apology.",
    }
    if amount:
        complaint["amountAtStake"] = amount
    return "/api/complaints", complaint


def main():
    kind, port, clients, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    lock = threading.Lock()
    latencies, errors, first_error = [], [0], [None]
    counter = [seed * 10_000_000]
    start = time.monotonic()
    deadline = start + seconds

    def client(i):
        rnd = random.Random(seed * 1000 + i)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine, bad = [], 0
        while time.monotonic() < deadline:
            with lock:
                counter[0] += 1
                n = counter[0]
            path, payload = body(kind, rnd, n)
            data = json.dumps(payload)
            t0 = time.monotonic()
            try:
                conn.request("POST", path, body=data,
                             headers={"Content-Type": "application/json", "Accept": "application/json"})
                resp = conn.getresponse()
                answer = resp.read()
                ok = 200 <= resp.status < 300
            except Exception as e:  # a dropped connection: count it and reconnect
                ok, answer = False, repr(e).encode()
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            t1 = time.monotonic()
            if ok:
                mine.append((t1 - t0) * 1000)
            else:
                bad += 1
                with lock:
                    if first_error[0] is None:
                        first_error[0] = answer[:300].decode(errors="replace")
        with lock:
            latencies.extend(mine)
            errors[0] += bad
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    lat = sorted(latencies)

    def pct(p):
        return lat[min(len(lat) - 1, max(0, int(round(p * len(lat))) - 1))] if lat else float("nan")

    print(json.dumps({"ok": len(lat), "errors": errors[0], "seconds": round(elapsed, 2),
                      "rate": round(len(lat) / elapsed, 1), "p50": round(pct(0.50), 1), "p99": round(pct(0.99), 1),
                      "first_error": first_error[0]}))


if __name__ == "__main__":
    main()
