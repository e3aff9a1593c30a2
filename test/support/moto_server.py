"""Launch the moto server for tests and benchmarks.

Usage: python3 test/support/moto_server.py PORT

Runs moto's own server in-process so test-only extensions can be added here without forking moto:

1. An INDEXED CloudWatch metric store. Stock moto answers GetMetricData by scanning every stored
   datapoint for every query and every period (513 s for a 2,000-instance benchmark). Datapoints
   are also indexed by (namespace, metric name, dimensions) as they are put, and GetMetricData
   queries that name their dimensions read only their own datapoints (23 s). Queries without
   dimensions, metric math and Metrics Insights still go to moto's original code. Unlike stock
   moto, an indexed query also matches the namespace (moto ignores it when dimensions are given).

2. POST /_test/backdate -- rewrites timestamps on moto's backend objects so age-based end-to-end
   tests are possible (the AWS API cannot set them). JSON body:
       {"account": "123456789012",          # optional, default 123456789012
        "region": "us-east-1",              # ignored for "access-key" (IAM is global)
        "kind": "instance" | "volume" | "snapshot" | "access-key",
        "id": "i-...| vol-... | snap-... | AKIA...",
        "days": 45}                          # how many days ago the event happened
   instance: launch time, and the date inside a "User initiated (...)" state transition reason;
   volume: create time; snapshot: start time; access-key: create date.
   Answers 200 {"ok": true} or 400/404 {"error": "..."}.

3. Request routing without disk I/O: stock moto lists its own package directory (os.listdir and
   ~180 os.path.isdir calls) on every request to route it, under a global lock; that listing is
   computed once here. Behaviour is unchanged.

4. AGAIN_MOTO_KEEPALIVE=1 (the collection benchmark sets it): HTTP/1.1 keep-alive, as AWS endpoints
   and the SDK's keep-alive agents do; stock moto answers HTTP/1.0 and so costs a new connection and
   a new thread per request. Tests keep the stock behaviour.

5. Optional profiling and request recording for benchmarks: see test/support/moto_profile.py
   (AGAIN_MOTO_PROFILE, AGAIN_MOTO_CPROFILE, AGAIN_MOTO_RECORD).
"""
import json
import os
import sys
import threading
from datetime import timedelta

os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
os.environ.setdefault("MOTO_EC2_ENABLE_INSTANCE_TYPE_VALIDATION", "true")
os.environ.setdefault("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")

from moto import backends as moto_backends  # noqa: E402
from moto.cloudwatch.models import CloudWatchBackend, MetricDatum, Statistics  # noqa: E402
from moto.core.utils import utcnow  # noqa: E402
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app  # noqa: E402
from werkzeug.serving import run_simple  # noqa: E402
from werkzeug.wrappers import Request, Response  # noqa: E402

DEFAULT_ACCOUNT = "123456789012"

# ------------------------------------------------------------------ request routing without disk I/O
# Stock moto lists its own package directory (os.listdir + ~180 os.path.isdir) on EVERY request to
# route it, under a global lock. The listing never changes while the server runs: compute it once.
_MOTO_MODULES = tuple(moto_backends.list_of_moto_modules())
moto_backends.list_of_moto_modules = lambda: _MOTO_MODULES


# ------------------------------------------------------------------ indexed CloudWatch store
_index_lock = threading.Lock()


def _dims_key(dimensions):
    return tuple(sorted((d.name, d.value) for d in dimensions))


def _query_dims_key(dimensions):
    return tuple(sorted((d["Name"], d["Value"]) for d in dimensions))


def _index(backend):
    # Stored on the backend instance, so moto's reset (new backend objects) resets it too.
    index = backend.__dict__.get("_again_index")
    if index is None:
        index = {}
        backend.__dict__["_again_index"] = index
        backend.__dict__["_again_indexed_upto"] = 0
    return index


def _catch_up(backend):
    index = _index(backend)
    start = backend.__dict__["_again_indexed_upto"]
    data = backend.metric_data
    for md in data[start:]:
        index.setdefault((md.namespace, md.name, _dims_key(md.dimensions)), []).append(md)
    backend.__dict__["_again_indexed_upto"] = len(data)
    return index


_FAST_STATS = {
    "Average": lambda v: sum(v) / len(v),
    "Sum": sum,
    "Minimum": min,
    "Maximum": max,
    "SampleCount": len,
}


def _statistic(data, stat, timestamp):
    """moto's Statistics result for one period, computed directly when every datum is a plain value
    (the common case: it skips building a Statistics object per period)."""
    fast = _FAST_STATS.get(stat)
    if fast is not None and all(type(md) is MetricDatum for md in data):
        return fast([md.value for md in data])
    stats = Statistics([stat], timestamp)
    stats.metric_data = data
    return stats.get_statistics_for_type(stat)


_original_get_metric_data = CloudWatchBackend.get_metric_data


