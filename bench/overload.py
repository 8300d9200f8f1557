"""Load driver for bench/overload.sh: concurrent clients that check every answer they get.

  overload.py large   --port P --key K --input F --products N --clients C --seconds S
  overload.py rows    --port P --key K --input F --lines L --clients C --seconds S
  overload.py slow    --port P --key K --connections N --seconds S [--rate 2]
  overload.py scrapes --mport M --seconds S     (samples the heap; counts scrapes over 2 s)
  overload.py refusals --mport M --state FILE   (503s and 429s answered within 0.5 s and 1 s, server
                                                 side, since the state FILE was written; rewrites it)

Every answer is classed: 200 only when the body is complete (the chunked body terminated, as many
lines as the input asks for, the last one whole), 503 or 429 only as a problem with Retry-After;
anything else (a 500, a 400, a body cut short, a reset) is counted as what it is. Prints one JSON
line of counts and latencies.
"""
import argparse
import http.client
import json
import socket
import statistics
import threading
import time
import urllib.request

p = argparse.ArgumentParser()
p.add_argument("mode", choices=["large", "rows", "slow", "scrapes", "refusals"])
p.add_argument("--state", help="refusals: where the last counts are kept")
p.add_argument("--port", type=int)
p.add_argument("--mport", type=int)
p.add_argument("--key")
p.add_argument("--input")
p.add_argument("--products", type=int, default=0)
p.add_argument("--lines", type=int, default=0)
p.add_argument("--clients", type=int, default=1)
p.add_argument("--seconds", type=float, default=30)
p.add_argument("--requests", type=int, default=0, help="stop each client after this many (0: by time)")
p.add_argument("--connections", type=int, default=300)
p.add_argument("--rate", type=float, default=2, help="bytes per second of a slow upload")
a = p.parse_args()

lock = threading.Lock()
counts = {}
latencies = {}
first_byte = {}


def record(outcome, seconds):
    with lock:
        counts[outcome] = counts.get(outcome, 0) + 1
        latencies.setdefault(outcome, []).append(seconds)


