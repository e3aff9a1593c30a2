"""Launch the moto server for tests and benchmarks.

Usage: python3 test/support/moto_server.py PORT

Runs moto's own server in-process so test-only extensions (an indexed CloudWatch metric
store, endpoints that backdate timestamps) can be added here without forking moto.
"""
import os
import sys

os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
os.environ.setdefault("MOTO_EC2_ENABLE_INSTANCE_TYPE_VALIDATION", "true")
os.environ.setdefault("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")

from moto.server import main  # noqa: E402

if __name__ == "__main__":
    port = sys.argv[1] if len(sys.argv) > 1 else "5001"
    main(["-H", "127.0.0.1", "-p", port])
