"""The session-wide guard: tests may talk to this machine only."""
from __future__ import annotations

import socket
import threading

import pytest


@pytest.mark.parametrize("address", [("192.0.2.1", 80), ("8.8.8.8", 53), ("10.0.0.1", 443), ("example.org", 80),
                                     ("2001:db8::1", 80, 0, 0)])
def test_guard_refuses_non_loopback(no_network, address):
    assert socket.socket.connect is no_network.connect
    assert socket.create_connection is no_network.create_connection
    with pytest.raises(no_network.Blocked):
        no_network.check(address, socket.AF_INET)


@pytest.mark.parametrize("host", ["127.0.0.1"])
def test_guard_allows_loopback(no_network, host):
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind((host, 0))
    srv.listen(1)
    port = srv.getsockname()[1]
    t = threading.Thread(target=lambda: srv.accept()[0].close(), daemon=True)
    t.start()
    try:
        with socket.create_connection((host, port), timeout=5):
            pass
        for name in ("localhost", "::1", "127.5.6.7"):
            no_network.check((name, port))  # the checker only: no connection is made
    finally:
        t.join(5)
        srv.close()


@pytest.mark.parametrize("path", ["/tmp/kg-test.sock"])
def test_guard_allows_unix_sockets(no_network, path):
    no_network.check(path, getattr(socket, "AF_UNIX", None))