def one_request(body, path, expected_lines):
    """One request, its answer classed; returns the Retry-After of a refusal (0 otherwise)."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=600)
    try:
        conn.request("POST", path, body=body, headers={
            "Content-Type": "text/csv", "X-API-Key": a.key})
        response = conn.getresponse()
        status = response.status
        try:
            data = response.read()  # raises IncompleteRead on an unterminated chunked body
        except http.client.IncompleteRead:
            record("cut", time.perf_counter() - started)
            return
        elapsed = time.perf_counter() - started
        if status == 200:
            lines = data.count(b"\n")
            if lines != expected_lines or not data.endswith(b"\n"):
                record("200-incomplete", elapsed)
            else:
                record("200", elapsed)
        elif status in (503, 429):
            ok = response.getheader("Retry-After") and b"urn:stockcast:problem:" in data
            record(str(status) if ok else f"{status}-malformed", elapsed)
            return float(response.getheader("Retry-After") or 1)
        else:
            record(str(status), elapsed)
            if status >= 400:
                with lock:
                    first_byte.setdefault(str(status), data[:300].decode("utf-8", "replace"))
    except (ConnectionError, socket.timeout, http.client.HTTPException, OSError) as ex:
        record("error:" + type(ex).__name__, time.perf_counter() - started)
    finally:
        conn.close()
    return 0


def clients(body, path, expected_lines):
    deadline = time.monotonic() + a.seconds

    def loop():
        n = 0
        while time.monotonic() < deadline and (a.requests == 0 or n < a.requests):
            # A well-behaved client waits as long as a refusal asks before it tries again.
            time.sleep(one_request(body, path, expected_lines))
            n += 1

    threads = [threading.Thread(target=loop) for _ in range(a.clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started


def slow():
    """Connections that send headers, then a body at a.rate bytes/s; one normal client meanwhile."""
    body_size = 10_000
    outcomes = {}

    def trickle():
        s = socket.create_connection(("127.0.0.1", a.port))
        s.settimeout(a.seconds + 30)
        head = (f"POST /forecasts HTTP/1.1\r\nHost: x\r\nX-API-Key: {a.key}\r\nContent-Type: text/csv\r\n"
                f"Content-Length: {body_size}\r\n\r\n").encode()
        s.sendall(head)
        started = time.monotonic()
        outcome = "held to the end"
        try:
            while time.monotonic() - started < a.seconds:
                s.sendall(b"p" * max(1, int(a.rate)))
                time.sleep(1)
            outcome = "held to the end"
        except OSError:
            outcome = "closed by the service"
        try:
            s.settimeout(1)
            status = s.recv(64).split(b" ")[1].decode() if outcome == "held to the end" else ""
            if status:
                outcome = "answered " + status
        except (OSError, IndexError):
            pass
        with lock:
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            latencies.setdefault("slow-held", []).append(time.monotonic() - started)
        s.close()

    threads = [threading.Thread(target=trickle, daemon=True) for _ in range(a.connections)]
    for t in threads:
        t.start()
    time.sleep(3)
    normal = []
    small = open(a.input, "rb").read()
    deadline = time.monotonic() + a.seconds - 3
    while time.monotonic() < deadline:
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=10)
        try:
            conn.request("POST", "/forecasts?view=summary", body=small,
                         headers={"Content-Type": "text/csv", "X-API-Key": a.key})
            r = conn.getresponse()
            r.read()
            normal.append((r.status, time.perf_counter() - started))
        except OSError as ex:
            normal.append(("timeout" if isinstance(ex, socket.timeout) else type(ex).__name__,
                           time.perf_counter() - started))
        finally:
            conn.close()
        time.sleep(0.5)
    for t in threads:
        t.join()
    ok = [s for st, s in normal if st == 200]
    print(json.dumps({"mode": "slow", "connections": a.connections, "rate": a.rate, "slow_outcomes": outcomes,
                      "slow_held_max_s": round(max(latencies.get("slow-held", [0])), 1),
                      "normal_requests": len(normal), "normal_ok": len(ok),
                      "normal_failed": [st for st, s in normal if st != 200],
                      "normal_p50_s": round(statistics.median(ok), 3) if ok else None,
                      "normal_max_s": round(max(ok), 3) if ok else None}))


def scrapes():
    deadline = time.monotonic() + a.seconds
    peak = 0.0
    took = []
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{a.mport}/actuator/prometheus", timeout=10) as r:
                text = r.read().decode()
            took.append(time.perf_counter() - started)
            used = sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
                       if line.startswith("jvm_memory_used_bytes") and 'area="heap"' in line)
            peak = max(peak, used)
        except OSError:
            took.append(float("inf"))
        time.sleep(max(0.0, 0.5 - (time.perf_counter() - started)))
    print(json.dumps({"mode": "scrapes", "scrapes": len(took), "over_2s": sum(1 for t in took if t > 2),
                      "max_s": round(max(took), 3) if took else None,
                      "p50_s": round(statistics.median(took), 3) if took else None,
                      "peak_heap_mb": round(peak / 2**20, 1)}))


def refusals():
    """Refusals as the service timed them (http.server.requests, from the request's arrival to its
    answer, the refused body read and dropped included), by the SLO buckets of application.yaml."""
    text = urllib.request.urlopen(f"http://127.0.0.1:{a.mport}/actuator/prometheus", timeout=30).read().decode()
    now = {"total": 0, "within_0.5s": 0, "within_1s": 0}
    for line in text.splitlines():
        if not line.startswith("http_server_requests_seconds_bucket{") or not (
                'status="503"' in line or 'status="429"' in line):
            continue
        value = float(line.rsplit(" ", 1)[1])
        if 'le="+Inf"' in line:
            now["total"] += value
        elif 'le="0.5"' in line:
            now["within_0.5s"] += value
        elif 'le="1.0"' in line:
            now["within_1s"] += value
    try:
        with open(a.state) as f:
            before = json.load(f)
    except (FileNotFoundError, ValueError):
        before = {k: 0 for k in now}
    with open(a.state, "w") as f:
        json.dump(now, f)
    delta = {k: int(now[k] - before[k]) for k in now}
    share = (delta["within_1s"] / delta["total"]) if delta["total"] else 1.0
    print(json.dumps({"mode": "refusals (server side)", **delta, "share_within_1s": round(share, 4)}))


def summary(mode, elapsed):
    out = {"mode": mode, "clients": a.clients, "seconds": round(elapsed, 1), "counts": counts}
    for outcome, values in sorted(latencies.items()):
        values.sort()
        out[f"{outcome}_s"] = {"p50": round(values[len(values) // 2], 3),
                               "p99": round(values[min(len(values) - 1, int(len(values) * 0.99))], 3),
                               "max": round(values[-1], 3)}
    if "200" in counts:
        out["complete_200_per_s"] = round(counts["200"] / elapsed, 2)
    if first_byte:
        out["error_bodies"] = first_byte
    print(json.dumps(out))


if a.mode == "slow":
    slow()
elif a.mode == "scrapes":
    scrapes()
elif a.mode == "refusals":
    refusals()
else:
    body = open(a.input, "rb").read()
    if a.mode == "large":
        summary("large", clients(body, "/forecasts?view=summary", a.products + 1))
    else:
        summary("rows", clients(body, "/forecasts", a.lines))
