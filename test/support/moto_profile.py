"""Benchmark-only instrumentation of the emulator (test/support/moto_server.py loads it when
AGAIN_MOTO_PROFILE is set; tests never do).

- AGAIN_MOTO_PROFILE=/path.json: per operation (query `Action`, JSON `X-Amz-Target`, S3 method +
  sub-resource, REST path shape) the number of requests, thread CPU seconds and wall seconds.
- AGAIN_MOTO_CPROFILE=/path.pstats: every request also runs under cProfile; merged stats are
  written there (slow; use it to find hot moto functions).
- AGAIN_MOTO_RECORD=/path.jsonl: every request (method, raw URI, signed headers, body) is kept so
  a benchmark can replay the exact same HTTP requests with no client-side work (the emulator floor).

POST /_test/profile-reset forgets everything recorded so far (the benchmark calls it after seeding);
POST /_test/profile-dump writes the files now (merging many cProfile runs outlasts SIGTERM's grace).
The files are also written on SIGTERM.
"""
import atexit
import base64
import io
import json
import os
import signal
import threading
import time
from urllib.parse import parse_qs

from werkzeug.wrappers import Response

_S3_SUBRESOURCES = (
    "encryption", "publicAccessBlock", "policy", "acl", "versioning", "lifecycle", "logging",
    "intelligent-tiering", "ownershipControls", "location", "policyStatus", "tagging",
)
# Headers a replay must resend; host, length and connection handling belong to the replaying client.
_SKIPPED_HEADERS = {"HTTP_HOST", "HTTP_CONNECTION", "HTTP_CONTENT_LENGTH"}


def _buffer_body(environ):
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    environ["wsgi.input"] = io.BytesIO(body)
    return body


def _operation(environ, body):
    target = environ.get("HTTP_X_AMZ_TARGET")
    if target:
        return target
    query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    if "Action" in query:
        return query["Action"][0]
    if environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
        action = parse_qs(body.decode("utf-8", "replace")).get("Action")
        if action:
            return action[0]
    method = environ.get("REQUEST_METHOD", "")
    sub = next((k for k in _S3_SUBRESOURCES if k in query), "")
    if sub:
        return f"{method} /<bucket>?{sub}"
    parts = [p for p in environ.get("PATH_INFO", "").split("/") if p][:3]
    shape = "/".join(p if i == 0 or not any(c.isdigit() for c in p) else "*" for i, p in enumerate(parts))
    return f"{method} /{shape}"


def _recorded(environ, body):
    headers = {
        key[5:].replace("_", "-").lower(): value
        for key, value in environ.items()
        if key.startswith("HTTP_") and key not in _SKIPPED_HEADERS
    }
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = environ["CONTENT_TYPE"]
    uri = environ.get("RAW_URI") or environ.get("REQUEST_URI") or environ.get("PATH_INFO", "/")
    return {"m": environ["REQUEST_METHOD"], "u": uri, "h": headers, "b": base64.b64encode(body).decode()}


def profiled(app, out_path, cprofile_path=None, record_path=None):
    stats = {}
    records = []
    profiles = []
    lock = threading.Lock()

    def dump(*_):
        with lock:
            rows = {op: {"count": n, "cpu": round(c, 3), "wall": round(w, 3)} for op, (n, c, w) in stats.items()}
            with open(out_path, "w") as f:
                json.dump(rows, f, indent=1, sort_keys=True)
            if record_path:
                with open(record_path, "w") as f:
                    f.writelines(json.dumps(r) + "\n" for r in records)
            if profiles:
                import pstats

                merged = pstats.Stats(profiles[0])
                for p in profiles[1:]:
                    merged.add(p)
                merged.dump_stats(cprofile_path)

    def wrapped(environ, start_response):
        path = environ.get("PATH_INFO")
        if path == "/_test/profile-reset":
            with lock:
                stats.clear()
                records.clear()
                profiles.clear()
            return Response("{}", mimetype="application/json")(environ, start_response)
        if path == "/_test/profile-dump":
            dump()
            return Response("{}", mimetype="application/json")(environ, start_response)
        cpu0, wall0 = time.thread_time(), time.perf_counter()
        body = _buffer_body(environ)
        op = _operation(environ, body)
        record = _recorded(environ, body) if record_path else None
        profiler = None
        if cprofile_path:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        try:
            return list(app(environ, start_response))
        finally:
            if profiler:
                profiler.disable()
            cpu, wall = time.thread_time() - cpu0, time.perf_counter() - wall0
            with lock:
                entry = stats.setdefault(op, [0, 0.0, 0.0])
                entry[0] += 1
                entry[1] += cpu
                entry[2] += wall
                if record:
                    records.append(record)
                if profiler:
                    profiles.append(profiler)

    def on_term(*_):
        dump()
        os._exit(0)

    signal.signal(signal.SIGTERM, on_term)
    atexit.register(dump)
    return wrapped