def _indexed_get_metric_data(self, queries, start_time, end_time, scan_by="TimestampAscending"):
    indexable = all(
        "MetricStat" in q and q["MetricStat"]["Metric"].get("Dimensions") and not q["MetricStat"].get("Unit")
        for q in queries
    )
    if not indexable:
        return _original_get_metric_data(self, queries, start_time, end_time, scan_by)
    start_time = start_time.replace(microsecond=0)
    end_time = end_time.replace(microsecond=0)
    if start_time >= end_time:
        # Let moto raise its own validation errors.
        return _original_get_metric_data(self, queries, start_time, end_time, scan_by)
    with _index_lock:
        index = _catch_up(self)
    results = []
    for query in queries:
        stat_query = query["MetricStat"]
        metric = stat_query["Metric"]
        period = int(stat_query["Period"])
        stat = stat_query["Stat"]
        key = (metric["Namespace"], metric["MetricName"], _query_dims_key(metric["Dimensions"]))
        buckets = {}
        for md in index.get(key, ()):
            if start_time <= md.timestamp < end_time:
                slot = int((md.timestamp - start_time).total_seconds() // period)
                buckets.setdefault(slot, []).append(md)
        timestamps, values = [], []
        for slot in sorted(buckets):
            timestamps.append(start_time + timedelta(seconds=slot * period))
            values.append(_statistic(buckets[slot], stat, start_time))
        if scan_by == "TimestampDescending":
            timestamps.reverse()
            values.reverse()
        if query.get("ReturnData", True):
            results.append(
                {
                    "id": query["Id"],
                    "label": query.get("Label") or f"{metric['MetricName']} {stat}",
                    "values": values,
                    "timestamps": timestamps,
                    "status_code": "Complete",
                }
            )
    return results


CloudWatchBackend.get_metric_data = _indexed_get_metric_data


# ------------------------------------------------------------------ POST /_test/backdate
def _shifted(current, days):
    """A timestamp `days` ago, in the same representation (datetime or string) moto used."""
    target = utcnow() - timedelta(days=days)
    if isinstance(current, str):
        return target.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return target


def _backdate(body):
    from moto.ec2.models import ec2_backends
    from moto.iam.models import iam_backends

    account = body.get("account", DEFAULT_ACCOUNT)
    kind, object_id, days = body.get("kind"), body.get("id"), body.get("days")
    if not isinstance(days, (int, float)) or not isinstance(object_id, str):
        return 400, {"error": "expected numeric 'days' and string 'id'"}
    if kind == "access-key":
        backend = iam_backends[account]["global"]
        for user in backend.users.values():
            for key in user.access_keys:
                if key.access_key_id == object_id:
                    key.create_date = _shifted(key.create_date, days)
                    return 200, {"ok": True}
        return 404, {"error": f"no access key {object_id}"}
    region = body.get("region")
    if not isinstance(region, str):
        return 400, {"error": "expected 'region'"}
    ec2 = ec2_backends[account][region]
    try:
        if kind == "instance":
            instance = ec2.get_instance(object_id)
            instance.launch_time = _shifted(instance.launch_time, days)
            reason = getattr(instance, "_reason", "") or ""
            if reason.startswith("User initiated ("):
                at = utcnow() - timedelta(days=days)
                instance._reason = f"User initiated ({at.strftime('%Y-%m-%d %H:%M:%S')} UTC)"
        elif kind == "volume":
            volume = ec2.get_volume(object_id)
            volume.create_time = _shifted(volume.create_time, days)
        elif kind == "snapshot":
            snapshot = ec2.get_snapshot(object_id)
            snapshot.start_time = _shifted(snapshot.start_time, days)
        else:
            return 400, {"error": f"unknown kind {kind!r}"}
    except Exception as error:  # moto raises its own NotFound errors
        return 404, {"error": str(error)}
    return 200, {"ok": True}


def build_app():
    moto_app = DomainDispatcherApplication(create_backend_app)

    def app(environ, start_response):
        if environ.get("PATH_INFO") == "/_test/backdate" and environ.get("REQUEST_METHOD") == "POST":
            request = Request(environ)
            try:
                body = json.loads(request.get_data(as_text=True) or "{}")
            except ValueError:
                body = None
            status, answer = (400, {"error": "invalid JSON"}) if not isinstance(body, dict) else _backdate(body)
            return Response(json.dumps(answer), status=status, mimetype="application/json")(environ, start_response)
        return moto_app(environ, start_response)

    if os.environ.get("AGAIN_MOTO_PROFILE"):
        from moto_profile import profiled  # test/support/moto_profile.py, benchmarks only

        return profiled(app, os.environ["AGAIN_MOTO_PROFILE"], os.environ.get("AGAIN_MOTO_CPROFILE"),
                        os.environ.get("AGAIN_MOTO_RECORD"))
    return app


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 5001
    from werkzeug.serving import WSGIRequestHandler

    if os.environ.get("AGAIN_MOTO_KEEPALIVE"):
        WSGIRequestHandler.protocol_version = "HTTP/1.1"
    run_simple("127.0.0.1", port, build_app(), threaded=True)
