"""The CLI's audit hook refuses connections that leave the machine. Tested with synthetic
audit events (sys.audit) in a child process: no packet is ever sent."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kg.netguard import is_local

PROBE = """
import sys
from kg.cli import _allow_named_servers
_allow_named_servers({argv!r})
try:
    sys.audit("socket.connect", None, ({host!r}, 80))
    print("allowed")
except Exception as exc:
    print("refused", exc)
"""


@pytest.mark.parametrize("host,argv,expected", [
    ("192.0.2.1", [], "refused"),
    ("example.org", [], "refused"),
    ("127.0.0.1", [], "allowed"),
    ("::1", [], "allowed"),
    ("localhost", [], "allowed"),
    ("sparql.example.org", ["query", "--endpoint", "http://sparql.example.org/query", "ASK {}"], "allowed"),
    ("other.example.org", ["query", "--endpoint", "http://sparql.example.org/query", "ASK {}"], "refused"),
])
def test_cli_audit_hook(host, argv, expected) -> None:
    out = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv, host=host)],
                         capture_output=True, text=True, timeout=60).stdout
    assert out.startswith(expected), out
    if expected == "refused":
        assert "[E090]" in out and "works offline" in out


@pytest.mark.parametrize("host,local", [("127.0.0.2", True), ("[::1]", True), ("10.0.0.1", False), ("8.8.8.8", False)])
def test_is_local(host, local) -> None:
    assert is_local(host) is local
